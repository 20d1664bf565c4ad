/**
 * The sprint planner's evaluation (PRODUCT.md §2): the sprint's items against the project's capacity
 * policy, with capacity from the velocity of closed sprints, the gate, the last rebalance that can
 * still be undone, the newest override, and — on request — the rebalance proposal from the backlog.
 */
import type { ProposalView, SprintEvaluation } from '../../contract/planner';
import { evaluateSprintPlan, proposeRebalance } from '../../domain/capacity';
import { displayNames } from '../people/display-names';
import { latestOverrideFor } from './audit-log';
import { sprintFingerprint } from './fingerprint';
import { gateView } from './gate-view';
import { overrideCoverage } from './override-coverage';
import { proposalView } from './proposal-view';
import { readSprintSnapshot, type PlannerDeps, type SprintRef } from './sprint-snapshot';
import { readUndo } from './undo-log';

export type { PlannerDeps } from './sprint-snapshot';
export type { SprintEvaluation } from '../../contract/planner';

export async function evaluateSprint(
  deps: PlannerDeps,
  input: SprintRef & { withProposal: boolean },
): Promise<SprintEvaluation> {
  const snapshot = await readSprintSnapshot(deps, input, { withBacklog: input.withProposal });
  const { config, sprint, gate, planInput, backlog } = snapshot;
  const evaluation = evaluateSprintPlan(planInput);
  const fingerprint = sprintFingerprint(planInput.items);
  const proposal: ProposalView | undefined =
    backlog === undefined
      ? undefined
      : proposalView(proposeRebalance({ ...planInput, backlog }), snapshot.details, fingerprint);
  const [undo, override] = await Promise.all([
    readUndo(deps.store, input.projectKey, input.sprintId),
    latestOverrideFor(deps.store, input.projectKey, input.sprintId),
  ]);
  const enforcement = config.capacity.enforcement;
  const view = gateView(gate, snapshot.gateStatement, config.capacity.exemption);
  // People by name (issue #18): one bulk look-up as the viewer, only when the view names someone.
  const people = await displayNames(deps.jira, [
    ...(view.override ? [view.override.accountId] : []),
    ...(undo.entry?.status === 'applied' ? [undo.entry.appliedBy] : []),
    ...(override ? [override.accountId] : []),
  ]);
  return {
    sprint: {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
      ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    },
    gateState: gate.state,
    gate: view,
    enforcement,
    evaluation,
    fingerprint,
    ...(proposal ? { proposal } : {}),
    undo:
      undo.entry?.status === 'applied'
        ? {
            appliedAt: undo.entry.appliedAt,
            appliedBy: undo.entry.appliedBy,
            moves: undo.entry.moves.map(({ key, direction }) => ({ key, direction })),
          }
        : null,
    override:
      override === null ? null : overrideCoverage(override, { fingerprint, gateState: gate.state }),
    overrideNeeded:
      enforcement === 'enforce' &&
      // planInput.gateState is the limits in force: FROZEN only while no override lifts the freeze.
      (evaluation.verdict.status === 'nonCompliant' || planInput.gateState === 'FROZEN'),
    lastClosedSprint: snapshot.lastClosed,
    scopeChange: snapshot.scopeChange,
    notes: snapshot.notes,
    people,
  };
}
