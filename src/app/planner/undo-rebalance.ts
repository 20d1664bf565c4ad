/**
 * Undoes the last rebalance applied to a sprint: the pulled-in items go back to the backlog and the
 * moved-out items back into the sprint — only while every item is still where the apply left them,
 * so an undo never overwrites a later change someone made by hand. Jira's search is eventually
 * consistent, so those checks reconcile the moved issues (moved-issues.ts): an undo pressed right
 * after the apply sees where the apply put them, not where the index still has them.
 */
import type { PlannerChange } from '../../contract/planner';
import { AppError } from '../errors';
import { evaluateSprint } from './evaluate-sprint';
import { movedIssueIds } from './moved-issues';
import { sprintOnBoard, type PlannerDeps, type SprintRef } from './sprint-snapshot';
import { loadProjectConfig } from '../project/project-config-repository';
import { auditRebalance } from './apply-rebalance';
import { applyInProgress, readUndo, undoId, UNDO_KIND, type UndoEntry } from './undo-log';

const keyList = (keys: readonly string[]): string => keys.join(', ');

export async function undoRebalance(
  deps: PlannerDeps,
  input: SprintRef & { accountId: string },
): Promise<PlannerChange> {
  const sprint = await sprintOnBoard(deps.jira, input);
  const { entry, version } = await readUndo(deps.store, input.projectKey, input.sprintId);
  if (applyInProgress(entry, deps.clock.now()))
    throw new AppError(
      'CONFLICT',
      'A rebalance of this sprint is being applied right now, so nothing was undone. Reload the planner to see the plan.',
    );
  if (entry === null || entry.status !== 'applied') {
    throw new AppError('BAD_REQUEST', `There is no rebalance of ${sprint.name} to undo.`);
  }
  if (sprint.state === 'closed') {
    throw new AppError('BAD_REQUEST', `${sprint.name} is closed: its plan cannot change.`);
  }
  const outs = entry.moves.filter((m) => m.direction === 'out').map((m) => m.key);
  const ins = entry.moves.filter((m) => m.direction === 'in').map((m) => m.key);

  // Entries written before ids were kept name only keys: look the ids up (they never change).
  const reconcile =
    entry.movedIds.length > 0 ? entry.movedIds : await movedIssueIds(deps.jira, [...outs, ...ins]);
  const inSprint = new Set(
    (
      await deps.jira.searchAll(`sprint = ${input.sprintId}`, { fields: ['status'], reconcile })
    ).map((i) => i.key),
  );
  const gone = ins.filter((key) => !inSprint.has(key));
  const back =
    outs.length === 0
      ? []
      : (
          await deps.jira.searchAll(`key in (${outs.join(', ')}) AND sprint in openSprints()`, {
            fields: ['status'],
            reconcile,
          })
        ).map((i) => i.key);
  if (gone.length > 0 || back.length > 0) {
    const problems = [
      ...(gone.length > 0 ? [`${keyList(gone)} no longer in ${sprint.name}`] : []),
      ...(back.length > 0 ? [`${keyList(back)} in a sprint again`] : []),
    ];
    throw new AppError(
      'CONFLICT',
      `The rebalance cannot be undone: someone moved items since it was applied (${problems.join('; ')}). Undo would overwrite their change, so nothing was moved; move items by hand if needed.`,
    );
  }

  const actor = { accountId: input.accountId, at: deps.clock.now() };
  const id = undoId(input.projectKey, input.sprintId);
  const write = (next: UndoEntry, expected: number) =>
    deps.store.put(UNDO_KIND, id, next, expected, actor);
  // Claim the entry first, so two people pressing Undo at once do not both move things.
  // The pulled-in items go back to the backlog, so they are no longer part of a re-plan; the
  // items that were planned when it was applied come back as planned.
  // A finished undo records the whole rebalance, also when an earlier undo did half of it.
  const { appliedMoves, ...settled } = entry;
  const undone: UndoEntry = {
    ...settled,
    moves: appliedMoves ?? entry.moves,
    status: 'undone',
    // The undo moves the same issues back: the reads after it reconcile them again.
    movedIds: [...reconcile],
    movedAt: actor.at.toISOString(),
    replannedIn: [
      ...new Set([
        ...entry.replannedIn.filter((key) => !ins.includes(key)),
        ...entry.plannedBefore,
      ]),
    ],
  };
  const claimed = await write(undone, version).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CONFLICT')
      throw new AppError(
        'CONFLICT',
        'Someone else is undoing or re-applying this rebalance. Reload to see the plan.',
      );
    throw error;
  });
  // Each undone item's size as the apply recorded it, for the audit log.
  const amountOf = new Map(
    (appliedMoves ?? entry.moves).flatMap((m) =>
      m.amount === undefined ? [] : [[m.key, m.amount] as const],
    ),
  );
  const basis = (await loadProjectConfig(deps.store, input.projectKey)).config.capacity.basis;
  const audit = (moves: readonly { key: string; direction: 'out' | 'in' }[]) =>
    auditRebalance(deps, input, sprint.name, basis, moves, amountOf, 'rebalanceUndone');
  try {
    if (ins.length > 0) await deps.jira.moveToBacklog(ins);
  } catch (error: unknown) {
    await write(entry, claimed.version);
    throw error;
  }
  try {
    if (outs.length > 0) await deps.jira.moveToSprint(input.sprintId, outs);
  } catch (error: unknown) {
    // The pulled-in items are back in the backlog; what is left to undo is the moved-out ones.
    await write(
      {
        ...entry,
        moves: entry.moves.filter((m) => m.direction === 'out'),
        appliedMoves: appliedMoves ?? entry.moves,
        replannedIn: undone.replannedIn,
        movedIds: undone.movedIds,
        movedAt: undone.movedAt,
      },
      claimed.version,
    );
    await audit(ins.map((key) => ({ key, direction: 'out' as const })));
    if (error instanceof AppError)
      throw new AppError(
        error.code,
        `Moved ${keyList(ins)} back to the backlog, but returning ${keyList(outs)} to ${sprint.name} failed: ${error.message} Undo again to finish.`,
        { retryable: error.options.retryable ?? false, cause: error },
      );
    throw error;
  }
  const moved = entry.moves.map((m) => ({
    key: m.key,
    direction: m.direction === 'out' ? ('in' as const) : ('out' as const),
  }));
  await audit(moved);
  try {
    return { moved, view: await evaluateSprint(deps, { ...input, withProposal: true }) };
  } catch (error: unknown) {
    if (!(error instanceof AppError)) throw error;
    // Everything is back: say so, or the person would try to undo again and be refused.
    throw new AppError(
      error.code,
      `Undid the rebalance: ${keyList(ins) || 'nothing'} back to the backlog and ${keyList(outs) || 'nothing'} back into ${sprint.name}. Reading the sprint again failed: ${error.message} Reload the planner to see the plan.`,
      { retryable: error.options.retryable ?? false, cause: error },
    );
  }
}
