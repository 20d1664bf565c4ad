/**
 * Where each SLO's stored data ends — merged days and batches not merged yet — so a connector
 * resumes from there instead of pushing history again (issue #9).
 */
import type { DocumentStore } from '../../ports/document-store';
import { listAll, type KeyValueStore } from '../../ports/key-value-store';
import type { StoredSloStatus } from './roll-up-slo';
import { loadSloDirectory } from './slo-catalog';
import type { SliRawRecord } from './sli-chunks';
import { sliRawPrefix, sloStatusKey } from './storage-keys';

export async function sloDataUntil(deps: {
  kv: KeyValueStore;
  store: DocumentStore;
}): Promise<{ slo: string; dataUntil: string | null }[]> {
  const names = [...(await loadSloDirectory(deps.store)).entries.keys()].sort();
  const result: { slo: string; dataUntil: string | null }[] = [];
  for (const slo of names) {
    const stored = await deps.kv.get<StoredSloStatus>(sloStatusKey(slo));
    let until =
      stored?.dataUntil === null || stored === undefined ? -Infinity : Date.parse(stored.dataUntil);
    for (const raw of await listAll<SliRawRecord>(deps.kv, sliRawPrefix(slo))) {
      for (const iv of raw.value.intervals) until = Math.max(until, iv[1]);
    }
    result.push({ slo, dataUntil: Number.isFinite(until) ? new Date(until).toISOString() : null });
  }
  return result;
}
