/**
 * The stored roll-up per day (issue #21 item 2): for each compacted day of an SLO, the sums of its
 * intervals (events, covered time, Timeslices minutes at the SLO's slice target). Compaction writes
 * a day and its sums in one transaction, so they never disagree; a day stored before sums existed,
 * or summed for another slice target, is summed by the next roll-up under the compaction lock.
 */
import {
  MAX_SLI_COUNT,
  summarizeColumns,
  withinCountLimit,
  type SliBlockSums,
  type SliColumns,
} from '../../domain/slo';
import type { KeyValueOperation, KeyValueStore } from '../../ports/key-value-store';
import { fromStored, type SliDayRecord } from './sli-chunks';
import { sliDayKey, sliDaySumsKey, sloCompactionLockKey } from './storage-keys';

export interface SliDaySumsRecord extends SliBlockSums {
  readonly v: 1;
  /** The Timeslices slice target `goodMinutes` was counted at (1 for Occurrences SLOs). */
  readonly sliceTarget: number;
}

/** Whether a stored value is sums this code can use for `sliceTarget`. */
export function usableSums(value: unknown, sliceTarget: number): value is SliDaySumsRecord {
  const r = value as Partial<SliDaySumsRecord> | undefined;
  return r !== undefined && r !== null && r.v === 1 && r.sliceTarget === sliceTarget;
}

/**
 * A day's intervals as columns, counts brought within MAX_SLI_COUNT as loadSliIntervals always
 * did (withinCountLimit: days stored before counts were bounded may hold 1e308) — no object per
 * minute except for such a legacy interval.
 */
export function dayColumns(day: SliDayRecord): SliColumns {
  // Compaction keeps a day sorted by start; a day written otherwise is sorted here, as the series
  // builder always sorted what it was given.
  const intervals = isSorted(day.intervals)
    ? day.intervals
    : [...day.intervals].sort((a, b) => a[0] - b[0]);
  const n = intervals.length;
  const columns = {
    length: n,
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    good: new Float64Array(n),
    total: new Float64Array(n),
  };
  for (let k = 0; k < n; k += 1) {
    const stored = intervals[k]!;
    let good = stored[2];
    let total = stored[3];
    // The same test withinCountLimit makes before it returns an interval unchanged.
    const usable = Number.isFinite(good) && good >= 0 && good <= total && total <= MAX_SLI_COUNT;
    if (!usable) ({ good, total } = withinCountLimit(fromStored(stored)));
    columns.starts[k] = stored[0];
    columns.ends[k] = stored[1];
    columns.good[k] = good;
    columns.total[k] = total;
  }
  return columns;
}

function isSorted(intervals: SliDayRecord['intervals']): boolean {
  for (let k = 1; k < intervals.length; k += 1)
    if (intervals[k]![0] < intervals[k - 1]![0]) return false;
  return true;
}

/** The sums record of a day, or null when it has no intervals or an invalid one. */
export function daySumsOf(day: SliDayRecord, sliceTarget: number): SliDaySumsRecord | null {
  const sums = summarizeColumns(dayColumns(day), sliceTarget);
  return sums === null ? null : { v: 1, sliceTarget, ...sums };
}

/** The operation that stores a day's sums beside it (deletes stale ones when it has none). */
export function daySumsOperation(
  slo: string,
  date: string,
  day: SliDayRecord,
  sliceTarget: number,
): KeyValueOperation {
  const sums = daySumsOf(day, sliceTarget);
  const key = sliDaySumsKey(slo, date);
  return sums === null ? { op: 'delete', key } : { op: 'set', key, value: sums };
}

/**
 * Sums the given days of an SLO (read afresh) while holding the compaction lock, so a compaction
 * cannot write a day between our read and our write. Returns false when another job held it (the
 * next roll-up tries again; until then those days are read minute by minute, as before).
 */
export async function backfillDaySums(
  kv: KeyValueStore,
  slo: string,
  dates: readonly string[],
  sliceTarget: number,
  now: Date,
  lockTtlSeconds: number,
): Promise<boolean> {
  const lock = sloCompactionLockKey(slo);
  const acquired = await kv.setIfAbsent(
    lock,
    { since: now.toISOString() },
    { ttlSeconds: lockTtlSeconds },
  );
  if (!acquired) return false;
  try {
    for (let i = 0; i < dates.length; i += 20) {
      const part = dates.slice(i, i + 20);
      const days = await kv.getMany<SliDayRecord>(part.map((d) => sliDayKey(slo, d)));
      const operations = part.flatMap((date) => {
        const day = days.get(sliDayKey(slo, date));
        return day === undefined ? [] : [daySumsOperation(slo, date, day, sliceTarget)];
      });
      if (operations.length > 0) await kv.transact(operations);
    }
    return true;
  } finally {
    await kv.delete(lock);
  }
}
