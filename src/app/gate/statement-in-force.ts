/**
 * The gate statement (domain/gate/gate-words.ts) with its effect as it stands for one project: the
 * exemption rules the project has (domain/capacity/exemption.ts) and, while an admin's override
 * lifts the freeze (domain/gate/gate-in-force.ts), what the override allows.
 */
import type { GateStatement } from '../../contract/gate';
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

/**
 * The statement with its effect as it stands for this project: the exemption rules it has, and the
 * override when one lifts the freeze — the planner banner and the issue panel show the same words.
 */
export function statementInForce(
  gate: ProjectGate,
  statement: GateStatement,
  exemption: ExemptionRules,
): GateStatement {
  const effect =
    gateInForce(gate).override !== null
      ? OVERRIDDEN
      : gate.state === 'FROZEN'
        ? `No feature work starts, except exempt items (${exemptWords(exemption)}) or under a freeze override a project admin records.`
        : statement.effect;
  return { ...statement, effect };
}
