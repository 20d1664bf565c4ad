/**
 * SLI data in blocks (issue #21 item 2): a run of consecutive intervals — one stored day — can
 * enter a series as one row carrying its sums, so a roll-up reads the few days where a window edge
 * falls and only the sums of the days in between.
 *
 * Why the figures stay equal: a series answers a window sum as prefix[k] plus a pro-rata share of
 * the one interval that straddles each edge (sli-series.ts). A block row gives the same prefix at
 * its two ends; it only differs from its intervals when an edge falls strictly inside it, so a
 * caller keeps a block whole only where no edge does (`edgesInside`). Counts are whole numbers
 * below MAX_SLI_COUNT and a window holds far fewer than 2^53 events, so every sum is exact and the
 * order of the additions cannot change a result.
 */
import { MINUTE_MS, type Instant } from './duration';
import { isGoodSlice, isUsableInterval, type SliColumns, type SliSeries } from './sli-series';

/** The sums of a run of consecutive, valid intervals, and the span from first start to last end. */
export interface SliBlockSums {
  readonly first: Instant;
  readonly last: Instant;
  readonly count: number;
  readonly good: number;
  readonly total: number;
  readonly coveredMs: number;
  /** Timeslices: minutes with data, and good minutes at the slice target the sums were made for. */
  readonly dataMinutes: number;
  readonly goodMinutes: number;
}

/** One piece of a series: intervals in start order, or the sums of a block of them. */
export type SliPart =
  | { readonly kind: 'intervals'; readonly columns: SliColumns }
  | { readonly kind: 'block'; readonly sums: SliBlockSums };

/**
 * The sums of `columns` (in start order), with the checks buildSliSeriesFromColumns makes; null
 * when an interval is invalid (the caller keeps such a day as intervals, whose build names the
 * problem) or when there are none.
 */
export function summarizeColumns(columns: SliColumns, sliceTarget: number): SliBlockSums | null {
  const n = columns.length;
  if (n === 0) return null;
  let previousEnd = -Infinity;
  let good = 0;
  let total = 0;
  let coveredMs = 0;
  let dataMinutes = 0;
  let goodMinutes = 0;
  for (let k = 0; k < n; k += 1) {
    const start = columns.starts[k]!;
    const end = columns.ends[k]!;
    const g = columns.good[k]!;
    const t = columns.total[k]!;
    if (!isUsableInterval(start, end, g, t, previousEnd)) return null;
    previousEnd = end;
    const minutes = (end - start) / MINUTE_MS;
    good += g;
    total += t;
    coveredMs += end - start;
    if (t > 0) dataMinutes += minutes;
    if (isGoodSlice(g, t, sliceTarget)) goodMinutes += minutes;
  }
  return {
    first: columns.starts[0]!,
    last: previousEnd,
    count: n,
    good,
    total,
    coveredMs,
    dataMinutes,
    goodMinutes,
  };
}

/**
 * A series from parts in start order. Interval parts are checked as buildSliSeriesFromColumns
 * checks them (it throws naming the interval); a part that starts before the previous one ends
 * throws too, as the same intervals would.
 */
export function buildSliSeriesFromParts(parts: readonly SliPart[], sliceTarget = 1): SliSeries {
  let n = 0;
  for (const part of parts) n += part.kind === 'block' ? 1 : part.columns.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const good = new Float64Array(n + 1);
  const bad = new Float64Array(n + 1);
  const total = new Float64Array(n + 1);
  const covered = new Float64Array(n + 1);
  const dataMinutes = new Float64Array(n + 1);
  const goodMinutes = new Float64Array(n + 1);
  let k = 0;
  let previousEnd = -Infinity;
  const push = (s: number, e: number, g: number, t: number, c: number, dm: number, gm: number) => {
    starts[k] = s;
    ends[k] = e;
    good[k + 1] = good[k]! + g;
    bad[k + 1] = bad[k]! + (t - g);
    total[k + 1] = total[k]! + t;
    covered[k + 1] = covered[k]! + c;
    dataMinutes[k + 1] = dataMinutes[k]! + dm;
    goodMinutes[k + 1] = goodMinutes[k]! + gm;
    k += 1;
    previousEnd = e;
  };
  for (const part of parts) {
    if (part.kind === 'block') {
      const b = part.sums;
      if (b.first < previousEnd)
        throw new Error(`SLI interval ${k}: overlaps the interval ending ${iso(previousEnd)}`);
      push(b.first, b.last, b.good, b.total, b.coveredMs, b.dataMinutes, b.goodMinutes);
      continue;
    }
    const c = part.columns;
    for (let j = 0; j < c.length; j += 1) {
      const s = c.starts[j]!;
      const e = c.ends[j]!;
      const g = c.good[j]!;
      const t = c.total[j]!;
      if (!isUsableInterval(s, e, g, t, previousEnd))
        throw new Error(
          `SLI interval ${k}: invalid (${iso(s)}–${iso(e)}, good ${g}, total ${t}: whole minutes, no overlap, 0 ≤ good ≤ total)`,
        );
      const minutes = (e - s) / MINUTE_MS;
      push(s, e, g, t, e - s, t > 0 ? minutes : 0, isGoodSlice(g, t, sliceTarget) ? minutes : 0);
    }
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

/** Columns one after the other (days read in order), as one set of columns. */
export function concatColumns(parts: readonly SliColumns[]): SliColumns {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = {
    length: n,
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    good: new Float64Array(n),
    total: new Float64Array(n),
  };
  let at = 0;
  for (const p of parts) {
    out.starts.set(p.starts.subarray(0, p.length), at);
    out.ends.set(p.ends.subarray(0, p.length), at);
    out.good.set(p.good.subarray(0, p.length), at);
    out.total.set(p.total.subarray(0, p.length), at);
    at += p.length;
  }
  return out;
}

/**
 * Whether any of `sortedEdges` falls strictly inside (first, last): only then must a block be
 * read as its intervals (an edge on its start or end, or outside it, cuts no interval of it).
 */
export function edgesInside(sortedEdges: Float64Array, first: Instant, last: Instant): boolean {
  let lo = 0;
  let hi = sortedEdges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedEdges[mid]! <= first) lo = mid + 1;
    else hi = mid;
  }
  return lo < sortedEdges.length && sortedEdges[lo]! < last;
}

function iso(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : String(at);
}
