/**
 * Whether an SLO's error budget is burning down, and by when it is spent at that pace — from the
 * same burn rate as the forecast at the sprint's end (sprint-forecast.ts: the last 3 days), so the
 * SLO card's two tiles can never contradict each other (issue #18: "Not burning down" beside a
 * forecast that drops to 13 %).
 *
 * A burn rate is "how fast, relative to the SLO, the service consumes the error budget": rate 1
 * spends exactly the whole budget over the SLO's period, above 1 it runs out before the period ends
 * (Google SRE Workbook, "Alerting on SLOs", ch. 5, "Burn rate";
 * sre.google/workbook/alerting-on-slos/). So, over the forecast window:
 *
 *   burning down ⇔ rate > 0 ⇔ the forecast at any later time is below the budget left now
 *   spent at     = at + remaining × period / rate   (exhaustion.ts), when rate > 0 and budget is left
 *   too fast     ⇔ rate > 1 (the budget will not last the period at this pace)
 */
import type { DurationMs, Instant } from './duration';
import { timeToExhaustion } from './exhaustion';

export type BudgetTrend =
  | { readonly kind: 'no-data' }
  | { readonly kind: 'spent' }
  | { readonly kind: 'steady'; readonly burnRate: number }
  | {
      readonly kind: 'burning';
      readonly burnRate: number;
      /** When the budget is spent if this pace holds. */
      readonly spentAt: Instant;
      /** Rate > 1: faster than the budget allows over the period. */
      readonly tooFast: boolean;
    };

export function budgetTrend(input: {
  readonly budgetRemaining: number | null;
  readonly period: DurationMs;
  /** The burn rate over the forecast window (SPRINT_FORECAST_WINDOW); null without data there. */
  readonly burnRate: number | null;
  readonly at: Instant;
}): BudgetTrend {
  const { budgetRemaining, burnRate } = input;
  if (budgetRemaining === null || burnRate === null) return { kind: 'no-data' };
  if (budgetRemaining <= 0) return { kind: 'spent' };
  if (burnRate <= 0) return { kind: 'steady', burnRate };
  const left = timeToExhaustion(budgetRemaining, input.period, burnRate)!;
  return { kind: 'burning', burnRate, spentAt: input.at + left, tooFast: burnRate > 1 };
}
