/**
 * `jira:workflowValidator` _Ballast error-budget gate_ (function-based; company-managed projects
 * only): refuses starting feature work while the project's gate is FROZEN (PRODUCT.md §4). Jira
 * calls it only on the transitions an admin added it to (Ballast's README: the transitions into
 * In Progress), with the documented argument (validator-event.ts). Runs as the app: it reads only
 * the issue being moved and Ballast's own storage, and answers only yes/no with the reason.
 */
import { checkFeatureStart } from '../../app/gate/check-feature-start';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { steppingAsideWithoutLicence } from '../licence/fail-open';
import { projectKeyOf, validatorEventSchema, type ValidatorResult } from './validator-event';

export async function gateValidator(event: unknown, context?: unknown): Promise<ValidatorResult> {
  const parsed = validatorEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('Ballast gate validator: unexpected event', parsed.error.issues[0]);
    return { result: true };
  }
  const issueKey = parsed.data.issue.key;
  // Fails open without a licence, and says so (licence/fail-open.ts).
  if (
    steppingAsideWithoutLicence(
      context,
      'gate validator',
      `the gate validator let ${issueKey} through`,
    )
  )
    return { result: true };
  try {
    const check = await checkFeatureStart(
      { jira: jiraAsApp(), store: new ForgeDocumentStore(), kv: new ForgeKeyValueStore() },
      {
        projectKey: projectKeyOf(issueKey),
        issueKey,
        toStatusId: parsed.data.transition.to.id,
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
