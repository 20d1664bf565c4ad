/**
 * What the settings page's buttons do: call a resolver, tell the reducer how it went. `call` is
 * passed in (static/shared/invoke.ts in the app, a fake in the tests).
 */
import type { RequestOf, ResolverKey, ResponseOf } from '../../../src/contract/resolvers';
import { asResolverError } from '../../shared/format';
import { configOf, rulesOf, isDirty } from './draft';
import type { FormAction, FormState } from './form-state';

export type Call = <K extends ResolverKey>(key: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

export function settingsActions(call: Call, dispatch: (action: FormAction) => void) {
  return {
    /** Saves the whole edited configuration against the version this page read. */
    async save(state: FormState): Promise<void> {
      dispatch({ type: 'saveStarted' });
      try {
        const view = await call('settings/save', {
          config: configOf(state.draft, state.view.config),
          version: state.view.version,
        });
        dispatch({ type: 'saved', view });
      } catch (thrown) {
        dispatch({ type: 'saveFailed', error: asResolverError(thrown) });
      }
    },
    /** After a conflict: read the newest configuration (the edits here are dropped). */
    async reload(): Promise<void> {
      try {
        dispatch({ type: 'loaded', view: await call('settings/get', {}) });
      } catch (thrown) {
        dispatch({ type: 'saveFailed', error: asResolverError(thrown) });
      }
    },
    /** Tests the rules as edited here (the saved ones when nothing changed). */
    testRules(state: FormState, issueKey: string) {
      const edited = isDirty(state.draft, state.view.config);
      return call('settings/testRules', {
        issueKey,
        ...(edited ? { rules: rulesOf(state.draft.rules) } : {}),
      });
    },
  };
}

export type SettingsActions = ReturnType<typeof settingsActions>;
