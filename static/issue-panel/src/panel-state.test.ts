import { describe, expect, it } from 'vitest';
import { ITEMS, VIEWER, dodOf, issueView } from '../../shared/testing/issue-view';
import {
  initialPanelState,
  panelReducer,
  shownItems,
  type PanelAction,
  type PanelState,
} from './panel-state';

const conflict = {
  code: 'CONFLICT' as const,
  message: 'Someone else changed it.',
  retryable: true,
};

function run(...actions: PanelAction[]): PanelState {
  return actions.reduce(panelReducer, initialPanelState);
}

function readyState(state: PanelState) {
  if (state.status !== 'ready') throw new Error(`expected ready, got ${state.status}`);
  return state;
}

const loaded: PanelAction = { type: 'loaded', view: issueView(), viewer: VIEWER };

describe('panelReducer', () => {
  it('starts loading, then is ready with the loaded view', () => {
    expect(initialPanelState.status).toBe('loading');
    const state = readyState(run(loaded));
    expect(state.view.issueKey).toBe('SHOP-12');
    expect(state.pendingTicks).toEqual({});
  });

  it('keeps the failure of a load, and goes back to loading on retry', () => {
    const failed = run({ type: 'loadFailed', error: conflict });
    expect(failed).toEqual({ status: 'failed', error: conflict });
    expect(panelReducer(failed, { type: 'load' }).status).toBe('loading');
  });

  it('records a tick in flight without touching the backend view', () => {
    const state = readyState(
      run(loaded, { type: 'tickStarted', itemId: 'code-review', done: true }),
    );
    expect(state.pendingTicks).toEqual({ 'code-review': true });
    expect(state.view.dod.done).toBe(3);
  });

  it('takes the backend view when a tick succeeds', () => {
    const after = issueView({
      dod: dodOf(ITEMS.map((i) => (i.id === 'code-review' ? { ...i, state: 'done' as const } : i))),
    });
    const state = readyState(
      run(
        loaded,
        { type: 'tickStarted', itemId: 'code-review', done: true },
        { type: 'tickSucceeded', itemId: 'code-review', view: after },
      ),
    );
    expect(state.pendingTicks).toEqual({});
    expect(state.view.dod.progress).toBe('4/5');
  });

  it('rolls a failed tick back to the backend state and says what failed', () => {
    const state = readyState(
      run(
        loaded,
        { type: 'tickStarted', itemId: 'code-review', done: true },
        { type: 'tickFailed', itemId: 'code-review', error: conflict },
      ),
    );
    expect(state.pendingTicks).toEqual({});
    expect(
      shownItems(state.view.dod.items, state.pendingTicks).find((i) => i.id === 'code-review')
        ?.state,
    ).toBe('open');
    expect(state.actionError).toBe('Couldn’t update “Code reviewed”: Someone else changed it.');
  });

  it('rolls back only the failed tick when two are in flight', () => {
    const state = readyState(
      run(
        loaded,
        { type: 'tickStarted', itemId: 'code-review', done: true },
        { type: 'tickStarted', itemId: 'docs', done: false },
        { type: 'tickFailed', itemId: 'docs', error: conflict },
      ),
    );
    expect(state.pendingTicks).toEqual({ 'code-review': true });
  });

  it('keeps a tick in flight shown when another tick answers first', () => {
    const state = readyState(
      run(
        loaded,
        { type: 'tickStarted', itemId: 'code-review', done: true },
        { type: 'tickStarted', itemId: 'docs', done: false },
        { type: 'tickSucceeded', itemId: 'docs', view: issueView() },
      ),
    );
    const shown = shownItems(state.view.dod.items, state.pendingTicks);
    expect(shown.find((i) => i.id === 'code-review')).toMatchObject({
      state: 'done',
      pending: true,
    });
  });

  it('marks the picker busy while a type change is saved, and takes the answer', () => {
    const busy = readyState(run(loaded, { type: 'typeStarted' }));
    expect(busy.pendingType).toBe(true);
    const view = issueView({
      workType: { type: 'debt', source: 'manual', reason: 'Set by hand to debt.' },
    });
    const done = readyState(panelReducer(busy, { type: 'typeSucceeded', view }));
    expect(done).toMatchObject({ pendingType: false, view: { workType: { type: 'debt' } } });
  });

  it('keeps the old type and says why when a type change fails', () => {
    const state = readyState(
      run(loaded, { type: 'typeStarted' }, { type: 'typeFailed', error: conflict }),
    );
    expect(state.pendingType).toBe(false);
    expect(state.view.workType.type).toBe('feature');
    expect(state.actionError).toBe('Couldn’t change the category: Someone else changed it.');
  });

  it('clears the message when dismissed', () => {
    const state = run(
      loaded,
      { type: 'typeStarted' },
      { type: 'typeFailed', error: conflict },
      { type: 'dismissError' },
    );
    expect(readyState(state).actionError).toBeUndefined();
  });

  it('ignores a late tick answer after the panel started reloading', () => {
    const state = run(
      loaded,
      { type: 'load' },
      { type: 'tickSucceeded', itemId: 'docs', view: issueView() },
    );
    expect(state.status).toBe('loading');
  });
});
