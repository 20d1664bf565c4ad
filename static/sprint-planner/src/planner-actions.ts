/**
 * What the planner's controls do: call a resolver and tell the reducer how it went. `call` is passed
 * in (static/shared/invoke.ts in the app, a fake in tests). After a refused apply or override because
 * the sprint changed (CONFLICT), the sprint is read again so the new plan and proposal are shown.
 */
import type { RequestOf, ResolverKey, ResponseOf } from '../../../src/contract/resolvers';
import type { PlannerBoard, SprintEvaluation } from '../../../src/contract/planner';
import { asResolverError } from '../../shared/format';
import type { PlannerAction } from './planner-state';

export type Call = <K extends ResolverKey>(key: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;
export type Dispatch = (action: PlannerAction) => void;

/**
 * Reads started before the first render (App.tsx): the board, and for a sprint action the sprint
 * Jira opened the planner on, evaluated at the same time instead of after the board.
 */
export interface EarlyPlan {
  readonly board: Promise<PlannerBoard>;
  readonly sprint?: { readonly id: number; readonly evaluation: Promise<SprintEvaluation> };
}

export interface PlannerActions {
  readonly loadBoard: (early?: EarlyPlan) => Promise<void>;
  readonly chooseSprint: (sprintId: number) => Promise<void>;
  /** Applies the chosen moves of the view's proposal (the server checks them against a fresh one). */
  readonly apply: (
    view: SprintEvaluation,
    moves: readonly { key: string; direction: 'out' | 'in' }[],
  ) => Promise<void>;
  readonly undo: (view: SprintEvaluation) => Promise<void>;
  readonly override: (view: SprintEvaluation, reason: string) => Promise<boolean>;
  /** Evaluates the sprint again in place (after a change elsewhere, e.g. a freeze override). */
  readonly reload: (sprintId: number) => Promise<void>;
  /** The resolver call, for sections that load their own data (FreezeOverride). */
  readonly call: Call;
}

const moveCount = (n: number): string => `${n} ${n === 1 ? 'move' : 'moves'}`;

function outcome(view: SprintEvaluation): string {
  switch (view.evaluation.verdict.status) {
    case 'compliant':
      return 'the sprint now keeps the split and fits the capacity.';
    case 'nonCompliant':
      return view.evaluation.violations.every((v) => v.kind === 'capacity')
        ? 'the sprint is still over the capacity.'
        : 'the sprint still breaks the split.';
    case 'unknownCapacity':
      return 'capacity is unknown, so the split cannot be checked.';
  }
}

export function plannerActions(call: Call, dispatch: Dispatch): PlannerActions {
  const loadSprint = async (
    sprintId: number,
    started?: Promise<SprintEvaluation>,
  ): Promise<void> => {
    try {
      const view = await (started ?? call('planner/evaluate', { sprintId, withProposal: true }));
      dispatch({ type: 'sprintLoaded', view });
    } catch (thrown) {
      dispatch({ type: 'sprintFailed', sprintId, error: asResolverError(thrown) });
    }
  };
  const change = async (
    busy: 'apply' | 'undo' | 'override',
    sprintId: number,
    run: () => Promise<{ view: SprintEvaluation; notice: string }>,
  ): Promise<boolean> => {
    dispatch({ type: 'changeStarted', busy });
    try {
      const { view, notice } = await run();
      dispatch({ type: 'changeSucceeded', view, notice });
      return true;
    } catch (thrown) {
      const error = asResolverError(thrown);
      dispatch({ type: 'changeFailed', error });
      if (error.code === 'CONFLICT') await loadSprint(sprintId);
      return false;
    }
  };
  return {
    call,
    reload: loadSprint,
    async loadBoard(early) {
      dispatch({ type: 'boardLoading' });
      try {
        const board = await (early?.board ?? call('planner/board', {}));
        dispatch({ type: 'boardLoaded', board });
        const selected = board.selectedSprintId;
        // The early evaluation counts only if the board chose that sprint (it is on the board).
        if (selected !== null)
          await loadSprint(
            selected,
            early?.sprint?.id === selected ? early.sprint.evaluation : undefined,
          );
      } catch (thrown) {
        dispatch({ type: 'boardFailed', error: asResolverError(thrown) });
      }
    },
    async chooseSprint(sprintId) {
      dispatch({ type: 'chooseSprint', sprintId });
      await loadSprint(sprintId);
    },
    async apply(view, moves) {
      const proposal = view.proposal;
      if (!proposal || moves.length === 0) return;
      await change('apply', view.sprint.id, async () => {
        const result = await call('planner/apply', {
          sprintId: view.sprint.id,
          fingerprint: proposal.fingerprint,
          moves: moves.map(({ key, direction }) => ({ key, direction })),
        });
        return {
          view: result.view,
          notice: `Applied ${moveCount(result.moved.length)}: ${outcome(result.view)}`,
        };
      });
    },
    async undo(view) {
      await change('undo', view.sprint.id, async () => {
        const result = await call('planner/undo', { sprintId: view.sprint.id });
        return {
          view: result.view,
          notice: `Undid the rebalance (${moveCount(result.moved.length)}): ${outcome(result.view)}`,
        };
      });
    },
    override(view, reason) {
      return change('override', view.sprint.id, async () => {
        const result = await call('planner/override', {
          sprintId: view.sprint.id,
          reason,
          fingerprint: view.fingerprint,
        });
        return { view: result.view, notice: 'Override recorded in the project’s audit log.' };
      });
    },
  };
}
