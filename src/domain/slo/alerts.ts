/**
 * Evaluates the multiwindow, multi-burn-rate alerts ("Alerting on SLOs", SRE Workbook ch. 5,
 * section 6): an alert fires when the burn rates over both its long and its short window exceed
 * the factor. A window without events has no burn rate and cannot fire.
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
 * Strictly greater, as every source writes it: the Workbook's rules are
 * `job:slo_errors_per_request:ratio_rate1h{job="myjob"} > (14.4*0.001)` ("Alerting on SLOs",
 * section 6), Sloth renders `… > (14.4 * 0.001)` (`internal/prometheus/alert_rules.go`) and Pyrra
 * `… > (14 * (1-0.99))` (`slo/rules.go`). A burn of exactly the factor does not fire. The relative
 * 1e-12 absorbs floating-point rounding, so 14.4 computed from counts as 14.400000000000002 is
 * still "exactly the factor".
 */
export function exceeds(rate: number | null, factor: number): boolean {
  return rate !== null && rate > factor * (1 + 1e-12);
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
      firing: exceeds(longBurnRate, factor) && exceeds(shortBurnRate, factor),
    };
  });
}
