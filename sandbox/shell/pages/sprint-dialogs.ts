/**
 * Jira's Start sprint and Complete sprint dialogs, rendered by the server over the backlog (so
 * they work without JavaScript; shell.js adds focus handling, Escape, and the end date following
 * the duration). Each is a plain form posted to the shell's `/__shell/sprint/<id>/start|complete`,
 * which acts through Jira's Agile API as the selected user; Jira's refusal comes back in the
 * dialog with the person's input kept.
 */
import { html, type SafeHtml } from '../html';
import type { SprintTally } from '../sprint-complete';
import {
  DURATION_LABELS,
  DURATIONS,
  targetValue,
  type OpenIssuesTarget,
  type StartField,
  type StartSprintValues,
} from '../sprint-form';

export interface StartDialogInput {
  projectKey: string;
  sprint: { id: number; name: string; issueCount: number };
  values: StartSprintValues;
  errors?: Partial<Record<StartField, string>>;
  /** Jira's refusal of the last attempt. */
  jiraError?: string;
}

export interface CompleteDialogInput {
  projectKey: string;
  sprint: { id: number; name: string };
  tally: SprintTally;
  futureSprints: { id: number; name: string }[];
  target: OpenIssuesTarget;
  jiraError?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function refusal(title: string, message: string): SafeHtml {
  return html`<div class="section-message section-message-error" role="alert">
    <span class="section-message-icon" aria-hidden="true">!</span>
    <div class="section-message-body">
      <strong>${title}</strong>
      <p>${message}</p>
    </div>
  </div>`;
}

function dialogFrame(
  projectKey: string,
  action: string,
  title: string,
  body: SafeHtml,
  submit: string,
): SafeHtml {
  return html`<div class="dialog-backdrop" data-sprint-dialog>
    <section
      class="dialog sprint-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sprint-dialog-title"
    >
      <form method="post" action="${action}" novalidate>
        <header><h2 id="sprint-dialog-title">${title}</h2></header>
        <div class="dialog-body">
          <input type="hidden" name="projectKey" value="${projectKey}" />
          ${body}
        </div>
        <footer class="dialog-footer">
          <a class="action action-subtle" href="/projects/${projectKey}/backlog" data-cancel-dialog
            >Cancel</a
          >
          <button type="submit" class="action action-primary">${submit}</button>
        </footer>
      </form>
    </section>
  </div>`;
}

function field(
  id: StartField,
  label: string,
  control: (described: SafeHtml) => SafeHtml,
  error: string | undefined,
  hint?: string,
): SafeHtml {
  const describedBy = [
    error === undefined ? '' : `${id}-error`,
    hint === undefined ? '' : `${id}-hint`,
  ]
    .filter((s) => s !== '')
    .join(' ');
  const attrs = html`id="sprint-${id}" name="${id}"
  ${error === undefined ? '' : html`aria-invalid="true"`}
  ${describedBy === '' ? '' : html`aria-describedby="${describedBy}"`}`;
  return html`<div class="form-field">
    <label for="sprint-${id}">${label}</label>
    ${control(attrs)}
    ${hint === undefined ? '' : html`<p class="field-hint" id="${id}-hint">${hint}</p>`}
    ${error === undefined ? '' : html`<p class="field-error" id="${id}-error">${error}</p>`}
  </div>`;
}

export function startSprintDialog(input: StartDialogInput): SafeHtml {
  const { values, errors = {} } = input;
  const custom = values.duration === 'custom';
  const body = html`<p>
      ${plural(input.sprint.issueCount, 'issue')} will be included in this sprint.
    </p>
    ${input.jiraError === undefined ? '' : refusal('Jira did not start the sprint', input.jiraError)}
    ${field(
      'name',
      'Sprint name (required)',
      (a) => html`<input type="text" ${a} value="${values.name}" required maxlength="255" />`,
      errors.name,
    )}
    ${field(
      'duration',
      'Duration',
      (a) =>
        html`<select ${a} data-sprint-duration>
          ${DURATIONS.map(
            (d) =>
              html`<option value="${d}" ${d === values.duration ? html`selected` : ''}>
                ${DURATION_LABELS[d]}
              </option>`,
          )}
        </select>`,
      errors.duration,
    )}
    ${field(
      'startDate',
      'Start date (UTC)',
      (a) => html`<input type="datetime-local" ${a} value="${values.startDate}" required />`,
      errors.startDate,
    )}
    ${field(
      'endDate',
      'End date (UTC)',
      (a) =>
        html`<input
          type="datetime-local"
          ${a}
          value="${values.endDate}"
          ${custom ? '' : html`readonly`}
          required
        />`,
      errors.endDate,
      custom ? undefined : 'Follows the duration. Choose Custom to set it yourself.',
    )}
    ${field(
      'goal',
      'Sprint goal',
      (a) => html`<textarea ${a} rows="3">${values.goal}</textarea>`,
      errors.goal,
    )}`;
  return dialogFrame(
    input.projectKey,
    `/__shell/sprint/${input.sprint.id}/start`,
    `Start sprint: ${input.sprint.name}`,
    body,
    'Start',
  );
}

export function completeSprintDialog(input: CompleteDialogInput): SafeHtml {
  const { tally } = input;
  const chosen = targetValue(input.target);
  const option = (value: string, label: string) =>
    html`<option value="${value}" ${value === chosen ? html`selected` : ''}>${label}</option>`;
  const body = html`<p data-sprint-tally>
      This sprint contains <strong>${plural(tally.done.length, 'completed issue')}</strong> and
      <strong>${plural(tally.open.length, 'open issue')}</strong>.
    </p>
    <ul class="dialog-notes">
      <li>Completed issues are those in a Done status category.</li>
      <li>Open issues are all the others; their sub-tasks go with them.</li>
    </ul>
    ${
      tally.doneWithOpenSubtasks.length === 0
        ? ''
        : refusal(
            'Open sub-tasks',
            `${tally.doneWithOpenSubtasks.join(', ')}: done, with sub-tasks still open. Jira completes a sprint only when they are done.`,
          )
    }
    ${input.jiraError === undefined ? '' : refusal('Jira did not complete the sprint', input.jiraError)}
    ${
      tally.open.length === 0
        ? html`<input type="hidden" name="moveTo" value="backlog" />`
        : html`<div class="form-field">
            <label for="sprint-moveTo">Move open issues to</label>
            <select id="sprint-moveTo" name="moveTo">
              ${option('backlog', 'Backlog')}
              ${input.futureSprints.map((s) => option(String(s.id), s.name))}
              ${option('new', 'New sprint')}
            </select>
          </div>`
    }`;
  return dialogFrame(
    input.projectKey,
    `/__shell/sprint/${input.sprint.id}/complete`,
    `Complete ${input.sprint.name}`,
    body,
    'Complete sprint',
  );
}
