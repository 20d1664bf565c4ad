/**
 * The multiwindow, multi-burn-rate alerts of the SRE Workbook, "Alerting on SLOs" (ch. 5), section
 * "6: Multiwindow, Multi-Burn-Rate Alerts", table 5-8: page at 2% of the budget in 1h or 5% in 6h,
 * ticket at 10% in 1d or 10% in 3d, each with a short window of 1/12 of the long one so the alert
 * resets soon after the burn stops. Data, overridable per SLO (`SloSpec.alertRules`).
 */
import { HOUR_MS, MINUTE_MS, type DurationMs } from './duration';

export type AlertSeverity = 'page' | 'ticket';

export interface BurnRateAlertRule {
  /** Who is told: `page` wakes someone, `ticket` is handled in working hours. */
  readonly severity: AlertSeverity;
  /** Share of the whole window's error budget that, spent within `longWindow`, fires the alert. */
  readonly budgetConsumed: number;
  /** The window whose burn rate must reach the factor: it decides *whether* enough budget burned. */
  readonly longWindow: DurationMs;
  /** The window that must also be burning now, so the alert stops soon after the burn stops. */
  readonly shortWindow: DurationMs;
}

export const WORKBOOK_ALERT_RULES: readonly BurnRateAlertRule[] = [
  { severity: 'page', budgetConsumed: 0.02, longWindow: HOUR_MS, shortWindow: 5 * MINUTE_MS },
  { severity: 'page', budgetConsumed: 0.05, longWindow: 6 * HOUR_MS, shortWindow: 30 * MINUTE_MS },
  { severity: 'ticket', budgetConsumed: 0.1, longWindow: 24 * HOUR_MS, shortWindow: 2 * HOUR_MS },
  { severity: 'ticket', budgetConsumed: 0.1, longWindow: 72 * HOUR_MS, shortWindow: 6 * HOUR_MS },
];

/**
 * Burn-rate factor = budget consumed × period / long window ("Alerting on SLOs", table 5-4):
 * 2% × 720h / 1h = 14.4 for 30 days; for 28 days 2% × 672h / 1h = 13.44.
 */
export function alertFactor(rule: BurnRateAlertRule, period: DurationMs): number {
  return (rule.budgetConsumed * period) / rule.longWindow;
}
