/**
 * `scheduledTrigger` (hour): keeps every known project's issues classified and indexed
 * (src/app/issue/refresh-project.ts) — a full pass a day, resumed across runs when a project is
 * large. Runs as the app: it writes only Ballast's own property and field on the project's issues.
 */
import { refreshProjectIssues } from '../../app/issue/refresh-project';
import { knownProjects } from '../../app/metrics/snapshot-store';
import { JiraRateLimitError } from '../../adapters/forge/jira/errors';
import { inBackground, jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { pacingClock } from '../../adapters/forge/jira/pacing';
import { QuotaWatch } from '../../adapters/forge/jira/rate-limit';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

/** manifest.yml `timeoutSeconds: 300` of the issue-refresh function. */
const FUNCTION_LIMIT_MS = 300_000;
/** Of the function's 300 s: stop starting new issues after this, leaving time to save progress. */
const BUDGET_MS = 240_000;

export async function onIssueRefresh(): Promise<ScheduledTriggerResponse> {
  const kv = new ForgeKeyValueStore();
  const clock = pacingClock;
  // Below 20% of Jira's hourly quota the pass stops and resumes next run: the rest of the hour
  // is left to people (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/,
  // X-RateLimit-NearLimit).
  const quota = new QuotaWatch();
  const jira = jiraAsApp(inBackground(FUNCTION_LIMIT_MS, quota));
  const deps = { jira, store: new ForgeDocumentStore(), kv, clock };
  const started = clock.now().getTime();
  for (const projectKey of await knownProjects(kv)) {
    const left = BUDGET_MS - (clock.now().getTime() - started);
    if (left <= 0 || quota.nearLimit) break;
    try {
      await refreshProjectIssues(deps, {
        projectKey,
        budgetMs: left,
        stopWhen: () => quota.nearLimit,
      });
    } catch (error: unknown) {
      // The pass saved its progress at the issue Jira refused; the next hourly run resumes there.
      // Jira refuses every call until its limit resets, so the other projects wait for that run too.
      if (error instanceof JiraRateLimitError) {
        console.warn(`Ballast stopped the issue refresh at ${projectKey}: ${error.message}`);
        return SCHEDULED_DONE;
      }
      console.error(`Ballast could not refresh the issues of ${projectKey}`, error);
    }
  }
  return SCHEDULED_DONE;
}
