/**
 * Every metric answers with a value and the sample it came from, or says plainly that there is not
 * enough data, rather than showing a misleading number (issue 5). Ratios are fractions 0–1, not
 * percentages; the UI formats them.
 */
export type MetricUnit = 'points' | 'ratio' | 'hours' | 'days' | 'days-per-week' | 'count';

export type Measured<V = number, Extra extends object = object> = {
  readonly status: 'ok';
  readonly value: V;
  readonly unit: MetricUnit;
  /** How many records (sprints, items, deployments, incidents…) the value was computed from. */
  readonly sampleSize: number;
} & Extra;

export interface NotEnoughData {
  readonly status: 'not-enough-data';
  readonly unit: MetricUnit;
  readonly sampleSize: number;
  readonly minimumSampleSize: number;
  /** Plain words for the dashboard, e.g. "needs 3 resolved incidents, has 1". */
  readonly reason: string;
}

export type MetricResult<V = number, Extra extends object = object> =
  Measured<V, Extra> | NotEnoughData;

export function notEnoughData(
  unit: MetricUnit,
  sampleSize: number,
  minimumSampleSize: number,
  reason: string,
): NotEnoughData {
  return { status: 'not-enough-data', unit, sampleSize, minimumSampleSize, reason };
}

/** needs(5, 2, 'deployment') → "needs 5 deployments, has 2"; the noun is given in the singular. */
export const needs = (minimum: number, have: number, noun: string): string =>
  `needs ${minimum} ${noun}${minimum === 1 ? '' : 's'}, has ${have}`;
