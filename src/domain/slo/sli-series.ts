/**
 * SLI data: good/total event counts over intervals [start, end) aligned to whole minutes, kept as
 * sorted arrays with prefix sums so any window sum costs two binary searches (PRODUCT.md §4:
 * 50 SLOs × 43,200 minutes must evaluate well under a second).
 *
 * Conventions (issue #4):
 * - windows are half-open, [from, to);
 * - an interval that straddles a window edge counts pro rata to the overlapping time, assuming its
 *   events were spread evenly over it;
 * - missing intervals are missing, never good: they add no events and no coverage;
 * - for Timeslices budgeting a minute is good when its ratio good/total meets the slice target; a
 *   minute with total = 0 has no data (it is neither good nor bad).
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

function iso(at: Instant): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : String(at);
}

/** Sorted, non-overlapping intervals with prefix sums (index k = sum over intervals before k). */
export interface SliSeries {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly prefixGood: Float64Array;
  readonly prefixBad: Float64Array;
  readonly prefixTotal: Float64Array;
  readonly prefixCoveredMs: Float64Array;
  /** Timeslices: minutes with data (total > 0) and good minutes at `sliceTarget`. */
  readonly prefixDataMinutes: Float64Array;
  readonly prefixGoodMinutes: Float64Array;
  readonly sliceTarget: number;
}

/**
 * Builds a series. Throws when the intervals are invalid: check them first with checkSliIntervals
 * where the input comes from people. `sliceTarget` is the Timeslices per-minute target (ignored by
 * Occurrences budgeting; pass 1 if unused).
 */
export function buildSliSeries(intervals: readonly SliInterval[], sliceTarget = 1): SliSeries {
  const issue = checkSliIntervals(intervals)[0];
  if (issue) throw new Error(`SLI interval ${issue.index}: ${issue.reason}`);
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const n = sorted.length;
  const s: SliSeries = {
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    prefixGood: new Float64Array(n + 1),
    prefixBad: new Float64Array(n + 1),
    prefixTotal: new Float64Array(n + 1),
    prefixCoveredMs: new Float64Array(n + 1),
    prefixDataMinutes: new Float64Array(n + 1),
    prefixGoodMinutes: new Float64Array(n + 1),
    sliceTarget,
  };
  sorted.forEach((iv, k) => {
    const minutes = (iv.end - iv.start) / MINUTE_MS;
    const hasData = iv.total > 0;
    s.starts[k] = iv.start;
    s.ends[k] = iv.end;
    s.prefixGood[k + 1] = s.prefixGood[k]! + iv.good;
    s.prefixBad[k + 1] = s.prefixBad[k]! + (iv.total - iv.good);
    s.prefixTotal[k + 1] = s.prefixTotal[k]! + iv.total;
    s.prefixCoveredMs[k + 1] = s.prefixCoveredMs[k]! + (iv.end - iv.start);
    s.prefixDataMinutes[k + 1] = s.prefixDataMinutes[k]! + (hasData ? minutes : 0);
    const good = hasData && iv.good / iv.total >= sliceTarget;
    s.prefixGoodMinutes[k + 1] = s.prefixGoodMinutes[k]! + (good ? minutes : 0);
  });
  return s;
}

/** Sums over [from, to). */
export interface WindowSums {
  readonly good: number;
  readonly bad: number;
  readonly total: number;
  readonly coveredMs: number;
  readonly dataMinutes: number;
  readonly goodMinutes: number;
}

type PrefixKey =
  | 'prefixGood'
  | 'prefixBad'
  | 'prefixTotal'
  | 'prefixCoveredMs'
  | 'prefixDataMinutes'
  | 'prefixGoodMinutes';

/** Number of intervals whose end is ≤ t (ends are sorted because intervals do not overlap). */
function endedBy(series: SliSeries, t: Instant): number {
  let lo = 0;
  let hi = series.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (series.ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cumulative quantity over (−∞, t), counting the interval that straddles t pro rata. */
function cumulative(series: SliSeries, key: PrefixKey, k: number, t: Instant): number {
  const prefix = series[key];
  const full = prefix[k]!;
  const start = series.starts[k];
  if (start === undefined || start >= t) return full;
  const end = series.ends[k]!;
  return full + ((prefix[k + 1]! - full) * (t - start)) / (end - start);
}

export function sumsOver(series: SliSeries, from: Instant, to: Instant): WindowSums {
  if (to <= from)
    return { good: 0, bad: 0, total: 0, coveredMs: 0, dataMinutes: 0, goodMinutes: 0 };
  const a = endedBy(series, from);
  const b = endedBy(series, to);
  const sum = (key: PrefixKey): number =>
    cumulative(series, key, b, to) - cumulative(series, key, a, from);
  return {
    good: sum('prefixGood'),
    bad: sum('prefixBad'),
    total: sum('prefixTotal'),
    coveredMs: sum('prefixCoveredMs'),
    dataMinutes: sum('prefixDataMinutes'),
    goodMinutes: sum('prefixGoodMinutes'),
  };
}

/** The first and last instants with data, or null for an empty series. */
export function seriesSpan(
  series: SliSeries,
): { readonly from: Instant; readonly to: Instant } | null {
  const n = series.starts.length;
  return n === 0 ? null : { from: series.starts[0]!, to: series.ends[n - 1]! };
}
