/**
 * `scheduledTrigger` (fiveMinute): merge pushed SLI batches and roll up every SLO's status and
 * policy state. Runs as the app; it reads and writes only Ballast's own storage.
 */
import { refreshSlos } from '../../app/slo/refresh-slos';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';

export async function onSloRefresh(): Promise<void> {
  const report = await refreshSlos(
    { kv: new ForgeKeyValueStore(), store: new ForgeDocumentStore() },
    systemClock.now(),
  );
  for (const failure of report.failed) {
    console.error(`Ballast could not refresh SLO ${failure.slo}: ${failure.error}`);
  }
}
