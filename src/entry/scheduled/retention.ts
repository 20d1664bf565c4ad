/**
 * `scheduledTrigger` (day): deletes what is past its stated retention (src/domain/retention.ts,
 * src/app/retention/enforce-retention.ts). Runs as the app over Ballast's own storage only; logs
 * counts, never content.
 */
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { enforceRetention } from '../../app/retention/enforce-retention';
import { systemClock } from '../../ports/clock';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function onRetention(): Promise<ScheduledTriggerResponse> {
  const report = await enforceRetention(
    { kv: new ForgeKeyValueStore(), store: new ForgeDocumentStore() },
    systemClock.now(),
  );
  console.info(
    `Ballast retention: deleted ${report.sliDays} SLI day(s), ${report.deployments} deployment key(s), ${report.incidents} incident(s), ${report.postmortemClaims} postmortem claim(s), ${report.sprintSnapshots} sprint snapshot key(s); removed ${report.auditEntries} audit entr(ies)${report.unfinished ? '; more is past retention and is deleted by the next run' : ''}`,
  );
  return SCHEDULED_DONE;
}
