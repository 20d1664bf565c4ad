/**
 * `scheduledTrigger` (hour): open a postmortem issue for each incident that spent more than 20% of
 * an SLO's error budget. Runs as the app (no user is present); it creates issues only in the project
 * that owns the SLO, and only when the project's own data calls for it.
 */
import { openPostmortems } from '../../app/slo/open-postmortems';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function onPostmortemCheck(): Promise<ScheduledTriggerResponse> {
  const opened = await openPostmortems(
    { jira: jiraAsApp(), kv: new ForgeKeyValueStore(), store: new ForgeDocumentStore() },
    systemClock.now(),
  );
  for (const p of opened) {
    console.info(`Ballast opened postmortem ${p.issueKey} for ${p.slo} (${p.start})`);
  }
  return SCHEDULED_DONE;
}
