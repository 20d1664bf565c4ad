/**
 * `jira:workflowValidator` (function-based; company-managed projects only): Jira calls it with
 * `{ issue: { key }, transition: { from: { id }, to: { id } }, configuration }` and expects
 * `{ result, errorMessage? }` (Forge manifest reference, jira-workflow-validator).
 *
 * Validators run as the app (asApp): Jira has already checked that the person may transition the
 * issue, and the validator only reads that issue — it returns nothing to the person but a yes/no
 * and the names of their own issue's open DoD items.
 */
import { z } from 'zod';
import { checkDoneTransition } from '../../app/issue/check-done-transition';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';

const eventSchema = z.looseObject({
  issue: z.looseObject({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/) }),
  transition: z.looseObject({ to: z.looseObject({ id: z.union([z.string(), z.number()]) }) }),
});

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

export async function dodValidator(event: unknown): Promise<ValidatorResult> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    // Not a transition Ballast can judge: never block people because of it.
    console.error('Ballast DoD validator: unexpected event', parsed.error.issues[0]);
    return { result: true };
  }
  const issueKey = parsed.data.issue.key;
  const projectKey = issueKey.slice(0, issueKey.lastIndexOf('-'));
  try {
    const check = await checkDoneTransition(
      { jira: jiraAsApp(), store: new ForgeDocumentStore() },
      { projectKey, issueKey, toStatusId: String(parsed.data.transition.to.id) },
    );
    return check.allowed ? { result: true } : { result: false, errorMessage: check.message ?? '' };
  } catch (error: unknown) {
    // If Ballast cannot decide (Jira or storage down), it does not hold the team's work hostage.
    console.error(`Ballast DoD validator could not check ${issueKey}`, error);
    return { result: true };
  }
}
