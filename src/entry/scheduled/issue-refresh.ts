/**
 * `scheduledTrigger` (hour): keeps every known project's issues classified and indexed
 * (src/app/issue/refresh-project.ts) — a full pass a day, resumed across runs when a project is
 * large. Runs as the app: it writes only Ballast's own property and field on the project's issues.
 */
import { refreshProjectIssues } from '../../app/issue/refresh-project';
import { knownProjects } from '../../app/metrics/snapshot-store';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

/** Of the function's 300 s: stop starting new issues after this, leaving time to save progress. */
const BUDGET_MS = 240_000;

export async function onIssueRefresh(): Promise<ScheduledTriggerResponse> {
  const kv = new ForgeKeyValueStore();
  const deps = { jira: jiraAsApp(), store: new ForgeDocumentStore(), kv, clock: systemClock };
  const started = Date.now();
  for (const projectKey of await knownProjects(kv)) {
    const left = BUDGET_MS - (Date.now() - started);
    if (left <= 0) break;
    try {
      await refreshProjectIssues(deps, { projectKey, budgetMs: left });
    } catch (error: unknown) {
      console.error(`Ballast could not refresh the issues of ${projectKey}`, error);
    }
  }
  return SCHEDULED_DONE;
}
