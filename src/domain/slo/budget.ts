/**
 * Error budget arithmetic ("Implementing SLOs", SRE Workbook ch. 2: the error budget is 1 − SLO of
 * the events, or of the time, in the window).
 * - Occurrences: SLI = good/total; allowed bad events = (1 − target) × total;
 *   remaining = 1 − bad / allowed (below 0 once overspent); null when the window has no events.
 * - Timeslices: SLI = good minutes / minutes with data; allowed bad minutes = (1 − target) × minutes
 *   with data; remaining = 1 − bad minutes / allowed; null when no minute has data.
 */
import type { WindowSums } from './sli-series';
import type { BudgetingMethod } from './spec';
import { MINUTE_MS, type DurationMs } from './duration';

export interface BudgetFigures {
  /** What the budget counts: events (Occurrences) or minutes (Timeslices). */
  readonly unit: 'events' | 'minutes';
  readonly sli: number | null;
  /** Bad units the target allows over the data in the window. */
  readonly allowed: number;
  /** Bad units spent. */
  readonly consumed: number;
  /** 1 − consumed / allowed; negative when overspent; null without data. */
  readonly remaining: number | null;
}

export function budgetOver(
  sums: WindowSums,
  target: number,
  budgeting: BudgetingMethod,
): BudgetFigures {
  const occurrences = budgeting.method === 'Occurrences';
  const base = occurrences ? sums.total : sums.dataMinutes;
  const consumed = occurrences ? sums.bad : sums.dataMinutes - sums.goodMinutes;
  const allowed = (1 - target) * base;
  if (base <= 0)
    return {
      unit: occurrences ? 'events' : 'minutes',
      sli: null,
      allowed,
      consumed,
      remaining: null,
    };
  return {
    unit: occurrences ? 'events' : 'minutes',
    sli: (base - consumed) / base,
    allowed,
    consumed,
    remaining: 1 - consumed / allowed,
  };
}

/** The bad share of the window in the budgeting method's unit; null without data. */
export function errorRatio(sums: WindowSums, budgeting: BudgetingMethod): number | null {
  if (budgeting.method === 'Occurrences') return sums.total > 0 ? sums.bad / sums.total : null;
  return sums.dataMinutes > 0 ? (sums.dataMinutes - sums.goodMinutes) / sums.dataMinutes : null;
}

/**
 * The nominal budget in minutes of full unavailability: (1 − target) × period
 * ("Implementing SLOs": 99.9% over 30 days allows 43.2 minutes).
 */
export function budgetMinutes(target: number, period: DurationMs): number {
  return ((1 - target) * period) / MINUTE_MS;
}
