/**
 * The SLI over the SLO's window so far, in equal buckets, for the project page's SLI chart: each
 * bucket's SLI is computed exactly as the status's (budgetOver: good/total for Occurrences, good
 * minutes / minutes with data for Timeslices), so the chart and the figures never disagree.
 *
 * The bucket is the smallest of 1h, 2h, 3h, 6h, 12h, 1d, 2d, 7d that keeps the chart at or under
 * `maxPoints` (default 120): a 28-day window gives 112 six-hour buckets, a 7-day one 84 two-hour
 * buckets — fine enough to show an incident's dip, small enough for a resolver answer (a few KB).
 * Buckets start at the window's start; the last one ends at `at` and may be shorter. A bucket
 * without data has sli: null (missing data is never good, see sli-series.ts).
 */
import { budgetOver } from './budget';
import { DAY_MS, HOUR_MS, type DurationMs, type Instant } from './duration';
import { sumsOver, type SliSeries } from './sli-series';
import type { SloSpec } from './spec';
import { windowAt } from './window';

export const SLI_HISTORY_STEPS: readonly DurationMs[] = [
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
];

export const SLI_HISTORY_MAX_POINTS = 120;

export interface SliHistoryPoint {
  /** Bucket start (inclusive), epoch ms. */
  readonly from: Instant;
  /** Bucket end (exclusive): from + step, or `at` for the last bucket. */
  readonly to: Instant;
  readonly sli: number | null;
}

export interface SliHistory {
  readonly step: DurationMs;
  readonly points: readonly SliHistoryPoint[];
}

/** The smallest step that splits `span` into at most `maxPoints` buckets. */
export function sliHistoryStep(span: DurationMs, maxPoints = SLI_HISTORY_MAX_POINTS): DurationMs {
  for (const step of SLI_HISTORY_STEPS) if (Math.ceil(span / step) <= maxPoints) return step;
  return Math.ceil(span / maxPoints / DAY_MS) * DAY_MS;
}

export function sliHistory(
  spec: SloSpec,
  series: SliSeries,
  at: Instant,
  maxPoints = SLI_HISTORY_MAX_POINTS,
): SliHistory {
  const { start } = windowAt(spec.window, at);
  const step = sliHistoryStep(at - start, maxPoints);
  const points: SliHistoryPoint[] = [];
  for (let from = start; from < at; from += step) {
    const to = Math.min(from + step, at);
    const sli = budgetOver(sumsOver(series, from, to), spec.target, spec.budgeting).sli;
    points.push({ from, to, sli });
  }
  return { step, points };
}
