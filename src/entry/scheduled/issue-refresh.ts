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
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';

/** manifest.yml `timeoutSeconds: 300` of the issue-refresh function. */
const FUNCTION_LIMIT_MS = 300_000;
/** Of the function's 300 s: stop starting new issues after this, leaving time to save progress. */
const BUDGET_MS = 240_000;

export async function onIssueRefresh(): Promise<void> {
  const kv = new ForgeKeyValueStore();
  const clock = pacingClock;
  const jira = jiraAsApp(inBackground(FUNCTION_LIMIT_MS));
  const deps = { jira, store: new ForgeDocumentStore(), kv, clock };
  const started = clock.now().getTime();
  for (const projectKey of await knownProjects(kv)) {
    const left = BUDGET_MS - (clock.now().getTime() - started);
    if (left <= 0) break;
    try {
      await refreshProjectIssues(deps, { projectKey, budgetMs: left });
    } catch (error: unknown) {
      // The pass saved its progress at the issue Jira refused; the next hourly run resumes there.
      // Jira refuses every call until its limit resets, so the other projects wait for that run too.
      if (error instanceof JiraRateLimitError) {
        console.warn(`Ballast stopped the issue refresh at ${projectKey}: ${error.message}`);
        return;
      }
      console.error(`Ballast could not refresh the issues of ${projectKey}`, error);
    }
  }
}
