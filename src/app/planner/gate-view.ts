/**
 * The planner's gate banner: the project's gate state, its statement in words (the policy's rule
 * with today's figures: src/domain/gate/gate-words.ts, the same the panel and the project page
 * show) and the freeze override in force, if any.
 */
import type { GateStatement } from '../../contract/gate';
import type { GateView } from '../../contract/planner';
import type { ExemptionRules } from '../../domain/capacity';
import { gateInForce, type ProjectGate } from '../../domain/gate';
import { statementInForce } from '../gate/statement-in-force';

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
  return {
    state: gate.state,
    statement: statementInForce(gate, statement, exemption),
    override,
  };
}
