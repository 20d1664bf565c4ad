/**
 * The issue panel's state as a pure reducer: the loaded IssueView (always the backend's latest
 * answer — the UI never recomputes DoD counts or categories), ticks in flight shown optimistically
 * on top of it and dropped again when the backend refuses them, and the last action's failure.
 */
import type { ResolverError } from '../../../src/contract/envelope';
import type { IssueView } from '../../../src/contract/issue-panel';

export type DodItem = IssueView['dod']['items'][number];

export type PanelState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ResolverError }
  | {
      readonly status: 'ready';
      readonly view: IssueView;
      readonly viewer: string | undefined;
      /** Ticks sent but not yet answered: item id → the state the person asked for. */
      readonly pendingTicks: Readonly<Record<string, boolean>>;
      readonly pendingType: boolean;
      /** The last failed change, said in words (the panel keeps showing the backend's state). */
      readonly actionError: string | undefined;
    };

export type PanelAction =
  | { readonly type: 'load' }
  | { readonly type: 'loaded'; readonly view: IssueView; readonly viewer: string | undefined }
  | { readonly type: 'loadFailed'; readonly error: ResolverError }
  | { readonly type: 'tickStarted'; readonly itemId: string; readonly done: boolean }
  | { readonly type: 'tickSucceeded'; readonly itemId: string; readonly view: IssueView }
  | { readonly type: 'tickFailed'; readonly itemId: string; readonly error: ResolverError }
  | { readonly type: 'typeStarted' }
  | { readonly type: 'typeSucceeded'; readonly view: IssueView }
  | { readonly type: 'typeFailed'; readonly error: ResolverError }
  | { readonly type: 'dismissError' };

export const initialPanelState: PanelState = { status: 'loading' };

const without = (record: Readonly<Record<string, boolean>>, key: string) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

export function panelReducer(state: PanelState, action: PanelAction): PanelState {
  switch (action.type) {
    case 'load':
      return { status: 'loading' };
    case 'loaded':
      return {
        status: 'ready',
        view: action.view,
        viewer: action.viewer,
        pendingTicks: {},
        pendingType: false,
        actionError: undefined,
      };
    case 'loadFailed':
      return { status: 'failed', error: action.error };
    case 'dismissError':
      return state.status === 'ready' ? { ...state, actionError: undefined } : state;
  }
  if (state.status !== 'ready') return state; // a late answer after a reload: nothing to change
  switch (action.type) {
    case 'tickStarted':
      return {
        ...state,
        pendingTicks: { ...state.pendingTicks, [action.itemId]: action.done },
        actionError: undefined,
      };
    case 'tickSucceeded':
      return {
        ...state,
        view: action.view,
        pendingTicks: without(state.pendingTicks, action.itemId),
      };
    case 'tickFailed': {
      const item = state.view.dod.items.find((i) => i.id === action.itemId);
      return {
        ...state,
        pendingTicks: without(state.pendingTicks, action.itemId),
        actionError: `Couldn’t update “${item?.text ?? action.itemId}”: ${action.error.message}`,
      };
    }
    case 'typeStarted':
      return { ...state, pendingType: true, actionError: undefined };
    case 'typeSucceeded':
      return { ...state, view: action.view, pendingType: false };
    case 'typeFailed':
      return {
        ...state,
        pendingType: false,
        actionError: `Couldn’t change the category: ${action.error.message}`,
      };
  }
}

/** A checklist row as shown: the backend's item, with a tick in flight applied on top. */
export interface ShownItem extends DodItem {
  readonly pending: boolean;
}

export function shownItems(
  items: readonly DodItem[],
  pendingTicks: Readonly<Record<string, boolean>>,
): ShownItem[] {
  return items.map((item) => {
    const wanted = pendingTicks[item.id];
    if (wanted === undefined) return { ...item, pending: false };
    return { ...item, state: wanted ? 'done' : 'open', pending: true };
  });
}
