/**
 * Evaluates the multiwindow, multi-burn-rate alerts ("Alerting on SLOs", SRE Workbook ch. 5,
 * section 6): an alert fires when the burn rates over both its long and its short window reach the
 * factor. A window without events has no burn rate and cannot fire.
 */
import { alertFactor, type AlertSeverity, type BurnRateAlertRule } from './alert-table';
import { burnRate } from './burn-rate';
import { formatDuration, type DurationMs, type Instant } from './duration';
import type { SliSeries } from './sli-series';
import type { BudgetingMethod } from './spec';

export interface AlertStatus {
  readonly severity: AlertSeverity;
  /** e.g. `1h`. */
  readonly longWindow: string;
  /** e.g. `5m`. */
  readonly shortWindow: string;
  readonly budgetConsumed: number;
  readonly factor: number;
  readonly longBurnRate: number | null;
  readonly shortBurnRate: number | null;
  readonly firing: boolean;
}

/**
 * "Reaches" allows a relative 1e-12 for floating-point rounding, so a burn of exactly the factor
 * (e.g. 14.4 computed from counts) fires as the Workbook intends.
 */
export function reaches(rate: number | null, factor: number): boolean {
  return rate !== null && rate >= factor * (1 - 1e-12);
}

export function evaluateAlerts(
  series: SliSeries,
  at: Instant,
  period: DurationMs,
  target: number,
  budgeting: BudgetingMethod,
  rules: readonly BurnRateAlertRule[],
): readonly AlertStatus[] {
  return rules.map((rule) => {
    const factor = alertFactor(rule, period);
    const longBurnRate = burnRate(series, at, rule.longWindow, target, budgeting);
    const shortBurnRate = burnRate(series, at, rule.shortWindow, target, budgeting);
    return {
      severity: rule.severity,
      longWindow: formatDuration(rule.longWindow),
      shortWindow: formatDuration(rule.shortWindow),
      budgetConsumed: rule.budgetConsumed,
      factor,
      longBurnRate,
      shortBurnRate,
      firing: reaches(longBurnRate, factor) && reaches(shortBurnRate, factor),
    };
  });
}
