/**
 * Where each SLO's stored data ends — merged days and batches not merged yet — so a connector
 * resumes from there instead of pushing history again (issue #9).
 */
import { latestPlausible } from '../../domain/plausible-time';
import type { DocumentStore } from '../../ports/document-store';
import { listAll, type KeyValueStore } from '../../ports/key-value-store';
import type { StoredSloStatus } from './roll-up-slo';
import { loadSloDirectory } from './slo-catalog';
import type { SliRawRecord } from './sli-chunks';
import { sliRawPrefix, sloStatusKey } from './storage-keys';

export async function sloDataUntil(
  deps: {
    kv: KeyValueStore;
    store: DocumentStore;
  },
  now: Date,
): Promise<{ slo: string; dataUntil: string | null }[]> {
  // Never a time in the future (issue #19, item 5): data stored before pushes were checked may end
  // in 9999, and a connector told so would think it had nothing left to send. Such data is left
  // out, so the answer is where the plausible data ends.
  const latest = latestPlausible(now);
  const plausible = (end: number) => (end <= latest ? end : -Infinity);
  const names = [...(await loadSloDirectory(deps.store)).entries.keys()].sort();
  const result: { slo: string; dataUntil: string | null }[] = [];
  for (const slo of names) {
    const stored = await deps.kv.get<StoredSloStatus>(sloStatusKey(slo));
    let until =
      stored?.dataUntil === null || stored === undefined
        ? -Infinity
        : plausible(Date.parse(stored.dataUntil));
    for (const raw of await listAll<SliRawRecord>(deps.kv, sliRawPrefix(slo))) {
      for (const iv of raw.value.intervals) until = Math.max(until, plausible(iv[1]));
    }
    result.push({ slo, dataUntil: Number.isFinite(until) ? new Date(until).toISOString() : null });
  }
  return result;
}
