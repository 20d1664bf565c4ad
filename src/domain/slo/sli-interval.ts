/**
 * SLI data as it arrives: good/total event counts over intervals [start, end) on whole minutes,
 * and the checks that make an interval usable (no overlaps, good ≤ total, non-negative counts).
 */
import { MINUTE_MS, type Instant } from './duration';

export interface SliInterval {
  readonly start: Instant;
  readonly end: Instant;
  readonly good: number;
  readonly total: number;
}

/**
 * The most events one interval may count (good or total): a billion — 16 million a second over a
 * minute, beyond any service Ballast serves. It keeps every sum exact: a window of up to 9 million
 * intervals (17 years of minutes) sums to at most 9e15, below Number.MAX_SAFE_INTEGER (2^53 − 1,
 * ECMA-262 §21.1.2.6), so no sum rounds or overflows to Infinity (issue #19: counts of 1e308
 * summed to Infinity and an SLO whose minute was all bad showed 100 % budget left).
 */
export const MAX_SLI_COUNT = 1_000_000_000;

/** Whether a count is one Ballast can sum exactly: a whole number from 0 to MAX_SLI_COUNT. */
export function isUsableCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_SLI_COUNT;
}

/**
 * An interval stored before counts were bounded (issue #19), brought within MAX_SLI_COUNT: a total
 * above it is scaled down to it with the interval's own good ratio, rounded down (so never better
 * than stored); a count that is not a finite non-negative number counts as all bad at the limit —
 * unknown data must never make an SLO look healthier. Usable intervals are returned unchanged.
 */
export function withinCountLimit(iv: SliInterval): SliInterval {
  const finite = (n: number) => Number.isFinite(n) && n >= 0;
  if (!finite(iv.good) || !finite(iv.total) || iv.good > iv.total)
    return { ...iv, good: 0, total: MAX_SLI_COUNT };
  if (iv.total <= MAX_SLI_COUNT) return iv;
  return { ...iv, good: Math.floor((iv.good / iv.total) * MAX_SLI_COUNT), total: MAX_SLI_COUNT };
}

/** An SLI interval that cannot be used, with its index in the input and the reason. */
export interface SliDataIssue {
  readonly index: number;
  readonly reason: string;
}

/** Validates intervals one by one and against each other (after sorting by start). */
export function checkSliIntervals(intervals: readonly SliInterval[]): readonly SliDataIssue[] {
  const issues: SliDataIssue[] = [];
  intervals.forEach((iv, index) => {
    if (!Number.isFinite(iv.start) || !Number.isFinite(iv.end)) {
      issues.push({ index, reason: 'start and end must be valid times' });
    } else if (iv.start % MINUTE_MS !== 0 || iv.end % MINUTE_MS !== 0) {
      issues.push({ index, reason: 'start and end must be whole minutes (seconds = 0)' });
    } else if (iv.end <= iv.start) {
      issues.push({ index, reason: 'end must be after start' });
    }
    if (!isUsableCount(iv.good) || !isUsableCount(iv.total)) {
      issues.push({
        index,
        reason: `good and total must be whole numbers from 0 to ${MAX_SLI_COUNT.toLocaleString('en')}`,
      });
    } else if (iv.good > iv.total) {
      issues.push({ index, reason: `good (${iv.good}) must not exceed total (${iv.total})` });
    }
  });
  const order = intervals
    .map((_, i) => i)
    .sort((a, b) => intervals[a]!.start - intervals[b]!.start);
  for (let k = 1; k < order.length; k += 1) {
    const prev = intervals[order[k - 1]!]!;
    const cur = intervals[order[k]!]!;
    if (cur.start < prev.end) {
      issues.push({
        index: order[k]!,
        reason: `overlaps the interval starting ${iso(prev.start)}`,
      });
    }
  }
  return issues;
}

export function isSortedByStart(intervals: readonly SliInterval[]): boolean {
  for (let k = 1; k < intervals.length; k += 1) {
    if (intervals[k]!.start < intervals[k - 1]!.start) return false;
  }
  return true;
}

function iso(at: Instant): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : String(at);
}
