/**
 * The planner's gate banner: the project's gate state, its statement in words (the policy's rule
 * with today's figures: src/domain/gate/gate-words.ts, the same the panel and the project page
 * show) and the freeze override in force, if any.
 */
import type { GateStatement } from '../../contract/gate';
import type { GateView } from '../../contract/planner';
import type { ExemptionRules } from '../../domain/capacity';
import { gateInForce, type ProjectGate } from '../../domain/gate';

/** While an admin's override lifts the freeze (domain/gate/gate-in-force.ts). */
const OVERRIDDEN = 'An override lets feature work start: the normal split applies until it ends.';

/** The project's own exemption rules, as the validator applies them (domain/capacity/exemption.ts). */
const exemptWords = (rules: ExemptionRules): string =>
  [
    rules.priorities.length > 0 ? `priority ${rules.priorities.join('/')}` : '',
    rules.labels.length > 0 ? `label ${rules.labels.join('/')}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ') || 'none set';

export function gateView(
  gate: ProjectGate,
  statement: GateStatement,
  exemption: ExemptionRules,
): GateView {
  const inForce = gateInForce(gate);
  const shown = inForce.override ?? inForce.notCounting?.override ?? null;
  const override =
    shown === null
      ? null
      : {
          accountId: shown.by,
          until: new Date(shown.until).toISOString(),
          reason: shown.reason,
          counts: inForce.override !== null,
        };
  // The statement's effect, with what this project exempts and whether an override lifts the freeze.
  const effect = inForce.override
    ? OVERRIDDEN
    : gate.state === 'FROZEN'
      ? `No feature work starts, except exempt items (${exemptWords(exemption)}) or under a freeze override a project admin records.`
      : statement.effect;
  return { state: gate.state, statement: { ...statement, effect }, override };
}
