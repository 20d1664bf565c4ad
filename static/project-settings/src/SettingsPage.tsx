import { useMemo, useReducer, useState } from 'react';
import type { SettingsView } from '../../../src/contract/settings';
import { AuditSection } from './AuditSection';
import { CapacitySection } from './CapacitySection';
import { DataSection } from './DataSection';
import { DodSection } from './DodSection';
import { isDirty } from './draft';
import { formReducer, initialForm, type FormAction, type FormState } from './form-state';
import {
  ErrorBudgetSection,
  IncidentsSection,
  LinkedSlosField,
  TeamManagedSection,
} from './OtherSections';
import { NotifySection } from './NotifySection';
import { PushSection } from './PushSection';
import { RuleTest, RulesSection } from './RulesSection';
import { SaveBar } from './SaveBar';
import { SECTIONS, sectionOfProblem, visibleSections, type SectionId } from './sections';
import { settingsActions, type Call, type SettingsActions } from './settings-actions';
import { SlosSection } from './SlosSection';
import { useLicence } from '../../shared/licence';

export function SettingsPage({
  initial,
  call,
  initialSection = 'capacity',
}: {
  initial: SettingsView;
  call: Call;
  initialSection?: SectionId;
}) {
  const [form, dispatch] = useReducer(formReducer, initial, initialForm);
  const actions = useMemo(() => settingsActions(call, dispatch), [call]);
  const [section, setSection] = useState<SectionId>(initialSection);
  return (
    <SettingsLayout
      form={form}
      dispatch={dispatch}
      actions={actions}
      call={call}
      section={section}
      onSection={setSection}
    />
  );
}

/** The page as a function of its state (rendered in Node by the component tests). */
export function SettingsLayout({
  form,
  dispatch,
  actions,
  call,
  section,
  onSection,
}: {
  form: FormState;
  dispatch: (action: FormAction) => void;
  actions: SettingsActions;
  call: Call;
  section: SectionId;
  onSection: (id: SectionId) => void;
}) {
  const { view } = form;
  // Read-only for a member, and for everyone while the licence is inactive (the banner says why).
  const { readOnly: licenceReadOnly } = useLicence();
  const readOnly = !view.canEdit || licenceReadOnly;
  const dirty = isDirty(form.draft, view.config);
  const problemSection =
    form.outcome?.kind === 'invalid' ? sectionOfProblem(form.outcome.message) : null;
  const sections = visibleSections(!readOnly);
  const current = sections.find((s) => s.id === section) ?? SECTIONS[0];
  return (
    <main className="settings">
      <header className="settings-header">
        <h1 className="settings-title">Ballast settings</h1>
        <p className="subtle">
          Project {view.projectKey} · configuration version {view.version}
          {view.version === 0 ? ' (defaults, never saved)' : ''}
        </p>
      </header>
      {!view.canEdit && (
        <div className="message message-info" role="note" aria-label="Read-only">
          <p className="message-title">You can read these settings, but not change them</p>
          <p>
            Only project administrators of {view.projectKey} can edit Ballast’s settings. Ask one of
            them (Project settings → People lists who has the Administrator role) to make a change,
            or to give you that role.
          </p>
        </div>
      )}
      {view.problems.length > 0 && (
        <div className="message message-warning" role="status">
          <p className="message-title">
            Parts of the stored configuration are invalid; their defaults are in use
          </p>
          <ul className="message-list">
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {!readOnly && <p>Fix them here and save.</p>}
        </div>
      )}
      <div className="settings-body">
        <nav className="settings-nav" aria-label="Ballast settings sections">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={s.id === current.id ? 'page' : undefined}
                  onClick={() => onSection(s.id)}
                >
                  {s.title}
                  {s.id === problemSection && (
                    <span className="nav-problem" aria-label="(has a problem)">
                      !
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="settings-section" aria-labelledby="section-title">
          <h2 id="section-title" className="section-heading">
            {current.title}
          </h2>
          {current.id === 'slos' && <SlosSection call={call} />}
          {current.form ? (
            <fieldset className="form-fieldset" disabled={readOnly || form.saving}>
              <legend className="visually-hidden">{current.title}</legend>
              {current.id === 'capacity' && (
                <CapacitySection
                  policy={form.draft.policy}
                  boardId={form.draft.boardId}
                  dispatch={dispatch}
                />
              )}
              {current.id === 'rules' && (
                <RulesSection rules={form.draft.rules} dispatch={dispatch} />
              )}
              {current.id === 'dod' && (
                <DodSection templates={form.draft.templates} dispatch={dispatch} />
              )}
              {current.id === 'dod-enforcement' && (
                <TeamManagedSection value={form.draft.teamManagedDod} dispatch={dispatch} />
              )}
              {current.id === 'incidents' && (
                <IncidentsSection
                  value={form.draft.incidentJql}
                  services={form.draft.incidentServices}
                  postmortem={form.draft.postmortem}
                  retroActionLabel={form.draft.retroActionLabel}
                  dispatch={dispatch}
                />
              )}
              {current.id === 'error-budget' && (
                <ErrorBudgetSection value={form.draft.errorBudget} dispatch={dispatch} />
              )}
              {current.id === 'slos' && (
                <LinkedSlosField value={form.draft.sloIds} dispatch={dispatch} />
              )}
            </fieldset>
          ) : (
            <>
              {current.id === 'push' && <PushSection call={call} projectKey={view.projectKey} />}
              {current.id === 'notify' && <NotifySection call={call} />}
              {current.id === 'audit' && <AuditSection call={call} />}
              {current.id === 'data' && <DataSection call={call} />}
            </>
          )}
          {current.id === 'rules' && <RuleTest form={form} actions={actions} />}
          {current.form && (
            <SaveBar
              form={form}
              dirty={dirty}
              readOnly={readOnly}
              onSave={() => void actions.save(form)}
              onDiscard={() => dispatch({ type: 'discard' })}
              onReload={() => void actions.reload()}
            />
          )}
        </section>
      </div>
    </main>
  );
}
