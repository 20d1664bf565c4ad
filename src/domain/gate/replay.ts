/**
 * Replays the policy over the SLI data so hysteresis holds: evaluate at every step (default 5m)
 * from the first data up to `at`, carrying the state machine's memory.
 * Steps are aligned backwards from `at` (at, at − step, …), so `at` itself is always evaluated.
 */
import { evaluateAlerts } from '../slo/alerts';
import { budgetOver } from '../slo/budget';
import { MINUTE_MS, isoOf, type DurationMs, type Instant } from '../slo/duration';
import { seriesSpan, sumsOver, type SliSeries } from '../slo/sli-series';
import type { SloSpec } from '../slo/spec';
import { alertRulesOf } from '../slo/status';
import { windowAt } from '../slo/window';
import type { PolicyInput } from './evaluate';
import type { GateState } from './gate-state';
import type { ErrorBudgetPolicy } from './policy';
import { nextPolicyState, type PolicyDecision, type PolicyMemory } from './transition';

export const DEFAULT_REPLAY_STEP: DurationMs = 5 * MINUTE_MS;

export interface StateChange {
  readonly at: string;
  readonly from: GateState | null;
  readonly to: GateState;
}

export interface Replay {
  readonly decision: PolicyDecision;
  readonly changes: readonly StateChange[];
  readonly steps: number;
}

/** The policy's view of an SLO at an instant, without computing the full status. */
export function policyInputAt(spec: SloSpec, series: SliSeries, at: Instant): PolicyInput {
  const bounds = windowAt(spec.window, at);
  const sums = sumsOver(series, bounds.start, at);
  const elapsed = at - bounds.start;
  return {
    budgetRemaining: budgetOver(sums, spec.target, spec.budgeting).remaining,
    dataCoverage: elapsed > 0 ? sums.coveredMs / elapsed : 0,
    firingAlerts: evaluateAlerts(
      series,
      at,
      bounds.period,
      spec.target,
      spec.budgeting,
      alertRulesOf(spec),
    )
      .filter((a) => a.firing)
      .map((a) => a.severity),
  };
}

export function replayPolicy(
  spec: SloSpec,
  series: SliSeries,
  policy: ErrorBudgetPolicy,
  at: Instant,
  options: {
    readonly step?: DurationMs;
    readonly from?: Instant;
    readonly initial?: PolicyMemory;
  } = {},
): Replay {
  const step = options.step ?? DEFAULT_REPLAY_STEP;
  if (!(step > 0)) throw new Error(`replay step must be positive, got ${step}`);
  const from = options.from ?? seriesSpan(series)?.from ?? at;
  const count = Math.max(0, Math.ceil((at - from) / step));
  let memory: PolicyMemory | null = options.initial ?? null;
  let decision: PolicyDecision | null = null;
  const changes: StateChange[] = [];
  let steps = 0;
  for (let k = count; k >= 0; k -= 1) {
    const t = at - k * step;
    if (k > 0 && t <= from) continue;
    steps += 1;
    decision = nextPolicyState(memory, policyInputAt(spec, series, t), policy, t);
    if (memory?.state !== decision.state)
      changes.push({ at: isoOf(t), from: memory?.state ?? null, to: decision.state });
    memory = decision;
  }
  return { decision: decision!, changes, steps };
}
