/**
 * The planner's state as a pure reducer: the board (its open sprints, enforcement, permissions), the
 * chosen sprint's evaluation, and the one change in flight (apply, undo or override) with its outcome.
 */
import type { ResolverError } from '../../../src/contract/envelope';
import type { PlannerBoard, SprintEvaluation } from '../../../src/contract/planner';

export type Busy = 'apply' | 'undo' | 'override';

export type ViewState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly view: SprintEvaluation }
  | { readonly status: 'failed'; readonly error: ResolverError };

export type PlannerState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ResolverError }
  | {
      readonly status: 'ready';
      readonly board: PlannerBoard;
      readonly sprintId: number | null;
      readonly sprint: ViewState;
      readonly busy: Busy | null;
      /** A refused change: shown as an alert until dismissed or the next change. */
      readonly actionError: ResolverError | undefined;
      /** What the last change did, announced politely. */
      readonly notice: string | undefined;
    };

export type PlannerAction =
  | { readonly type: 'boardLoading' }
  | { readonly type: 'boardLoaded'; readonly board: PlannerBoard }
  | { readonly type: 'boardFailed'; readonly error: ResolverError }
  | { readonly type: 'chooseSprint'; readonly sprintId: number }
  | { readonly type: 'sprintLoaded'; readonly view: SprintEvaluation }
  | { readonly type: 'sprintFailed'; readonly sprintId: number; readonly error: ResolverError }
  | { readonly type: 'changeStarted'; readonly busy: Busy }
  | { readonly type: 'changeSucceeded'; readonly view: SprintEvaluation; readonly notice: string }
  | { readonly type: 'changeFailed'; readonly error: ResolverError }
  | { readonly type: 'dismissError' };

export const initialPlannerState: PlannerState = { status: 'loading' };

export function plannerReducer(state: PlannerState, action: PlannerAction): PlannerState {
  switch (action.type) {
    case 'boardLoaded':
      return {
        status: 'ready',
        board: action.board,
        sprintId: action.board.selectedSprintId,
        sprint: { status: 'loading' },
        busy: null,
        actionError: undefined,
        notice: undefined,
      };
    case 'boardFailed':
      return { status: 'failed', error: action.error };
    case 'boardLoading':
      return { status: 'loading' };
    default:
      break;
  }
  if (state.status !== 'ready') return state;
  switch (action.type) {
    case 'chooseSprint':
      return {
        ...state,
        sprintId: action.sprintId,
        sprint: { status: 'loading' },
        actionError: undefined,
        notice: undefined,
      };
    case 'sprintLoaded':
      // An answer for a sprint no longer chosen is dropped.
      if (action.view.sprint.id !== state.sprintId) return state;
      return { ...state, sprint: { status: 'ready', view: action.view } };
    case 'sprintFailed':
      if (action.sprintId !== state.sprintId) return state;
      return { ...state, sprint: { status: 'failed', error: action.error } };
    case 'changeStarted':
      return { ...state, busy: action.busy, actionError: undefined, notice: undefined };
    case 'changeSucceeded':
      if (action.view.sprint.id !== state.sprintId) return { ...state, busy: null };
      return {
        ...state,
        busy: null,
        sprint: { status: 'ready', view: action.view },
        notice: action.notice,
      };
    case 'changeFailed':
      return { ...state, busy: null, actionError: action.error };
    case 'dismissError':
      return { ...state, actionError: undefined };
  }
}
