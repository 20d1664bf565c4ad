/**
 * At sprint start (PRODUCT.md §2): snapshot the commitment and evaluate the split; in enforce mode,
 * when the plan breaks the split and no override covers this exact plan under this gate state
 * (override-coverage.ts), move the overflow — the
 * lowest-ranked items the rebalance would take out, never pulling anything in — back to the
 * backlog, and say why on each moved item.
 */
import { evaluateSprintPlan, proposeRebalance } from '../../domain/capacity';
import { isEstimated, sizeOf } from '../../domain/capacity/sprint-item';
import { AppError } from '../errors';
import { latestOverrideFor } from '../planner/audit-log';
import { overrideCoverage } from '../planner/override-coverage';
import { sprintFingerprint } from '../planner/fingerprint';
import { movedIssueIds } from '../planner/moved-issues';
import { readSprintSnapshot, type PlannerDeps } from '../planner/sprint-snapshot';
import { commitmentKey, type SprintCommitment } from './sprint-commitment';

/** Why a sprint that broke its split kept its overflow while the licence was inactive. */
export const NOT_ENFORCED_WITHOUT_LICENCE =
  'Ballast’s licence is not active, so the split was not enforced';

export async function onSprintStarted(
  deps: PlannerDeps,
  input: {
    sprintId: number;
    boardId: number;
    /**
     * False when Ballast's licence is inactive: the commitment is still recorded, the overflow is
     * not moved, and the record says why (src/entry/licence/fail-open.ts). Default true.
     */
    enforce?: boolean;
  },
): Promise<SprintCommitment | null> {
  const board = await deps.jira.getBoard(input.boardId);
  const projectKey = board.location?.projectKey;
  if (projectKey === undefined) return null; // a board without a project (cross-project filter)
  if ((await deps.kv.get(commitmentKey(input.sprintId))) !== undefined) return null;
  const snapshot = await readSprintSnapshot(
    deps,
    { projectKey, boardId: input.boardId, sprintId: input.sprintId },
    { withBacklog: false },
  );
  const { planInput, sprint } = snapshot;
  const evaluation = evaluateSprintPlan(planInput);
  let movedOut: string[] = [];
  let notEnforcedBecause: string | null = null;
  if (evaluation.verdict.status === 'nonCompliant') {
    if (evaluation.verdict.action !== 'enforce') {
      notEnforcedBecause = `enforcement is "${planInput.policy.enforcement}"`;
    } else if (input.enforce === false) {
      notEnforcedBecause = NOT_ENFORCED_WITHOUT_LICENCE;
    } else {
      const override = await latestOverrideFor(deps.store, projectKey, input.sprintId);
      const fingerprint = sprintFingerprint(planInput.items);
      if (
        override &&
        overrideCoverage(override, { fingerprint, gateState: snapshot.gate.state }).counts
      ) {
        notEnforcedBecause = `override by ${override.accountId} at ${override.at}: ${override.reason}`;
      } else {
        const proposal = proposeRebalance({ ...planInput, backlog: [] });
        movedOut = proposal.moves.filter((m) => m.direction === 'out').map((m) => m.key);
      }
    }
  }
  // Found before moving (ids do not change), so the planner's next reads can reconcile them.
  const movedIds = await movedIssueIds(deps.jira, movedOut);
  const movedAt = deps.clock.now().toISOString();
  if (movedOut.length > 0) {
    await deps.jira.moveToBacklog(movedOut);
    const why = `Ballast moved this item back to the backlog when ${sprint.name} started: the sprint broke its capacity split (${evaluation.verdict.headline.replace(/\.$/, '')}) and the project enforces the split. A Product Owner can record an override with a reason in the sprint planner before the next start.`;
    for (const key of movedOut) {
      try {
        await deps.jira.addComment(key, why);
      } catch (error: unknown) {
        // The move is what enforcement is; a missing comment must not undo it or stop the rest.
        if (!(error instanceof AppError)) throw error;
        console.error(`Ballast could not comment on ${key}`, error);
      }
    }
  }
  const moved = new Set(movedOut);
  const commitment: SprintCommitment = {
    v: 1,
    projectKey,
    boardId: input.boardId,
    sprintId: input.sprintId,
    sprintName: sprint.name,
    startedAt: sprint.startDate ?? deps.clock.now().toISOString(),
    basis: planInput.policy.basis,
    plannable: evaluation.plannable,
    gateState: snapshot.gate.state,
    verdict: { status: evaluation.verdict.status, headline: evaluation.verdict.headline },
    items: planInput.items
      .filter((item) => !moved.has(item.key))
      .map((item) => {
        const id = snapshot.issueIds.get(item.key);
        return {
          key: item.key,
          type: item.type,
          size: isEstimated(item, planInput.policy.basis)
            ? sizeOf(item, planInput.policy.basis)
            : null,
          ...(id === undefined ? {} : { id }),
        };
      }),
    movedOut,
    ...(movedOut.length > 0 ? { movedIds, movedAt } : {}),
    notEnforcedBecause,
  };
  await deps.kv.setIfAbsent(commitmentKey(input.sprintId), commitment);
  return commitment;
}
