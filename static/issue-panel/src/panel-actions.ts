/**
 * What the panel's controls do: call the resolver and tell the reducer how it went. `call` is passed
 * in (the typed wrapper of static/shared/invoke.ts in the app, a fake in tests).
 */
import type { ResolverKey, RequestOf, ResponseOf } from '../../../src/contract/resolvers';
import { asResolverError } from '../../shared/format';
import type { WorkType } from '../../shared/work-type';
import type { PanelAction } from './panel-state';

export type Call = <K extends ResolverKey>(key: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;
export type Dispatch = (action: PanelAction) => void;

export interface PanelActions {
  readonly tick: (itemId: string, done: boolean) => Promise<void>;
  readonly setWorkType: (workType: WorkType | null) => Promise<void>;
}

/** `onChanged` runs after each saved change (the app tells the page's other Ballast frames). */
export function panelActions(
  call: Call,
  dispatch: Dispatch,
  issueKey: string,
  onChanged: () => void = () => {},
): PanelActions {
  return {
    async tick(itemId, done) {
      dispatch({ type: 'tickStarted', itemId, done });
      try {
        const view = await call('issue/tickDodItem', { issueKey, itemId, done });
        dispatch({ type: 'tickSucceeded', itemId, view });
        onChanged();
      } catch (thrown) {
        dispatch({ type: 'tickFailed', itemId, error: asResolverError(thrown) });
      }
    },
    async setWorkType(workType) {
      dispatch({ type: 'typeStarted' });
      try {
        const view = await call('issue/setWorkType', { issueKey, workType });
        dispatch({ type: 'typeSucceeded', view });
        onChanged();
      } catch (thrown) {
        dispatch({ type: 'typeFailed', error: asResolverError(thrown) });
      }
    },
  };
}
