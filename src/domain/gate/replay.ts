/**
 * Replays the policy over the SLI data so hysteresis holds: evaluate at every step (default 5m)
 * from the first data up to `at`, carrying the state machine's memory.
 * Steps are aligned backwards from `at` (at, at − step, …), so `at` itself is always evaluated.
 */
import { alertFactor, type AlertSeverity } from '../slo/alert-table';
import { exceeds } from '../slo/alerts';
import { burnRate } from '../slo/burn-rate';
import { budgetOver } from '../slo/budget';
import { MINUTE_MS, isoOf, type DurationMs, type Instant } from '../slo/duration';
import { seriesSpan, sumsOver, type SliSeries } from '../slo/sli-series';
import type { SloSpec } from '../slo/spec';
import { alertRulesOf } from '../slo/status';
import { windowAt } from '../slo/window';
import type { PolicyInput } from './evaluate';
import type { GateState } from './gate-state';
import { DEFAULT_POLICY, type ErrorBudgetPolicy } from './policy';
import {
  nextPolicyMemory,
  nextPolicyState,
  type PolicyDecision,
  type PolicyMemory,
} from './transition';

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

/**
 * The policy's view of an SLO at an instant, computing only what `policy` will look at: alerts are
 * skipped when the budget alone decides (no data, or at or below the freeze threshold), and a short
 * window is only measured when its long window already exceeds the factor.
 */
export function policyInputAt(
  spec: SloSpec,
  series: SliSeries,
  at: Instant,
  policy: ErrorBudgetPolicy = DEFAULT_POLICY,
): PolicyInput {
  const bounds = windowAt(spec.window, at);
  const sums = sumsOver(series, bounds.start, at);
  const elapsed = at - bounds.start;
  const budgetRemaining = budgetOver(sums, spec.target, spec.budgeting).remaining;
  const dataCoverage = elapsed > 0 ? sums.coveredMs / elapsed : 0;
  const decided = budgetRemaining === null || budgetRemaining <= policy.freezeAtOrBelow;
  const firingAlerts: AlertSeverity[] = [];
  if (!decided) {
    for (const rule of alertRulesOf(spec)) {
      if (!policy.atRiskOnAlerts.includes(rule.severity) || firingAlerts.includes(rule.severity))
        continue;
      const factor = alertFactor(rule, bounds.period);
      if (
        exceeds(burnRate(series, at, rule.longWindow, spec.target, spec.budgeting), factor) &&
        exceeds(burnRate(series, at, rule.shortWindow, spec.target, spec.budgeting), factor)
      ) {
        firingAlerts.push(rule.severity);
      }
    }
  }
  return { budgetRemaining, dataCoverage, firingAlerts };
}

/**
 * The instants a replay evaluates, oldest first: at − k·step for k = ⌈(at − from) / step⌉ … 0,
 * those after `from`, and `at` itself always (so a roll-up can tell which data a replay reads).
 */
export function replayInstants(at: Instant, from: Instant, step: DurationMs): Float64Array {
  const count = Math.max(0, Math.ceil((at - from) / step));
  const instants: number[] = [];
  for (let k = count; k >= 0; k -= 1) {
    const t = at - k * step;
    if (k > 0 && t <= from) continue;
    instants.push(t);
  }
  return Float64Array.from(instants);
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
  const instants = replayInstants(at, from, step);
  let memory: PolicyMemory | null = options.initial ?? null;
  let decision: PolicyDecision | null = null;
  const changes: StateChange[] = [];
  const steps = instants.length;
  for (let i = 0; i < steps; i += 1) {
    const t = instants[i]!;
    const input = policyInputAt(spec, series, t, policy);
    // Only the last step's reasons are shown: the others carry the state machine's memory alone.
    const next =
      i === steps - 1
        ? (decision = nextPolicyState(memory, input, policy, t))
        : nextPolicyMemory(memory, input, policy, t);
    if (memory?.state !== next.state)
      changes.push({ at: isoOf(t), from: memory?.state ?? null, to: next.state });
    memory = next;
  }
  return { decision: decision!, changes, steps };
}
