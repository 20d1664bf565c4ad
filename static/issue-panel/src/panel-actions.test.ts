import { describe, expect, it } from 'vitest';
import type { ResolverKey, RequestOf } from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/resolver-failure';
import { VIEWER, issueView } from '../../shared/testing/issue-view';
import { panelActions, type Call } from './panel-actions';
import {
  initialPanelState,
  panelReducer,
  shownItems,
  type PanelAction,
  type PanelState,
} from './panel-state';

/** A fake `call` that records each request and answers (or fails) as told. */
function fakeCall(answer: 'ok' | ResolverFailure) {
  const calls: { key: ResolverKey; payload: RequestOf<ResolverKey> }[] = [];
  const call = ((key: ResolverKey, payload: RequestOf<ResolverKey>) => {
    calls.push({ key, payload });
    return answer === 'ok' ? Promise.resolve(issueView()) : Promise.reject(answer);
  }) as Call;
  return { call, calls };
}

/** Dispatch that keeps the reducer's state and every action, as React would. */
function store() {
  let state: PanelState = panelReducer(initialPanelState, {
    type: 'loaded',
    view: issueView(),
    viewer: VIEWER,
  });
  const actions: PanelAction[] = [];
  return {
    dispatch: (action: PanelAction) => {
      actions.push(action);
      state = panelReducer(state, action);
    },
    actions,
    get state() {
      return state;
    },
  };
}

const conflict = new ResolverFailure({
  code: 'CONFLICT',
  message: 'Changed meanwhile.',
  retryable: true,
});

describe('panelActions', () => {
  it('ticks an item through issue/tickDodItem with the issue key, item id and new state', async () => {
    const { call, calls } = fakeCall('ok');
    const s = store();
    await panelActions(call, s.dispatch, 'SHOP-12').tick('code-review', true);
    expect(calls).toEqual([
      {
        key: 'issue/tickDodItem',
        payload: { issueKey: 'SHOP-12', itemId: 'code-review', done: true },
      },
    ]);
    expect(s.actions.map((a) => a.type)).toEqual(['tickStarted', 'tickSucceeded']);
  });

  it('shows the tick at once, and rolls it back when the backend refuses', async () => {
    const { call } = fakeCall(conflict);
    const s = store();
    const pending = panelActions(call, s.dispatch, 'SHOP-12').tick('code-review', true);
    const during =
      s.state.status === 'ready' ? shownItems(s.state.view.dod.items, s.state.pendingTicks) : [];
    expect(during.find((i) => i.id === 'code-review')?.state).toBe('done');
    await pending;
    expect(s.actions.at(-1)).toEqual({
      type: 'tickFailed',
      itemId: 'code-review',
      error: { code: 'CONFLICT', message: 'Changed meanwhile.', retryable: true },
    });
    const after =
      s.state.status === 'ready' ? shownItems(s.state.view.dod.items, s.state.pendingTicks) : [];
    expect(after.find((i) => i.id === 'code-review')).toMatchObject({
      state: 'open',
      pending: false,
    });
  });

  it('treats a bridge failure that is not a resolver answer as a retryable connection problem', async () => {
    const call = (() => Promise.reject(new TypeError('Failed to fetch'))) as Call;
    const s = store();
    await panelActions(call, s.dispatch, 'SHOP-12').tick('docs', false);
    expect(s.actions.at(-1)).toMatchObject({
      type: 'tickFailed',
      error: { code: 'INTERNAL', retryable: true },
    });
  });

  it('sets a category through issue/setWorkType', async () => {
    const { call, calls } = fakeCall('ok');
    const s = store();
    await panelActions(call, s.dispatch, 'SHOP-12').setWorkType('reliability');
    expect(calls).toEqual([
      { key: 'issue/setWorkType', payload: { issueKey: 'SHOP-12', workType: 'reliability' } },
    ]);
    expect(s.actions.map((a) => a.type)).toEqual(['typeStarted', 'typeSucceeded']);
  });

  it('sends null to let the rules decide again', async () => {
    const { call, calls } = fakeCall('ok');
    await panelActions(call, store().dispatch, 'SHOP-12').setWorkType(null);
    expect(calls[0]?.payload).toEqual({ issueKey: 'SHOP-12', workType: null });
  });

  it('tells the page after a saved change, and not after a refused one', async () => {
    let told = 0;
    const ok = fakeCall('ok');
    const actions = panelActions(ok.call, store().dispatch, 'SHOP-12', () => (told += 1));
    await actions.tick('docs', false);
    await actions.setWorkType('debt');
    expect(told).toBe(2);
    await panelActions(
      fakeCall(conflict).call,
      store().dispatch,
      'SHOP-12',
      () => (told += 1),
    ).tick('docs', true);
    expect(told).toBe(2);
  });
});
