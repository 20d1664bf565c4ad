/**
 * Burn rate = error ratio over w / (1 − target): how fast the budget burns relative to the rate
 * that would spend exactly all of it by the end of the period ("Alerting on SLOs", SRE Workbook
 * ch. 5, "burn rate"). Burn rate 1 spends the budget in exactly one period.
 * Burn-rate windows end at `at` and are not clipped to a calendar period: they measure recent burn.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, type DurationMs, type Instant } from './duration';
import { badAndBaseOver, type SliSeries } from './sli-series';
import type { BudgetingMethod } from './spec';

/** The burn-rate windows reported for every SLO, keyed as in the JSON report. */
export const BURN_RATE_WINDOWS = {
  '5m': 5 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': HOUR_MS,
  '2h': 2 * HOUR_MS,
  '6h': 6 * HOUR_MS,
  '1d': DAY_MS,
  '3d': 3 * DAY_MS,
} as const satisfies Record<string, DurationMs>;

export type BurnRateKey = keyof typeof BURN_RATE_WINDOWS | 'window';
export type BurnRates = Readonly<Record<BurnRateKey, number | null>>;

/** Burn rate over [from, to); null when that stretch has no events (or no minutes with data). */
export function burnRateBetween(
  series: SliSeries,
  from: Instant,
  to: Instant,
  target: number,
  budgeting: BudgetingMethod,
): number | null {
  const { bad, base } = badAndBaseOver(series, from, to, budgeting.method === 'Timeslices');
  return base > 0 ? bad / base / (1 - target) : null;
}

/** Burn rate over the `w` before `at`. */
export function burnRate(
  series: SliSeries,
  at: Instant,
  w: DurationMs,
  target: number,
  budgeting: BudgetingMethod,
): number | null {
  return burnRateBetween(series, at - w, at, target, budgeting);
}
