/**
 * Merges an SLO's raw pushed batches into its per-day records (the fiveMinute job). A lock key with
 * a TTL keeps two jobs from merging the same SLO at once; each day is written together with its
 * sums (sli-day-sums.ts) and the deletion of the raw records it absorbed, in one transaction, so a
 * crash leaves either the raw records or the merged day — and a raw record merged twice is skipped
 * by its batch id.
 */
import type { KeyValueStore } from '../../ports/key-value-store';
import { listAll } from '../../ports/key-value-store';
import { daySumsOperation } from './sli-day-sums';
import { EMPTY_DAY, mergeIntoDay, type SliDayRecord, type SliRawRecord } from './sli-chunks';
import { sliDayKey, sliRawPrefix, sloCompactionLockKey } from './storage-keys';

/** Longer than any compaction takes; short enough that a crashed job does not block for long. */
export const COMPACTION_LOCK_TTL_SECONDS = 240;
/** One transaction (Forge: ≤ 25 operations): the day record, its sums and ≤ 23 raw deletions. */
const RAW_PER_TRANSACTION = 23;

export interface CompactionResult {
  readonly slo: string;
  /** False when another job held the lock (nothing done). */
  readonly ran: boolean;
  readonly batchesMerged: number;
  readonly daysWritten: number;
  readonly conflicts: number;
  /** Earliest start of data that changed, or null when nothing changed. */
  readonly changedFrom: number | null;
}

export async function compactSli(
  kv: KeyValueStore,
  slo: string,
  now: Date,
  /** The SLO's Timeslices slice target (sliceTargetOf), for the day sums written with each day. */
  sliceTarget = 1,
): Promise<CompactionResult> {
  // Most runs find nothing new for an SLO: then no lock (two writes) is needed.
  const nothing = {
    slo,
    ran: true,
    batchesMerged: 0,
    daysWritten: 0,
    conflicts: 0,
    changedFrom: null,
  };
  if ((await kv.list(sliRawPrefix(slo), { limit: 1 })).entries.length === 0) return nothing;
  const lock = sloCompactionLockKey(slo);
  const acquired = await kv.setIfAbsent(
    lock,
    { since: now.toISOString() },
    { ttlSeconds: COMPACTION_LOCK_TTL_SECONDS },
  );
  if (!acquired) {
    return { slo, ran: false, batchesMerged: 0, daysWritten: 0, conflicts: 0, changedFrom: null };
  }
  try {
    const raws = await listAll<SliRawRecord>(kv, sliRawPrefix(slo));
    const byDay = new Map<string, { key: string; record: SliRawRecord }[]>();
    for (const entry of raws) {
      const day = entry.key.slice(sliRawPrefix(slo).length, sliRawPrefix(slo).length + 10);
      byDay.set(day, [...(byDay.get(day) ?? []), { key: entry.key, record: entry.value }]);
    }
    let conflicts = 0;
    let daysWritten = 0;
    let changedFrom: number | null = null;
    for (const [day, entries] of byDay) {
      // Oldest first, so a later correction of the same minute wins.
      entries.sort((a, b) => a.record.receivedAt.localeCompare(b.record.receivedAt));
      for (let i = 0; i < entries.length; i += RAW_PER_TRANSACTION) {
        const part = entries.slice(i, i + RAW_PER_TRANSACTION);
        const current = (await kv.get<SliDayRecord>(sliDayKey(slo, day))) ?? EMPTY_DAY;
        const merged = mergeIntoDay(
          current,
          part.map((p) => p.record),
        );
        conflicts += merged.conflicts;
        if (merged.changedFrom !== null) {
          changedFrom =
            changedFrom === null ? merged.changedFrom : Math.min(changedFrom, merged.changedFrom);
        }
        await kv.transact([
          { op: 'set', key: sliDayKey(slo, day), value: merged.day },
          daySumsOperation(slo, day, merged.day, sliceTarget),
          ...part.map((p) => ({ op: 'delete' as const, key: p.key })),
        ]);
        daysWritten += 1;
      }
    }
    return { slo, ran: true, batchesMerged: raws.length, daysWritten, conflicts, changedFrom };
  } finally {
    await kv.delete(lock);
  }
}
