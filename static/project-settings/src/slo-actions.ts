/**
 * What the SLO form's buttons do: call `slo/save` or `slo/delete` against the list's version and
 * tell the editor how it went; the answer (the new list) replaces the one shown. `call` is passed
 * in (the bridge in the app, a fake in the tests).
 */
import type { SloListView } from '../../../src/contract/slo';
import { asResolverError } from '../../shared/format';
import { definitionOf, type SloDraft } from './slo-draft';
import type { SloEditorAction } from './slo-editor-state';
import type { Call } from './settings-actions';

export function sloActions(
  call: Call,
  dispatch: (action: SloEditorAction) => void,
  show: (list: SloListView) => void,
) {
  return {
    async save(input: { originalName: string | null; draft: SloDraft; version: number }) {
      dispatch({ type: 'started' });
      try {
        const slo = definitionOf(input.draft);
        const view = await call('slo/save', {
          originalName: input.originalName,
          slo,
          version: input.version,
        });
        show(view);
        dispatch({
          type: 'done',
          notice: `${input.originalName === null ? 'Added' : 'Saved'} the SLO ${slo.name}.`,
        });
      } catch (thrown) {
        dispatch({ type: 'failed', error: asResolverError(thrown) });
      }
    },
    async remove(input: { name: string; version: number }) {
      dispatch({ type: 'started' });
      try {
        show(await call('slo/delete', input));
        dispatch({ type: 'done', notice: `Deleted the SLO ${input.name}.` });
      } catch (thrown) {
        dispatch({ type: 'failed', error: asResolverError(thrown) });
      }
    },
  };
}
