/**
 * `scheduledTrigger` (fiveMinute): merge pushed SLI batches and roll up every SLO's status and
 * policy state. Runs as the app; it reads and writes only Ballast's own storage.
 */
import { refreshSlos } from '../../app/slo/refresh-slos';
import { noticesAfterRollUp } from '../../app/notify/after-roll-up';
import { ForgeNoticeQueue } from '../../adapters/forge/events/notice-queue';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function onSloRefresh(): Promise<ScheduledTriggerResponse> {
  const deps = { kv: new ForgeKeyValueStore(), store: new ForgeDocumentStore() };
  const report = await refreshSlos(deps, systemClock.now());
  for (const failure of report.failed) {
    console.error(`Ballast could not refresh SLO ${failure.slo}: ${failure.error}`);
  }
  // After every roll-up is stored: the notices of what changed (src/app/notify/after-roll-up.ts).
  const notices = await noticesAfterRollUp(
    { ...deps, queue: new ForgeNoticeQueue() },
    report,
    systemClock.now(),
  ).catch((error: unknown) => ({
    raised: 0,
    requeued: 0,
    failures: [error instanceof Error ? error.message : String(error)],
  }));
  for (const failure of notices.failures) {
    console.error(`Ballast could not raise a notice: ${failure}`);
  }
  return SCHEDULED_DONE;
}
