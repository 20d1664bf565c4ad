import { useCallback, useMemo, useReducer, useState } from 'react';
import type { SloListView } from '../../../src/contract/slo';
import { Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { useLicence } from '../../shared/licence';
import { SectionFailure } from './SectionFailure';
import type { Call } from './settings-actions';
import { sloActions } from './slo-actions';
import { SloDelete } from './SloDelete';
import { draftOf, emptyDraft } from './slo-draft';
import {
  closedEditor,
  sloEditorReducer,
  type SloEditor,
  type SloEditorAction,
} from './slo-editor-state';
import { SloForm } from './SloForm';
import { SloTable } from './SloTable';
import { SloYaml } from './SloYaml';

export { SloTable } from './SloTable';

/** New SLOs start in the viewer's time zone and this year (calendar windows only). */
function draftDefaults(): { timeZone: string; year: number } {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    year: new Date().getFullYear(),
  };
}

export function SlosSection({ call }: { call: Call }) {
  const load = useCallback(() => call('slo/list', {}), [call]);
  const { state, retry, refresh } = useResolver(load);
  // The list a save, delete or import answered with, shown until the next load.
  const [answer, setAnswer] = useState<SloListView | null>(null);
  const [editor, dispatch] = useReducer(sloEditorReducer, closedEditor);
  const actions = useMemo(() => sloActions(call, dispatch, setAnswer), [call]);
  if (state.status === 'loading') return <Loading what="the SLOs" shape="section" />;
  if (state.status === 'failed')
    return <SectionFailure what="the SLOs" error={state.error} onRetry={retry} />;
  const reload = () => {
    setAnswer(null);
    refresh();
  };
  return (
    <SlosView
      list={answer ?? state.data}
      editor={editor}
      dispatch={dispatch}
      actions={actions}
      call={call}
      onImported={setAnswer}
      onReload={reload}
    />
  );
}

/** The section as a function of its state (rendered in Node by the component tests). */
export function SlosView({
  list: listed,
  editor,
  dispatch,
  actions,
  call,
  onImported,
  onReload,
}: {
  list: SloListView;
  editor: SloEditor;
  dispatch: (action: SloEditorAction) => void;
  actions: ReturnType<typeof sloActions>;
  call: Call;
  onImported: (view: SloListView) => void;
  onReload: () => void;
}) {
  // An inactive licence makes the section read-only for everyone, admins included (the banner
  // says why); the YAML stays there to read and copy.
  const { readOnly: licenceReadOnly } = useLicence();
  const list = licenceReadOnly ? { ...listed, canEdit: false } : listed;
  const defaults = draftDefaults();
  const services = [...new Set(list.slos.map((s) => s.service))].sort();
  const deleting =
    editor.mode === 'delete' ? list.slos.find((s) => s.name === editor.name) : undefined;
  const busy = editor.mode !== 'closed' && editor.busy;
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        Service level objectives linked to this project’s error-budget gate (the worst state of
        these SLOs). Add or edit them one at a time here, or as an OpenSLO v1 file below; SLI data
        arrives through the Push API.
      </p>
      {!listed.canEdit && (
        <p className="subtle" role="note">
          Only project administrators can add, edit or delete SLOs; ask one of them for a change.
        </p>
      )}
      <SloTable
        list={list}
        busy={busy}
        onEdit={(slo) => {
          if (slo.definition !== null)
            dispatch({ type: 'edit', name: slo.name, draft: draftOf(slo.definition, defaults) });
        }}
        onDelete={(slo) => dispatch({ type: 'askDelete', name: slo.name })}
      />
      <div aria-live="polite">
        {editor.mode === 'closed' && editor.notice && (
          <p className="message message-success message-inline" role="status">
            {editor.notice}
          </p>
        )}
      </div>
      {list.canEdit && editor.mode === 'closed' && (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={() => dispatch({ type: 'add', draft: emptyDraft(defaults) })}
          >
            Add an SLO
          </button>
        </div>
      )}
      {editor.mode === 'edit' && (
        <SloForm
          isNew={editor.originalName === null}
          draft={editor.draft}
          busy={editor.busy}
          error={editor.error}
          services={services}
          onChange={(patch) => dispatch({ type: 'change', patch })}
          onSave={() =>
            void actions.save({
              originalName: editor.originalName,
              draft: editor.draft,
              version: list.version,
            })
          }
          onCancel={() => dispatch({ type: 'cancel' })}
          onReload={onReload}
        />
      )}
      {deleting && editor.mode === 'delete' && (
        <SloDelete
          slo={deleting}
          busy={editor.busy}
          error={editor.error}
          onDelete={() => void actions.remove({ name: deleting.name, version: list.version })}
          onCancel={() => dispatch({ type: 'cancel' })}
          onReload={() => {
            dispatch({ type: 'cancel' });
            onReload();
          }}
        />
      )}
      <SloYaml list={list} call={call} onImported={onImported} onReload={onReload} />
    </div>
  );
}
