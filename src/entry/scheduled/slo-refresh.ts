/**
 * `scheduledTrigger` (fiveMinute): merge pushed SLI batches and roll up every SLO's status and
 * policy state. Runs as the app; it reads and writes only Ballast's own storage.
 */
import { refreshSlos } from '../../app/slo/refresh-slos';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function onSloRefresh(): Promise<ScheduledTriggerResponse> {
  const report = await refreshSlos(
    { kv: new ForgeKeyValueStore(), store: new ForgeDocumentStore() },
    systemClock.now(),
  );
  for (const failure of report.failed) {
    console.error(`Ballast could not refresh SLO ${failure.slo}: ${failure.error}`);
  }
  return SCHEDULED_DONE;
}
