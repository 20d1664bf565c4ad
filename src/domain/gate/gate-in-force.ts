/**
 * What the error-budget gate allows now — the one answer the workflow validator, the issue panel and
 * the sprint planner share (PRODUCT.md §4): FROZEN means "no feature work except exempt items"; an
 * override ("Overrides need a reason and are audited") lets feature work start again for its time
 * box. An override counts only while the gate is FROZEN, the state it was recorded under, and only
 * in the freeze it was recorded in; otherwise it is shown as recorded, and does not count.
 *
 * While a freeze is overridden the split is held to the normal targets (the policy's HEALTHY row):
 * the override suspends the freeze the team agreed, for its time box, so the planner allows the
 * feature work the validator and the issue panel let start — not a 0 % cap beside a validator
 * that lets every feature start.
 */
import { GATE_STATE_WORDS, type GateState } from './gate-state';
import type { GateOverride } from './override';
import type { ProjectGate } from './project-gate';

export interface GateInForce {
  /** The measured state: the worst of the linked SLOs. */
  readonly state: GateState;
  /** The row of the policy's gate target table whose limits apply to the split (HEALTHY: none). */
  readonly limitsOf: GateState;
  /** Whether feature work that is not exempt may start now. */
  readonly featureWorkAllowed: boolean;
  /** The override that lifts the freeze now, if any. */
  readonly override: GateOverride | null;
  /** An override within its time box that does not count in this state, with why. */
  readonly notCounting: { readonly override: GateOverride; readonly because: string } | null;
}

/** Why an override within its time box does not count under `gate`, or null when it counts. */
export function overrideNotCountingBecause(o: GateOverride, gate: ProjectGate): string | null {
  if (gate.state !== 'FROZEN')
    return `it was recorded while the gate was frozen, and the gate is ${GATE_STATE_WORDS[gate.state]} now`;
  if (gate.frozenSince !== null && o.at < gate.frozenSince)
    return 'it was recorded during an earlier freeze; the gate has frozen again since';
  return null;
}

export function gateInForce(gate: ProjectGate): GateInForce {
  const frozen = gate.state === 'FROZEN';
  const because = gate.override ? overrideNotCountingBecause(gate.override, gate) : null;
  const override = because === null ? gate.override : null;
  const notCounting =
    gate.override && because !== null ? { override: gate.override, because } : null;
  return {
    state: gate.state,
    limitsOf: override ? 'HEALTHY' : gate.state,
    featureWorkAllowed: !frozen || override !== null,
    override,
    notCounting,
  };
}
