/**
 * One SLO's status snapshot at an instant: plain JSON-serialisable data the backend stores and the
 * UI renders verbatim (times as ISO strings, windows as `5m`/`28d`, fractions as 0.999, null where a
 * figure has no data).
 */
import { ALERT_TABLES, DEFAULT_ALERT_RULES, type BurnRateAlertRule } from './alert-table';
import { evaluateAlerts, type AlertStatus } from './alerts';
import { budgetMinutes, budgetOver } from './budget';
import { BURN_RATE_WINDOWS, burnRate, burnRateBetween, type BurnRates } from './burn-rate';
import { HOUR_MS, formatDuration, isoOf, type DurationMs, type Instant } from './duration';
import { forecastRemaining, timeToExhaustion } from './exhaustion';
import {
  buildSliSeries,
  buildSliSeriesFromColumns,
  sumsOver,
  type SliColumns,
  type SliInterval,
  type SliSeries,
} from './sli-series';
import { windowLabel, type SloSpec } from './spec';
import { windowAt } from './window';

export interface SloStatusOptions {
  /** Burn-rate window for time to exhaustion and forecast; default 1h (issue #4). */
  readonly exhaustionWindow?: DurationMs;
  /** A future instant to forecast the budget at, e.g. the end of the current sprint. */
  readonly forecastAt?: Instant;
}

export interface BudgetStatus {
  readonly unit: 'events' | 'minutes';
  readonly allowed: number;
  readonly consumed: number;
  readonly remaining: number | null;
}

export interface SloStatus {
  readonly name: string;
  readonly service: string;
  readonly target: number;
  /** `28d`, `30d`, `month` or `quarter`. */
  readonly window: string;
  readonly budgetingMethod: 'Occurrences' | 'Timeslices';
  readonly at: string;
  readonly windowStart: string;
  /** Length of the budget period, e.g. `28d`; a calendar month gives `31d`. */
  readonly period: string;
  readonly sli: number | null;
  readonly totalEvents: number;
  readonly goodEvents: number;
  readonly badEvents: number;
  /** (1 − target) × total events in the window. */
  readonly allowedBadEvents: number;
  /** The budget in the budgeting method's unit. */
  readonly budget: BudgetStatus;
  readonly budgetRemaining: number | null;
  /** The nominal budget as minutes of full outage over the period: (1 − target) × period. */
  readonly budgetMinutes: number;
  /** Share of [windowStart, at) covered by reported intervals. */
  readonly dataCoverage: number;
  readonly burnRates: BurnRates;
  readonly alerts: readonly AlertStatus[];
  /** Seconds until the budget is spent at the burn rate over `exhaustionWindow`; null when not burning. */
  readonly exhaustsInSeconds: number | null;
  readonly exhaustsAt: string | null;
  readonly exhaustionWindow: string;
  readonly forecast: { readonly at: string; readonly budgetRemaining: number | null } | null;
}

/**
 * Builds the series an SLO needs (its Timeslices slice target decides which minutes are good), from
 * intervals or from columns in start order.
 */
export function sliSeriesFor(
  spec: SloSpec,
  intervals: readonly SliInterval[] | SliColumns,
): SliSeries {
  const sliceTarget = sliceTargetOf(spec);
  return 'starts' in intervals
    ? buildSliSeriesFromColumns(intervals, sliceTarget)
    : buildSliSeries(intervals, sliceTarget);
}

/** The Timeslices per-minute target that decides which minutes are good; 1 when unused. */
export function sliceTargetOf(spec: SloSpec): number {
  return spec.budgeting.method === 'Timeslices' ? spec.budgeting.sliceTarget : 1;
}

/** The SLO's own rules, else its named table, else Ballast's default (Sloth's four rows). */
export function alertRulesOf(spec: SloSpec): readonly BurnRateAlertRule[] {
  return spec.alertRules ?? (spec.alertTable ? ALERT_TABLES[spec.alertTable] : DEFAULT_ALERT_RULES);
}

export function computeSloStatus(
  spec: SloSpec,
  series: SliSeries,
  at: Instant,
  options: SloStatusOptions = {},
): SloStatus {
  const bounds = windowAt(spec.window, at);
  const sums = sumsOver(series, bounds.start, at);
  const budget = budgetOver(sums, spec.target, spec.budgeting);
  const rate = (w: DurationMs): number | null =>
    burnRate(series, at, w, spec.target, spec.budgeting);
  const burnRates: BurnRates = {
    '5m': rate(BURN_RATE_WINDOWS['5m']),
    '30m': rate(BURN_RATE_WINDOWS['30m']),
    '1h': rate(BURN_RATE_WINDOWS['1h']),
    '2h': rate(BURN_RATE_WINDOWS['2h']),
    '6h': rate(BURN_RATE_WINDOWS['6h']),
    '1d': rate(BURN_RATE_WINDOWS['1d']),
    '3d': rate(BURN_RATE_WINDOWS['3d']),
    window: burnRateBetween(series, bounds.start, at, spec.target, spec.budgeting),
  };
  const exhaustionWindow = options.exhaustionWindow ?? HOUR_MS;
  const current = rate(exhaustionWindow);
  const exhausts = timeToExhaustion(budget.remaining, bounds.period, current);
  const elapsed = at - bounds.start;
  return {
    name: spec.name,
    service: spec.service,
    target: spec.target,
    window: windowLabel(spec.window),
    budgetingMethod: spec.budgeting.method,
    at: isoOf(at),
    windowStart: isoOf(bounds.start),
    period: formatDuration(bounds.period),
    sli: budget.sli,
    totalEvents: sums.total,
    goodEvents: sums.good,
    badEvents: sums.bad,
    allowedBadEvents: (1 - spec.target) * sums.total,
    budget: {
      unit: budget.unit,
      allowed: budget.allowed,
      consumed: budget.consumed,
      remaining: budget.remaining,
    },
    budgetRemaining: budget.remaining,
    budgetMinutes: budgetMinutes(spec.target, bounds.period),
    dataCoverage: elapsed > 0 ? sums.coveredMs / elapsed : 0,
    burnRates,
    alerts: evaluateAlerts(
      series,
      at,
      bounds.period,
      spec.target,
      spec.budgeting,
      alertRulesOf(spec),
    ),
    exhaustsInSeconds: exhausts === null ? null : exhausts / 1000,
    exhaustsAt: exhausts === null ? null : isoOf(at + exhausts),
    exhaustionWindow: formatDuration(exhaustionWindow),
    forecast:
      options.forecastAt === undefined
        ? null
        : {
            at: isoOf(options.forecastAt),
            budgetRemaining: forecastRemaining(
              budget.remaining,
              bounds.period,
              current,
              at,
              options.forecastAt,
            ),
          },
  };
}
