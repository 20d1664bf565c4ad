/**
 * The argument Jira passes a function-based `jira:workflowValidator`, as documented
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-workflow-validator/):
 * `{ issue: { key }, transition: { from: { id }, to: { id } } }`, the ids being status ids (strings),
 * and the answer it reads back, `{ result, errorMessage? }`. Fields Jira may add later are ignored,
 * never trusted: the validators decide from the issue key and target status alone.
 * Fixture: test/fixtures/forge/workflow-validator.json.
 */
import { z } from 'zod';

export const validatorEventSchema = z.looseObject({
  issue: z.looseObject({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/) }),
  transition: z.looseObject({
    from: z.looseObject({ id: z.string().min(1) }),
    to: z.looseObject({ id: z.string().min(1) }),
  }),
});

export type ValidatorEvent = z.infer<typeof validatorEventSchema>;

export interface ValidatorResult {
  result: boolean;
  /** Shown by Jira when `result` is false; ignored otherwise. */
  errorMessage?: string;
}

/** The issue's project key: what precedes the number in its key. */
export const projectKeyOf = (issueKey: string): string =>
  issueKey.slice(0, issueKey.lastIndexOf('-'));
