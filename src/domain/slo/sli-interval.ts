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
    if (!Number.isFinite(iv.good) || !Number.isFinite(iv.total) || iv.good < 0 || iv.total < 0) {
      issues.push({ index, reason: 'good and total must be non-negative numbers' });
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
