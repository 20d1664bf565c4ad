/**
 * Multiwindow, multi-burn-rate alert tables as data, each attributed to its source:
 *
 * - `workbook`: the SRE Workbook, "Alerting on SLOs" (ch. 5), section "6: Multiwindow,
 *   Multi-Burn-Rate Alerts", table 5-8 (recommended parameters for a 99.9% SLO): three rows — page
 *   at 2% of the budget in 1h (short window 5m), page at 5% in 6h (30m), ticket at 10% in 3d (6h).
 * - `sloth`: Sloth's `internal/alert/windows/google-30d.yaml`, four rows: the Workbook's two pages,
 *   then ticket at 10% in 1d (2h) — Sloth's addition — and ticket at 10% in 3d (6h).
 *
 * Ballast's default is Sloth's table (PRODUCT.md §4 lists its four rows). Each short window is
 * 1/12 of its long one, so an alert resets soon after the burn stops (Workbook, same section).
 * Selectable per SLO (`SloSpec.alertTable`, OpenSLO annotation `ballast/alert-table`).
 */
import { HOUR_MS, MINUTE_MS, type DurationMs } from './duration';

export type AlertSeverity = 'page' | 'ticket';

export interface BurnRateAlertRule {
  /** Who is told: `page` wakes someone, `ticket` is handled in working hours. */
  readonly severity: AlertSeverity;
  /** Share of the whole window's error budget that, spent within `longWindow`, fires the alert. */
  readonly budgetConsumed: number;
  /** The window whose burn rate must exceed the factor: it decides *whether* enough budget burned. */
  readonly longWindow: DurationMs;
  /** The window that must also be burning now, so the alert stops soon after the burn stops. */
  readonly shortWindow: DurationMs;
}

const PAGE_1H = {
  severity: 'page',
  budgetConsumed: 0.02,
  longWindow: HOUR_MS,
  shortWindow: 5 * MINUTE_MS,
} as const;
const PAGE_6H = {
  severity: 'page',
  budgetConsumed: 0.05,
  longWindow: 6 * HOUR_MS,
  shortWindow: 30 * MINUTE_MS,
} as const;
const TICKET_1D = {
  severity: 'ticket',
  budgetConsumed: 0.1,
  longWindow: 24 * HOUR_MS,
  shortWindow: 2 * HOUR_MS,
} as const;
const TICKET_3D = {
  severity: 'ticket',
  budgetConsumed: 0.1,
  longWindow: 72 * HOUR_MS,
  shortWindow: 6 * HOUR_MS,
} as const;

/** SRE Workbook table 5-8: three rows. */
export const WORKBOOK_ALERT_RULES: readonly BurnRateAlertRule[] = [PAGE_1H, PAGE_6H, TICKET_3D];

/** Sloth `internal/alert/windows/google-30d.yaml`: four rows (adds the 1d/2h ticket). */
export const SLOTH_ALERT_RULES: readonly BurnRateAlertRule[] = [
  PAGE_1H,
  PAGE_6H,
  TICKET_1D,
  TICKET_3D,
];

export const ALERT_TABLES = { sloth: SLOTH_ALERT_RULES, workbook: WORKBOOK_ALERT_RULES } as const;
export type AlertTableName = keyof typeof ALERT_TABLES;
export const ALERT_TABLE_NAMES = Object.keys(ALERT_TABLES) as readonly AlertTableName[];

/** Ballast's default table: Sloth's four rows. */
export const DEFAULT_ALERT_TABLE: AlertTableName = 'sloth';
export const DEFAULT_ALERT_RULES: readonly BurnRateAlertRule[] = ALERT_TABLES[DEFAULT_ALERT_TABLE];

export const isAlertTableName = (value: unknown): value is AlertTableName =>
  typeof value === 'string' && (ALERT_TABLE_NAMES as readonly string[]).includes(value);

/**
 * Burn-rate factor = budget consumed × period / long window ("Alerting on SLOs", table 5-4):
 * 2% × 720h / 1h = 14.4 for 30 days; for 28 days 2% × 672h / 1h = 13.44.
 */
export function alertFactor(rule: BurnRateAlertRule, period: DurationMs): number {
  return (rule.budgetConsumed * period) / rule.longWindow;
}
