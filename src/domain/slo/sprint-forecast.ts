/**
 * The error budget left at the end of the active sprint if the current burn continues — what a
 * team planning the rest of its sprint wants to know next to "spent by …".
 *
 *   forecast = remaining − burnRate × (sprintEnd − at) / period
 *
 * Burn rate 1 spends the whole budget in one period ("Alerting on SLOs", Google SRE Workbook
 * ch. 5), so at burn rate b the budget share drains at b / period per unit of time (the same
 * linear model as exhaustion.ts). The burn rate is the one over the last 3 days: the Workbook's
 * longest alert window (its slow-burn ticket, "10% of the budget in 3 days"), on the scale of a
 * sprint's remaining days. The 1-hour rate behind time to exhaustion would swing a forecast days
 * ahead with every short spike. Like the Workbook's table, it ignores old data leaving a rolling
 * window; a calendar budget resets when its period ends, so a sprint ending after that has no
 * forecast. The error budget itself is 1 − SLO of the window ("Implementing SLOs", ch. 2).
 */
import type { DurationMs, Instant } from './duration';

/** The burn-rate window the forecast extrapolates (a key of the status's burnRates). */
export const SPRINT_FORECAST_WINDOW = '3d';

export interface SprintForecastInput {
  /** Share of the budget left now (status.budgetRemaining); null without data. */
  readonly budgetRemaining: number | null;
  /** The budget period (status.period). */
  readonly period: DurationMs;
  /** The burn rate over SPRINT_FORECAST_WINDOW; null when that stretch had no data. */
  readonly burnRate: number | null;
  /** When the status was computed. */
  readonly at: Instant;
  /** End of a calendar period (a new budget starts); null for rolling windows. */
  readonly periodEnd: Instant | null;
  /** The active sprint, or why there is none. */
  readonly sprint:
    { readonly name: string; readonly endsAt: Instant } | { readonly reason: string };
}

export type SprintForecast =
  | {
      readonly budgetRemaining: number;
      readonly burnRate: number;
      readonly reason: null;
    }
  | { readonly budgetRemaining: null; readonly burnRate: number | null; readonly reason: string };

const none = (reason: string, burnRate: number | null = null): SprintForecast => ({
  budgetRemaining: null,
  burnRate,
  reason,
});

export function forecastAtSprintEnd(input: SprintForecastInput): SprintForecast {
  const { sprint } = input;
  if ('reason' in sprint) return none(sprint.reason, input.burnRate);
  if (input.budgetRemaining === null) return none('No SLI data in the window yet.');
  if (input.burnRate === null)
    return none(`No SLI data in the last ${SPRINT_FORECAST_WINDOW} to measure the burn rate.`);
  if (sprint.endsAt <= input.at)
    return none(
      `${sprint.name} was due to end already; no forecast past its end date.`,
      input.burnRate,
    );
  if (input.periodEnd !== null && sprint.endsAt > input.periodEnd)
    return none(
      `The budget period ends before ${sprint.name} does, and a new budget starts then.`,
      input.burnRate,
    );
  const drained = (input.burnRate * (sprint.endsAt - input.at)) / input.period;
  return {
    budgetRemaining: input.budgetRemaining - drained,
    burnRate: input.burnRate,
    reason: null,
  };
}
