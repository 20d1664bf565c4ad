/**
 * `scheduledTrigger` (hour): open a postmortem issue for each incident that spent more than 20% of
 * an SLO's error budget. Runs as the app (no user is present); it creates issues only in the project
 * that owns the SLO, and only when the project's own data calls for it.
 */
import { openPostmortems } from '../../app/slo/open-postmortems';
import { watchPostmortem } from '../../app/notify/watch-transitions';
import { ForgeNoticeQueue } from '../../adapters/forge/events/notice-queue';
import { JiraRateLimitError } from '../../adapters/forge/jira/errors';
import {
  DEFAULT_FUNCTION_LIMIT_MS,
  inBackground,
  jiraAsApp,
} from '../../adapters/forge/jira/forge-transport';
import { systemClock } from '../../ports/clock';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function onPostmortemCheck(): Promise<ScheduledTriggerResponse> {
  const deps = {
    jira: jiraAsApp(inBackground(DEFAULT_FUNCTION_LIMIT_MS)),
    kv: new ForgeKeyValueStore(),
    store: new ForgeDocumentStore(),
  };
  try {
    const notices = { kv: deps.kv, store: deps.store, queue: new ForgeNoticeQueue() };
    const opened = await openPostmortems(deps, systemClock.now(), (projectKey, p) =>
      watchPostmortem(notices, projectKey, p, systemClock.now()),
    );
    for (const p of opened) {
      console.info(`Ballast opened postmortem ${p.issueKey} for ${p.slo} (${p.start})`);
    }
  } catch (error: unknown) {
    // The incident's marker was released (open-postmortems.ts), so the next hourly run opens it.
    if (!(error instanceof JiraRateLimitError)) throw error;
    console.warn(`Ballast postmortems wait for the next run: ${error.message}`);
  }
  return SCHEDULED_DONE;
}
