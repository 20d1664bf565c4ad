/**
 * `jira:workflowValidator` (function-based; company-managed projects only) for the error-budget
 * gate: refuses starting feature work while the project's gate is FROZEN (PRODUCT.md §4). Same
 * event and answer shapes as the DoD validator (dod-validator.ts). Runs as the app: it reads only
 * the issue being moved and Ballast's own storage, and answers only yes/no with the reason.
 */
import { z } from 'zod';
import { checkFeatureStart } from '../../app/gate/check-feature-start';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import type { ValidatorResult } from './dod-validator';

const eventSchema = z.looseObject({
  issue: z.looseObject({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/) }),
  transition: z.looseObject({ to: z.looseObject({ id: z.union([z.string(), z.number()]) }) }),
});

export async function gateValidator(event: unknown): Promise<ValidatorResult> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('Ballast gate validator: unexpected event', parsed.error.issues[0]);
    return { result: true };
  }
  const issueKey = parsed.data.issue.key;
  try {
    const check = await checkFeatureStart(
      { jira: jiraAsApp(), store: new ForgeDocumentStore(), kv: new ForgeKeyValueStore() },
      {
        projectKey: issueKey.slice(0, issueKey.lastIndexOf('-')),
        issueKey,
        toStatusId: String(parsed.data.transition.to.id),
        now: systemClock.now(),
      },
    );
    return check.allowed ? { result: true } : { result: false, errorMessage: check.message ?? '' };
  } catch (error: unknown) {
    // Undecidable (Jira or storage down): the error-budget policy is not enforced by an outage.
    console.error(`Ballast gate validator could not check ${issueKey}`, error);
    return { result: true };
  }
}
