/**
 * The policy state machine: (previous state, when it was entered, current figures, policy) → next
 * state. Leaving FROZEN needs the budget back at or above `unfreezeAtOrAbove` continuously for
 * `unfreezeHold` ("Example Error Budget Policy": frozen "until the service is back within its
 * SLO"; the threshold and hold are our hysteresis so the gate does not flap around 0).
 * While FROZEN, a window without data keeps the SLO FROZEN: missing data cannot show recovery.
 */
import type { Instant } from '../slo/duration';
import { evaluatePolicy, policyStateOf, type GateReason, type PolicyInput } from './evaluate';
import type { GateState } from './gate-state';
import type { ErrorBudgetPolicy } from './policy';

export interface PolicyMemory {
  readonly state: GateState;
  /** When the SLO entered `state`. */
  readonly since: Instant;
  /** While FROZEN: since when the budget has stayed at or above the exit threshold. */
  readonly recoveringSince: Instant | null;
}

export interface PolicyDecision extends PolicyMemory {
  readonly reasons: readonly GateReason[];
}

const hours = (ms: number): string => `${+(ms / 3_600_000).toFixed(2)}h`;

/** Why a step landed where it did, for the reasons nextPolicyState gives. */
type Why = 'fresh' | 'stays-frozen' | 'recovering';

function advance(
  previous: PolicyMemory | null,
  fresh: GateState,
  input: PolicyInput,
  policy: ErrorBudgetPolicy,
  at: Instant,
): PolicyMemory & { readonly why: Why } {
  if (previous?.state !== 'FROZEN' || fresh === 'FROZEN')
    return enterState(previous, at, fresh, null, 'fresh');
  const remaining = input.budgetRemaining;
  if (fresh === 'NO_DATA' || remaining === null || remaining < policy.unfreezeAtOrAbove)
    return enterState(previous, at, 'FROZEN', null, 'stays-frozen');
  const recoveringSince = previous.recoveringSince ?? at;
  if (at - recoveringSince >= policy.unfreezeHold)
    return enterState(previous, at, fresh, null, 'fresh');
  return enterState(previous, at, 'FROZEN', recoveringSince, 'recovering');
}

/** A plain function, not a closure per call: the replay calls advance at every step. */
function enterState(
  previous: PolicyMemory | null,
  at: Instant,
  state: GateState,
  recoveringSince: Instant | null,
  why: Why,
): PolicyMemory & { readonly why: Why } {
  return {
    state,
    since: previous !== null && previous.state === state ? previous.since : at,
    recoveringSince,
    why,
  };
}

/** The next state and its memory without the reasons: nextPolicyState less the messages. */
export function nextPolicyMemory(
  previous: PolicyMemory | null,
  input: PolicyInput,
  policy: ErrorBudgetPolicy,
  at: Instant,
): PolicyMemory {
  const { state, since, recoveringSince } = advance(
    previous,
    policyStateOf(input, policy),
    input,
    policy,
    at,
  );
  return { state, since, recoveringSince };
}

export function nextPolicyState(
  previous: PolicyMemory | null,
  input: PolicyInput,
  policy: ErrorBudgetPolicy,
  at: Instant,
): PolicyDecision {
  const fresh = evaluatePolicy(input, policy);
  const { state, since, recoveringSince, why } = advance(previous, fresh.state, input, policy, at);
  if (why === 'fresh') return { state, since, recoveringSince, reasons: fresh.reasons };
  const remaining = input.budgetRemaining;
  if (why === 'stays-frozen') {
    const shown = remaining === null ? 'no data' : `${(remaining * 100).toFixed(1)}%`;
    const message = `stays frozen until budget remaining (${shown}) is ≥ ${(policy.unfreezeAtOrAbove * 100).toFixed(1)}% for ${hours(policy.unfreezeHold)}`;
    return {
      state,
      since,
      recoveringSince,
      reasons: [{ rule: 'frozen-until-recovered', message }],
    };
  }
  const message = `recovering: budget ≥ ${(policy.unfreezeAtOrAbove * 100).toFixed(1)}% for ${hours(at - recoveringSince!)} of the ${hours(policy.unfreezeHold)} needed`;
  return { state, since, recoveringSince, reasons: [{ rule: 'frozen-until-recovered', message }] };
}
