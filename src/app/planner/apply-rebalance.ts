/**
 * Applies a rebalance proposal as the person (Jira checks their "Schedule issues" permission): the
 * chosen items to move out go to the backlog, the chosen items to pull in go to the sprint. Right
 * before moving, the sprint is read again: if its items changed since the proposal was computed
 * (another planner, a drag on the board, a re-estimate), or a chosen move is no longer one of the
 * fresh proposal's — which never moves started or Done work out of a running sprint — nothing moves
 * and the person is told to review the new proposal.
 *
 * Like Undo, the apply claims the sprint's undo entry first: a version-checked write over the version
 * read before the sprint, so of two applies of one proposal only one moves and the other gets a
 * CONFLICT. What moved is kept for undo, with the ids of the moved issues (sub-tasks included), which
 * the reads after the move — the view this returns, an undo, the sprint start — reconcile in Jira's
 * eventually consistent search; and it is written to the project's audit log.
 */
import { randomUUID } from 'node:crypto';
import type { PlannerChange } from '../../contract/planner';
import { isUnplanned, proposeRebalance, type CapacityBasis } from '../../domain/capacity';
import { AppError } from '../errors';
import { appendAuditEntry, rebalanceAuditEntries } from './audit-log';
import { evaluateSprint } from './evaluate-sprint';
import { sprintFingerprint } from './fingerprint';
import { movedIssueIds } from './moved-issues';
import { readSprintSnapshot, type PlannerDeps, type SprintRef } from './sprint-snapshot';
import {
  applyInProgress,
  readUndo,
  undoId,
  UNDO_KIND,
  writeUndo,
  type UndoEntry,
} from './undo-log';

export type PlannedMove = { readonly key: string; readonly direction: 'out' | 'in' };

const moveId = (m: PlannedMove): string => `${m.direction}:${m.key}`;

const IN_PROGRESS =
  'Someone else is applying or undoing a rebalance of this sprint right now, so nothing was moved. Reload the planner to see the plan.';

export async function applyRebalance(
  deps: PlannerDeps,
  input: SprintRef & { fingerprint: string; moves: readonly PlannedMove[]; accountId: string },
): Promise<PlannerChange> {
  if (input.moves.length === 0) {
    throw new AppError('BAD_REQUEST', 'Choose at least one move to apply.', { field: 'moves' });
  }
  const chosen = new Set(input.moves.map(moveId));
  if (chosen.size !== input.moves.length)
    throw new AppError('BAD_REQUEST', 'A move is listed twice.', { field: 'moves' });
  // The version the claim is written over is read before the sprint: an apply that finished in
  // between has changed it, so this one cannot also move (its sprint read may predate those moves).
  const { entry: previous, version } = await readUndo(deps.store, input.projectKey, input.sprintId);
  if (applyInProgress(previous, deps.clock.now())) throw new AppError('CONFLICT', IN_PROGRESS);
  const snapshot = await readSprintSnapshot(deps, input, { withBacklog: true });
  const sprintName = snapshot.sprint.name;
  if (snapshot.sprint.state === 'closed') {
    throw new AppError('BAD_REQUEST', `${sprintName} is closed: its plan cannot change.`);
  }
  if (sprintFingerprint(snapshot.planInput.items) !== input.fingerprint) {
    throw new AppError(
      'CONFLICT',
      `${sprintName} changed since this proposal was computed (items added, removed, re-estimated or retyped), so nothing was moved. Review the new proposal and apply it again.`,
    );
  }
  const fresh = proposeRebalance({ ...snapshot.planInput, backlog: snapshot.backlog ?? [] });
  const proposed = new Set(fresh.moves.map(moveId));
  const notProposed = input.moves.filter((m) => !proposed.has(moveId(m)));
  if (notProposed.length > 0) {
    const held = new Map(fresh.held.map((h) => [h.key, h.reason]));
    const why = notProposed.map((m) => held.get(m.key) ?? `${m.key} (${m.direction})`).join('; ');
    throw new AppError(
      'CONFLICT',
      `The proposal changed since you saw it, so nothing was moved: it no longer proposes ${why}. Review the new proposal and apply it again.`,
    );
  }
  // In the proposal's order: out-moves first, then in-moves.
  const selected = fresh.moves.filter((m) => chosen.has(moveId(m)));
  const outs = selected.filter((m) => m.direction === 'out').map((m) => m.key);
  const ins = selected.filter((m) => m.direction === 'in').map((m) => m.key);
  const amountOf = new Map(selected.map((m) => [m.key, m.amount]));
  const at = deps.clock.now();
  const actor = { accountId: input.accountId, at };

  // Claim: the entry as it was (or an empty one), marked as being applied, over the version read.
  const id = undoId(input.projectKey, input.sprintId);
  const untouched: UndoEntry = previous ?? {
    schemaVersion: 1,
    sprintId: input.sprintId,
    appliedAt: at.toISOString(),
    appliedBy: input.accountId,
    moves: [],
    status: 'undone',
    replannedIn: [],
    plannedBefore: [],
    movedIds: [],
  };
  const claimed = await deps.store
    .put(
      UNDO_KIND,
      id,
      { ...untouched, applying: { accountId: input.accountId, at: at.toISOString() } },
      version,
      actor,
    )
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CONFLICT')
        throw new AppError('CONFLICT', IN_PROGRESS);
      throw error;
    });
  // Nothing moved: give the entry back. If even that fails, the claim goes stale in APPLY_CLAIM_MS;
  // the person is told of the failure that stopped the apply, not of this one.
  const release = () =>
    deps.store.put(UNDO_KIND, id, untouched, claimed.version, actor).then(
      () => undefined,
      () => undefined,
    );

  let movedIds: string[];
  try {
    movedIds = await movedIssueIds(deps.jira, [...outs, ...ins]);
  } catch (error: unknown) {
    await release();
    throw error;
  }
  const done: PlannedMove[] = [];
  const record = async (moves: PlannedMove[]): Promise<void> => {
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
      moves: moves.map((m) => ({ ...m, amount: amountOf.get(m.key) ?? 0 })),
      status: 'applied',
      replannedIn: [...new Set([...(previous?.replannedIn ?? []), ...pulledIn])],
      plannedBefore,
      movedIds,
      movedAt: at.toISOString(),
    };
    await writeUndo(deps.store, input.projectKey, entry, claimed.version, actor);
    await auditRebalance(
      deps,
      input,
      sprintName,
      snapshot.planInput.policy.basis,
      moves,
      amountOf,
    ).catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'INTERNAL',
        `Moved ${moves.map((m) => m.key).join(', ')} and Undo can put them back, but writing the rebalance to the audit log failed: ${why}`,
        { cause: error },
      );
    });
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
    if (done.length === 0) {
      await release();
      throw error;
    }
    if (!(error instanceof AppError)) throw error;
    // Half applied: keep what moved so Undo can put it back, and say exactly where things stand.
    await record(done);
    throw new AppError(
      error.code,
      `Moved ${outs.join(', ')} to the backlog, but pulling ${ins.join(', ')} into ${sprintName} failed: ${error.message} Undo puts the moved items back.`,
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
      `Applied the rebalance: moved ${outs.join(', ') || 'nothing'} to the backlog and ${ins.join(', ') || 'nothing'} into ${sprintName}, and Undo can put them back. Reading the sprint again failed: ${error.message} Reload the planner to see the plan.`,
      { retryable: error.options.retryable ?? false, cause: error },
    );
  }
}

/** The audit log's record of what moved (PRODUCT.md §2: every change to a plan is accountable). */
export async function auditRebalance(
  deps: PlannerDeps,
  input: SprintRef & { accountId: string },
  sprintName: string,
  basis: CapacityBasis,
  moves: readonly PlannedMove[],
  amountOf: ReadonlyMap<string, number>,
  kind: 'rebalanceApplied' | 'rebalanceUndone' = 'rebalanceApplied',
): Promise<void> {
  const at = deps.clock.now();
  const entries = rebalanceAuditEntries(
    {
      kind,
      accountId: input.accountId,
      at: at.toISOString(),
      projectKey: input.projectKey,
      sprint: { id: input.sprintId, name: sprintName },
      basis,
    },
    moves.map((m) => ({ key: m.key, direction: m.direction, amount: amountOf.get(m.key) ?? null })),
    randomUUID,
  );
  for (const entry of entries)
    await appendAuditEntry(deps.store, entry, { accountId: input.accountId, at });
}
