/**
 * `jira:workflowValidator` _Ballast Definition of Done_ (function-based; company-managed projects
 * only): refuses a move into a Done-category status while required DoD items are open. Jira calls
 * it only on the transitions an admin added it to (Ballast's README: the transitions into Done),
 * with the documented argument (validator-event.ts).
 *
 * Validators run as the app (asApp): Jira has already checked that the person may transition the
 * issue, and the validator only reads that issue — it returns nothing to the person but a yes/no
 * and the names of their own issue's open DoD items.
 */
import { checkDoneTransition } from '../../app/issue/check-done-transition';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { steppingAsideWithoutLicence } from '../licence/fail-open';
import { projectKeyOf, validatorEventSchema, type ValidatorResult } from './validator-event';

export type { ValidatorResult } from './validator-event';

export async function dodValidator(event: unknown, context?: unknown): Promise<ValidatorResult> {
  const parsed = validatorEventSchema.safeParse(event);
  if (!parsed.success) {
    // Not a transition Ballast can judge: never block people because of it.
    console.error('Ballast DoD validator: unexpected event', parsed.error.issues[0]);
    return { result: true };
  }
  const issueKey = parsed.data.issue.key;
  // Fails open without a licence, and says so (licence/fail-open.ts).
  if (
    steppingAsideWithoutLicence(
      context,
      'DoD validator',
      `the DoD validator let ${issueKey} through`,
    )
  )
    return { result: true };
  try {
    const check = await checkDoneTransition(
      { jira: jiraAsApp(), store: new ForgeDocumentStore() },
      { projectKey: projectKeyOf(issueKey), issueKey, toStatusId: parsed.data.transition.to.id },
    );
    return check.allowed ? { result: true } : { result: false, errorMessage: check.message ?? '' };
  } catch (error: unknown) {
    // If Ballast cannot decide (Jira or storage down), it does not hold the team's work hostage.
    console.error(`Ballast DoD validator could not check ${issueKey}`, error);
    return { result: true };
  }
}
