/**
 * The planner's gate banner: the project's gate state, its statement in words (the policy's rule
 * with today's figures: src/domain/gate/gate-words.ts, the same the panel and the project page
 * show) and the freeze override in force, if any.
 */
import type { GateStatement } from '../../contract/gate';
import type { GateView } from '../../contract/planner';
import type { ProjectGate } from '../../domain/gate';

export function gateView(gate: ProjectGate, statement: GateStatement): GateView {
  const override =
    gate.state === 'FROZEN' && gate.override
      ? {
          accountId: gate.override.by,
          until: new Date(gate.override.until).toISOString(),
          reason: gate.override.reason,
        }
      : null;
  return { state: gate.state, statement, override };
}
