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
  const byStart = new Map<number, StoredInterval>(day.intervals.map((iv) => [iv[0], iv]));
  const merged = new Set(day.batches);
  let conflicts = 0;
  let changedFrom: number | null = null;
  for (const raw of raws) {
    if (merged.has(raw.batchId)) continue;
    merged.add(raw.batchId);
    for (const iv of raw.intervals) {
      const same = byStart.get(iv[0]);
      if (same === undefined && overlapsAny(byStart, iv)) {
        conflicts += 1;
        continue;
      }
      if (same !== undefined && same[1] !== iv[1] && overlapsAny(byStart, iv, same)) {
        conflicts += 1;
        continue;
      }
      byStart.set(iv[0], iv);
      changedFrom = changedFrom === null ? iv[0] : Math.min(changedFrom, iv[0]);
    }
  }
  const intervals = [...byStart.values()].sort((a, b) => a[0] - b[0]);
  return { day: { v: 1, intervals, batches: [...merged] }, conflicts, changedFrom };
}

function overlapsAny(
  byStart: ReadonlyMap<number, StoredInterval>,
  iv: StoredInterval,
  except?: StoredInterval,
): boolean {
  for (const other of byStart.values()) {
    if (other === except) continue;
    if (iv[0] < other[1] && other[0] < iv[1]) return true;
  }
  return false;
}
