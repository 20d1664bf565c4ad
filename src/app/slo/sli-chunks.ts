/**
 * The stored shape of SLI data: intervals as `[startMs, endMs, good, total]` tuples (compact: a day
 * of one-minute intervals is about 60 KB, well under Forge's 240 KiB per value), in raw batch
 * records written by the push API and in one compacted record per SLO per day.
 */
import type { SliInterval } from '../../domain/slo';

export type StoredInterval = readonly [start: number, end: number, good: number, total: number];

/** One push's intervals of one SLO starting on one day; never changed after it is written. */
export interface SliRawRecord {
  readonly v: 1;
  readonly batchId: string;
  readonly receivedAt: string;
  readonly intervals: readonly StoredInterval[];
}

/** The merged intervals of one SLO starting on one day, and the batches already merged into it. */
export interface SliDayRecord {
  readonly v: 1;
  /** Sorted by start; no two overlap. */
  readonly intervals: readonly StoredInterval[];
  /** Batch ids merged here: a raw record of one of them is never merged twice. */
  readonly batches: readonly string[];
}

export const EMPTY_DAY: SliDayRecord = { v: 1, intervals: [], batches: [] };

export const toStored = (iv: SliInterval): StoredInterval => [iv.start, iv.end, iv.good, iv.total];

export const fromStored = ([start, end, good, total]: StoredInterval): SliInterval => ({
  start,
  end,
  good,
  total,
});

export interface MergeResult {
  readonly day: SliDayRecord;
  /** Intervals dropped because they overlap stored data with a different start. */
  readonly conflicts: number;
  /** Earliest start among the intervals that changed the day, or null when nothing changed. */
  readonly changedFrom: number | null;
}

/**
 * Merges raw batches (in the order given, oldest first) into a day. An interval with the same
 * start as a stored one replaces it — a later push of the same minute is a correction, never
 * added twice; one that overlaps a stored interval with another start is dropped and counted, so
 * no event is counted twice whatever the pushers send. Batches already merged are skipped.
 */
export function mergeIntoDay(day: SliDayRecord, raws: readonly SliRawRecord[]): MergeResult {
  // Stored intervals never overlap, so sorted by start their ends increase too: an interval can
  // only collide with its neighbours in that order (binary search, not a scan of the day).
  const sorted: StoredInterval[] = [...day.intervals].sort((a, b) => a[0] - b[0]);
  const merged = new Set(day.batches);
  let conflicts = 0;
  let changedFrom: number | null = null;
  for (const raw of raws) {
    if (merged.has(raw.batchId)) continue;
    merged.add(raw.batchId);
    for (const iv of raw.intervals) {
      const at = lowerBound(sorted, iv[0]);
      const same = sorted[at]?.[0] === iv[0];
      const before = sorted[at - 1];
      const after = sorted[same ? at + 1 : at];
      if (
        (before !== undefined && before[1] > iv[0]) ||
        (after !== undefined && after[0] < iv[1])
      ) {
        conflicts += 1;
        continue;
      }
      sorted.splice(at, same ? 1 : 0, iv);
      changedFrom = changedFrom === null ? iv[0] : Math.min(changedFrom, iv[0]);
    }
  }
  return { day: { v: 1, intervals: sorted, batches: [...merged] }, conflicts, changedFrom };
}

/** First index whose start is ≥ `start`. */
function lowerBound(sorted: readonly StoredInterval[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]![0] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
