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
import {
  MAX_SLI_COUNT,
  checkSliIntervals,
  isSortedByStart,
  type SliInterval,
} from './sli-interval';

export type { SliInterval, SliDataIssue } from './sli-interval';
export { checkSliIntervals } from './sli-interval';

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

/** SLI intervals as columns, `length` of each used (the arrays may be longer), in start order. */
export interface SliColumns {
  readonly length: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly good: Float64Array;
  readonly total: Float64Array;
}

/** The intervals of `columns` as objects (for the checks that name a problem). */
export function intervalsOf(columns: SliColumns): SliInterval[] {
  return Array.from({ length: columns.length }, (_, k) => ({
    start: columns.starts[k]!,
    end: columns.ends[k]!,
    good: columns.good[k]!,
    total: columns.total[k]!,
  }));
}

/**
 * Builds a series. Throws when the intervals are invalid: check them first with checkSliIntervals
 * where the input comes from people. `sliceTarget` is the Timeslices per-minute target (ignored by
 * Occurrences budgeting; pass 1 if unused).
 */
export function buildSliSeries(intervals: readonly SliInterval[], sliceTarget = 1): SliSeries {
  const sorted = isSortedByStart(intervals)
    ? intervals
    : [...intervals].sort((a, b) => a.start - b.start);
  const n = sorted.length;
  const columns = {
    length: n,
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    good: new Float64Array(n),
    total: new Float64Array(n),
  };
  for (let k = 0; k < n; k += 1) {
    const iv = sorted[k]!;
    columns.starts[k] = iv.start;
    columns.ends[k] = iv.end;
    columns.good[k] = iv.good;
    columns.total[k] = iv.total;
  }
  return buildSliSeriesFromColumns(columns, sliceTarget);
}

/**
 * The same from columns already in start order (a CSV read as columns: no object per interval,
 * 2 million of which cost more to collect than to sum). Throws like buildSliSeries.
 */
export function buildSliSeriesFromColumns(columns: SliColumns, sliceTarget = 1): SliSeries {
  const n = columns.length;
  const starts = columns.starts.subarray(0, n);
  const ends = columns.ends.subarray(0, n);
  const goodIn = columns.good;
  const totalIn = columns.total;
  const good = new Float64Array(n + 1);
  const bad = new Float64Array(n + 1);
  const total = new Float64Array(n + 1);
  const covered = new Float64Array(n + 1);
  const dataMinutes = new Float64Array(n + 1);
  const goodMinutes = new Float64Array(n + 1);
  let previousEnd = -Infinity;
  for (let k = 0; k < n; k += 1) {
    const start = starts[k]!;
    const end = ends[k]!;
    const g = goodIn[k]!;
    const t = totalIn[k]!;
    // The cheap checks inline; on any doubt, checkSliIntervals names the problem.
    const valid = isUsableInterval(start, end, g, t, previousEnd);
    if (!valid) {
      const issue = checkSliIntervals(intervalsOf(columns))[0];
      throw new Error(`SLI interval ${issue?.index ?? k}: ${issue?.reason ?? 'invalid'}`);
    }
    previousEnd = end;
    const minutes = (end - start) / MINUTE_MS;
    good[k + 1] = good[k]! + g;
    bad[k + 1] = bad[k]! + (t - g);
    total[k + 1] = total[k]! + t;
    covered[k + 1] = covered[k]! + (end - start);
    dataMinutes[k + 1] = dataMinutes[k]! + (t > 0 ? minutes : 0);
    goodMinutes[k + 1] = goodMinutes[k]! + (isGoodSlice(g, t, sliceTarget) ? minutes : 0);
  }
  return {
    starts,
    ends,
    prefixGood: good,
    prefixBad: bad,
    prefixTotal: total,
    prefixCoveredMs: covered,
    prefixDataMinutes: dataMinutes,
    prefixGoodMinutes: goodMinutes,
    sliceTarget,
  };
}

/**
 * The checks every interval of a series passes: whole minutes, not empty, not before the previous
 * one's end, 0 ≤ good ≤ total ≤ MAX_SLI_COUNT (so the prefix sums stay exact and finite; fractions
 * are allowed here, as derived data may split an interval pro rata, people's input is whole:
 * checkSliIntervals).
 */
export function isUsableInterval(
  start: number,
  end: number,
  good: number,
  total: number,
  previousEnd: number,
): boolean {
  return (
    Number.isInteger(start / MINUTE_MS) && // division, not %: fmod on epoch ms is slow
    Number.isInteger(end / MINUTE_MS) &&
    end > start &&
    start >= previousEnd &&
    good >= 0 &&
    good <= total &&
    total <= MAX_SLI_COUNT
  );
}

/** Timeslices: a minute with data is good when its ratio meets the slice target. */
export function isGoodSlice(good: number, total: number, sliceTarget: number): boolean {
  return total > 0 && good / total >= sliceTarget;
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

/**
 * Number of intervals whose end is ≤ t (ends are sorted because intervals do not overlap).
 * Searched from a guess by interpolation, then galloping to bracket it and bisecting: per-minute
 * data is nearly uniform, so the guess is right or close, and the policy replay's ~10 window sums
 * per step cost a few comparisons each instead of ~16 (issue #25); the answer is the bisection's.
 */
function endedBy(series: SliSeries, t: Instant): number {
  const ends = series.ends;
  const n = ends.length;
  if (n === 0 || t < ends[0]!) return 0;
  if (t >= ends[n - 1]!) return n;
  // Here ends[0] ≤ t < ends[n − 1]: the answer is in [1, n − 1].
  const first = series.starts[0]!;
  const guess = Math.floor(((t - first) / (ends[n - 1]! - first)) * n);
  const k = Math.min(n - 1, Math.max(1, guess));
  let lo: number;
  let hi: number;
  if (ends[k - 1]! <= t) {
    // The answer is ≥ k: gallop up until ends[hi − 1] > t.
    let stride = 1;
    lo = k;
    hi = Math.min(n, k + stride);
    while (hi < n && ends[hi - 1]! <= t) {
      lo = hi;
      stride *= 2;
      hi = Math.min(n, hi + stride);
    }
  } else {
    // The answer is < k: gallop down until ends[lo − 1] ≤ t (ends[0] ≤ t holds).
    let stride = 1;
    hi = k - 1;
    lo = Math.max(1, hi - stride);
    while (lo > 1 && ends[lo - 1]! > t) {
      hi = lo - 1;
      stride *= 2;
      lo = Math.max(1, lo - stride);
    }
  }
  // Bisect in [lo, hi]: the least j with ends[j] > t, which is the count of ends ≤ t.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A position in the prefix arrays: cumulative(t) = prefix[k] + (prefix[k + 1] − prefix[k]) × part,
 * where interval k straddles t and part is its share before t (0 when nothing straddles t).
 */
interface Cut {
  readonly k: number;
  readonly part: number;
}

function cutAt(series: SliSeries, t: Instant): Cut {
  const k = endedBy(series, t);
  const start = series.starts[k];
  if (start === undefined || start >= t) return { k, part: 0 };
  return { k, part: (t - start) / (series.ends[k]! - start) };
}

function cumulative(prefix: Float64Array, c: Cut): number {
  const full = prefix[c.k]!;
  return c.part === 0 ? full : full + (prefix[c.k + 1]! - full) * c.part;
}

function between(prefix: Float64Array, a: Cut, b: Cut): number {
  return cumulative(prefix, b) - cumulative(prefix, a);
}

export function sumsOver(series: SliSeries, from: Instant, to: Instant): WindowSums {
  if (to <= from)
    return { good: 0, bad: 0, total: 0, coveredMs: 0, dataMinutes: 0, goodMinutes: 0 };
  const a = cutAt(series, from);
  const b = cutAt(series, to);
  return {
    good: between(series.prefixGood, a, b),
    bad: between(series.prefixBad, a, b),
    total: between(series.prefixTotal, a, b),
    coveredMs: between(series.prefixCoveredMs, a, b),
    dataMinutes: between(series.prefixDataMinutes, a, b),
    goodMinutes: between(series.prefixGoodMinutes, a, b),
  };
}

/**
 * Bad and base units over [from, to) in the budgeting method's unit — events for Occurrences,
 * minutes with data for Timeslices — without the other sums (the hot path of burn rates).
 */
export function badAndBaseOver(
  series: SliSeries,
  from: Instant,
  to: Instant,
  timeslices: boolean,
): { readonly bad: number; readonly base: number } {
  if (to <= from) return { bad: 0, base: 0 };
  const a = cutAt(series, from);
  const b = cutAt(series, to);
  if (!timeslices)
    return { bad: between(series.prefixBad, a, b), base: between(series.prefixTotal, a, b) };
  const base = between(series.prefixDataMinutes, a, b);
  return { bad: base - between(series.prefixGoodMinutes, a, b), base };
}

/** The first and last instants with data, or null for an empty series. */
export function seriesSpan(
  series: SliSeries,
): { readonly from: Instant; readonly to: Instant } | null {
  const n = series.starts.length;
  return n === 0 ? null : { from: series.starts[0]!, to: series.ends[n - 1]! };
}
