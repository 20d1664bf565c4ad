/**
 * Applies a rebalance proposal as the person (Jira checks their "Schedule issues" permission): the
 * items to move out go to the backlog, the items to pull in go to the sprint. Right before moving,
 * the sprint is read again: if its items changed since the proposal was computed (another planner,
 * a drag on the board, a re-estimate), or the fresh proposal no longer has the same moves, nothing
 * moves and the person is told to review the new proposal. What moved is kept for undo, with the
 * ids of the moved issues (sub-tasks included), which the reads after the move — the view this
 * returns, an undo, the sprint start — reconcile in Jira's eventually consistent search.
 */
import type { PlannerChange } from '../../contract/planner';
import { isUnplanned, proposeRebalance } from '../../domain/capacity';
import { AppError } from '../errors';
import { evaluateSprint } from './evaluate-sprint';
import { sprintFingerprint } from './fingerprint';
import { movedIssueIds } from './moved-issues';
import { readSprintSnapshot, type PlannerDeps, type SprintRef } from './sprint-snapshot';
import { readUndo, writeUndo, type UndoEntry } from './undo-log';

export type PlannedMove = { readonly key: string; readonly direction: 'out' | 'in' };

const sameMoves = (a: readonly PlannedMove[], b: readonly PlannedMove[]): boolean => {
  const canonical = (moves: readonly PlannedMove[]) =>
    moves
      .map((m) => `${m.direction}:${m.key}`)
      .sort()
      .join(',');
  return canonical(a) === canonical(b);
};

export async function applyRebalance(
  deps: PlannerDeps,
  input: SprintRef & { fingerprint: string; moves: readonly PlannedMove[]; accountId: string },
): Promise<PlannerChange> {
  if (input.moves.length === 0) {
    throw new AppError(
      'BAD_REQUEST',
      'The proposal has no moves: the plan already keeps the split.',
      {
        field: 'moves',
      },
    );
  }
  const snapshot = await readSprintSnapshot(deps, input, { withBacklog: true });
  if (snapshot.sprint.state === 'closed') {
    throw new AppError('BAD_REQUEST', `${snapshot.sprint.name} is closed: its plan cannot change.`);
  }
  if (sprintFingerprint(snapshot.planInput.items) !== input.fingerprint) {
    throw new AppError(
      'CONFLICT',
      `${snapshot.sprint.name} changed since this proposal was computed (items added, removed, re-estimated or retyped), so nothing was moved. Review the new proposal and apply it again.`,
    );
  }
  const fresh = proposeRebalance({ ...snapshot.planInput, backlog: snapshot.backlog ?? [] });
  if (!sameMoves(fresh.moves, input.moves)) {
    throw new AppError(
      'CONFLICT',
      'The backlog changed since this proposal was computed, so the moves are no longer the best ones and nothing was moved. Review the new proposal and apply it again.',
    );
  }
  const outs = input.moves.filter((m) => m.direction === 'out').map((m) => m.key);
  const ins = input.moves.filter((m) => m.direction === 'in').map((m) => m.key);
  const done: PlannedMove[] = [];
  const at = deps.clock.now();
  const actor = { accountId: input.accountId, at };
  const { entry: previous, version } = await readUndo(deps.store, input.projectKey, input.sprintId);
  const movedIds = await movedIssueIds(deps.jira, [...outs, ...ins]);
  const record = (moves: PlannedMove[]): Promise<void> => {
    // Pulled into a running sprint by this re-plan: planned, not unplanned work (undo-log.ts).
    const active = snapshot.sprint.state === 'active';
    const pulledIn = active ? moves.filter((m) => m.direction === 'in').map((m) => m.key) : [];
    const plannedBefore = active
      ? snapshot.planInput.items
          .filter((item) => !isUnplanned(item, snapshot.planInput.startedAt))
          .map((item) => item.key)
      : [];
    const entry: UndoEntry = {
      schemaVersion: 1,
      sprintId: input.sprintId,
      appliedAt: at.toISOString(),
      appliedBy: input.accountId,
      moves,
      status: 'applied',
      replannedIn: [...new Set([...(previous?.replannedIn ?? []), ...pulledIn])],
      plannedBefore,
      movedIds,
      movedAt: at.toISOString(),
    };
    return writeUndo(deps.store, input.projectKey, entry, version, actor);
  };
  try {
    if (outs.length > 0) {
      await deps.jira.moveToBacklog(outs);
      done.push(...outs.map((key) => ({ key, direction: 'out' as const })));
    }
    if (ins.length > 0) {
      await deps.jira.moveToSprint(input.sprintId, ins);
      done.push(...ins.map((key) => ({ key, direction: 'in' as const })));
    }
  } catch (error: unknown) {
    if (done.length === 0 || !(error instanceof AppError)) throw error;
    // Half applied: keep what moved so Undo can put it back, and say exactly where things stand.
    await record(done);
    throw new AppError(
      error.code,
      `Moved ${outs.join(', ')} to the backlog, but pulling ${ins.join(', ')} into ${snapshot.sprint.name} failed: ${error.message} Undo puts the moved items back.`,
      { retryable: error.options.retryable ?? false, cause: error },
    );
  }
  await record(done);
  try {
    const view = await evaluateSprint(deps, { ...input, withProposal: true });
    return { moved: done, view };
  } catch (error: unknown) {
    if (!(error instanceof AppError)) throw error;
    // Everything moved and Undo knows it: say so, or the person would apply a stale proposal again.
    throw new AppError(
      error.code,
      `Applied the rebalance: moved ${outs.join(', ') || 'nothing'} to the backlog and ${ins.join(', ') || 'nothing'} into ${snapshot.sprint.name}, and Undo can put them back. Reading the sprint again failed: ${error.message} Reload the planner to see the plan.`,
      { retryable: error.options.retryable ?? false, cause: error },
    );
  }
}
