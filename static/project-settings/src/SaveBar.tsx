import type { FormState } from './form-state';

/**
 * Save and its outcome, under every section of the configuration: the backend's refusal is shown
 * as it was worded (it names the field), and a conflict offers to reload.
 */
export function SaveBar({
  form,
  dirty,
  readOnly,
  onSave,
  onDiscard,
  onReload,
}: {
  form: FormState;
  dirty: boolean;
  readOnly: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onReload: () => void;
}) {
  const { outcome } = form;
  return (
    <div className="save-area">
      <div aria-live="polite">
        {outcome?.kind === 'saved' && (
          <p className="message message-success message-inline" role="status">
            Saved. Ballast uses these settings from now on (version {outcome.version}).
          </p>
        )}
      </div>
      {outcome?.kind === 'conflict' && (
        <div className="message message-warning" role="alert">
          <p className="message-title">Someone else saved these settings meanwhile</p>
          <p>
            Your changes were not saved, so theirs are kept. Reload to see their change, then make
            yours again.
          </p>
          <button type="button" className="button" onClick={onReload}>
            Reload settings
          </button>
        </div>
      )}
      {outcome?.kind === 'invalid' && (
        <div className="message message-error" role="alert">
          <p className="message-title">Not saved: fix the field named below</p>
          <p className="backend-message">{outcome.message}</p>
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <div className="message message-error" role="alert">
          <p className="message-title">Not saved</p>
          <p>{outcome.error.message}</p>
          {outcome.error.code === 'FORBIDDEN' && (
            <p>Only project administrators can change these settings.</p>
          )}
        </div>
      )}
      {!readOnly && (
        <div className="save-bar">
          <span className="subtle">
            {dirty ? 'You have unsaved changes.' : 'No unsaved changes.'}
          </span>
          <button
            type="button"
            className="button button-subtle"
            onClick={onDiscard}
            disabled={!dirty || form.saving}
          >
            Discard changes
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={onSave}
            disabled={form.saving}
            aria-busy={form.saving}
          >
            {form.saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </div>
  );
}
