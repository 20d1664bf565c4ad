/**
 * Threshold (latency) SLIs, OpenSLO `thresholdMetric` (README "SLI": "Raw data is used to compare
 * objectives (threshold) values"): each data point of the metric — e.g. a minute's p99 latency — is
 * compared with the objective's `value` by its `op` ("operator used to compare the SLI against the
 * value": `lt` 0.3 means a point is good when it is below 0.3). Turned into per-minute good/total
 * counts, the budgeting methods are the README's ("Notes (SLO)"):
 *
 * - Occurrences, "a ratio of counts of good events to the total count of the events": every data
 *   point is an event, so the SLI is good points / points.
 * - Timeslices, "a ratio of good time slices to total time slices": a 1-minute slice is good when
 *   the share of its good points reaches `timeSliceTarget` (sliSeriesFor does this with the counts;
 *   with one point a minute, a minute is good exactly when its point is).
 *
 * So a threshold SLO runs through the same engine as a ratio SLO once its points are counted here.
 * A minute without points is missing, never good.
 */
import { MINUTE_MS, type Instant } from './duration';
import type { SliInterval } from './sli-interval';
import { isThresholdIndicator, type ObjectiveOp, type SloSpec } from './spec';

export interface ThresholdPoint {
  /** When the value was observed; it counts in the minute [floor(at), floor(at) + 1m). */
  readonly at: Instant;
  readonly value: number;
}

/** Whether one data point meets the objective: `value op threshold`. */
export function meetsThreshold(value: number, op: ObjectiveOp, threshold: number): boolean {
  switch (op) {
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
  }
}

/**
 * Per-minute good/total counts of threshold points, sorted by minute; a point that is not a
 * finite number is no data (Prometheus gives NaN for a quantile over no samples) and is skipped.
 */
export function thresholdIntervals(
  points: readonly ThresholdPoint[],
  op: ObjectiveOp,
  threshold: number,
): SliInterval[] {
  const minutes = new Map<number, { good: number; total: number }>();
  for (const point of points) {
    if (!Number.isFinite(point.value) || !Number.isFinite(point.at)) continue;
    const start = Math.floor(point.at / MINUTE_MS) * MINUTE_MS;
    const counts = minutes.get(start) ?? { good: 0, total: 0 };
    counts.total += 1;
    if (meetsThreshold(point.value, op, threshold)) counts.good += 1;
    minutes.set(start, counts);
  }
  return [...minutes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, c]) => ({ start, end: start + MINUTE_MS, good: c.good, total: c.total }));
}

const OP_SIGNS: Readonly<Record<ObjectiveOp, string>> = { lt: '<', lte: '≤', gt: '>', gte: '≥' };

/** `< 0.3`: an objective's comparison as a person reads it. */
export function comparisonText(op: ObjectiveOp, value: number): string {
  return `${OP_SIGNS[op]} ${value}`;
}

/**
 * What makes a threshold SLO's data good, in words, for every screen that shows the SLO; null for
 * a ratio SLO (its SLI is its good/total events). The value is shown as written in the OpenSLO file
 * (its unit is the metric's, e.g. seconds for a Prometheus histogram).
 */
export function thresholdObjectiveText(spec: SloSpec): string | null {
  if (!isThresholdIndicator(spec.indicator)) return null;
  if (spec.objectiveOp === undefined || spec.objectiveValue === undefined) return null;
  const comparison = comparisonText(spec.objectiveOp, spec.objectiveValue);
  return spec.budgeting.method === 'Timeslices'
    ? `A minute is good when its value is ${comparison}; SLI = good minutes / minutes with data`
    : `A data point is good when its value is ${comparison}; SLI = good points / points`;
}
