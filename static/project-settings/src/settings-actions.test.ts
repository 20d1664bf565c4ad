import { describe, expect, it } from 'vitest';
import type { RequestOf, ResolverKey } from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/resolver-failure';
import { formReducer, initialForm, type FormAction } from './form-state';
import { settingsActions, type Call } from './settings-actions';
import { settingsView } from './testing/settings-view';

function fake(answer: (key: ResolverKey, payload: unknown) => unknown) {
  const calls: { key: ResolverKey; payload: unknown }[] = [];
  const call = (<K extends ResolverKey>(key: K, payload: RequestOf<K>) => {
    calls.push({ key, payload });
    // An async body turns a thrown ResolverFailure into a rejection, as the bridge's call does.
    return Promise.resolve().then(() => answer(key, payload));
  }) as Call;
  const dispatched: FormAction[] = [];
  return { calls, dispatched, actions: settingsActions(call, (a) => dispatched.push(a)) };
}

describe('settings actions', () => {
  it('save sends the whole edited configuration with the version it read', async () => {
    const view = settingsView();
    const { calls, dispatched, actions } = fake(() => ({ ...view, version: 4 }));
    const form = formReducer(initialForm(view), { type: 'incidentJql', value: 'labels = outage' });
    await actions.save(form);
    expect(calls[0]).toMatchObject({
      key: 'settings/save',
      payload: { version: 3, config: { incidentJql: 'labels = outage' } },
    });
    expect(dispatched.map((a) => a.type)).toEqual(['saveStarted', 'saved']);
  });

  it('a refused save reaches the reducer with the backend’s error', async () => {
    const { dispatched, actions } = fake(() => {
      throw new ResolverFailure({ code: 'CONFLICT', message: 'changed', retryable: false });
    });
    await actions.save(initialForm(settingsView()));
    expect(dispatched[1]).toEqual({
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'changed', retryable: false },
    });
  });

  it('tests the saved rules when nothing changed, and the edited ones otherwise', async () => {
    const { calls, actions } = fake(() => ({}));
    const form = initialForm(settingsView());
    await actions.testRules(form, 'SHOP-1');
    const edited = formReducer(form, { type: 'moveRule', uid: form.draft.rules[1]!.uid, by: -1 });
    await actions.testRules(edited, 'SHOP-1');
    expect(calls[0]).toEqual({ key: 'settings/testRules', payload: { issueKey: 'SHOP-1' } });
    expect(calls[1]?.payload).toMatchObject({
      issueKey: 'SHOP-1',
      rules: [{ id: 'debt-labels' }, { id: 'bug-is-reliability' }],
    });
  });
});
