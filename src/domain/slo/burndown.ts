/**
 * Budget burn-down for charts: the budget remaining within the current window, measured from the
 * window's start up to each step, against the budget the whole window [start, at) allows. The
 * last point equals the status's budgetRemaining; a chart drawn from it falls from 1 as budget is
 * spent. Points are at start + step, start + 2·step, …, at (the last one is always `at`).
 */
import { budgetOver } from './budget';
import { isoOf, type DurationMs, type Instant } from './duration';
import { sumsOver, type SliSeries } from './sli-series';
import type { SloSpec } from './spec';
import { windowAt } from './window';

export interface BurndownPoint {
  readonly at: string;
  /** null while the window has no data at all. */
  readonly budgetRemaining: number | null;
}

export function budgetBurndown(
  spec: SloSpec,
  series: SliSeries,
  at: Instant,
  step: DurationMs,
): readonly BurndownPoint[] {
  if (step <= 0) throw new Error(`burn-down step must be positive, got ${step}`);
  const { start } = windowAt(spec.window, at);
  const whole = budgetOver(sumsOver(series, start, at), spec.target, spec.budgeting);
  const points: BurndownPoint[] = [];
  for (let t = start + step; ; t += step) {
    const until = Math.min(t, at);
    const spent = budgetOver(sumsOver(series, start, until), spec.target, spec.budgeting).consumed;
    const remaining = whole.allowed > 0 ? 1 - spent / whole.allowed : null;
    points.push({ at: isoOf(until), budgetRemaining: remaining });
    if (until >= at) break;
  }
  return points;
}
