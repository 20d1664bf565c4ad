/**
 * Project settings → Workflow: the project's workflow as Jira's workflow view shows it — each
 * transition with the statuses it leads from and to — and which of the app's workflow validators
 * run on it. A Jira administrator ticks or unticks the app's validators per transition and saves
 * (a plain form, so it works without JavaScript); everyone else who can browse the project sees
 * the same table read-only, as Jira lets anyone open "View workflow" from an issue's status
 * (https://support.atlassian.com/jira-cloud-administration/docs/create-workflow-transitions/).
 */
import { html, type SafeHtml } from '../html';
import type { WorkflowValidatorModule } from '../manifest';
import type { TransitionView, WorkflowView } from '../workflow-editor';

export interface WorkflowPageInput {
  view: WorkflowView;
  validators: WorkflowValidatorModule[];
  canEdit: boolean;
  userName: string;
  /** The transition whose validators were just saved (after the redirect), if any. */
  savedTransitionId?: string | undefined;
}

const statusLozenge = (s: { name: string; category: string }) =>
  html`<span class="status status-${s.category}">${s.name}</span>`;

const fromCell = (t: TransitionView): SafeHtml =>
  t.from.length === 0
    ? html`<span class="workflow-any">Any status</span>`
    : html`${t.from.map((s, i) => html`${i > 0 ? ', ' : ''}${statusLozenge(s)}`)}`;

function validatorsCell(input: WorkflowPageInput, t: TransitionView): SafeHtml {
  const ours = input.validators.filter((v) => t.validators.includes(v.key));
  if (!input.canEdit)
    return ours.length === 0
      ? html`<span class="workflow-none">None</span>`
      : html`<ul class="workflow-validators">
          ${ours.map((v) => html`<li>${v.name}</li>`)}
        </ul>`;
  const action = `/__shell/projects/${input.view.project.key}/workflow/transitions/${t.id}/validators`;
  return html`<form method="post" action="${action}" class="workflow-form">
    <fieldset>
      <legend class="visually-hidden">Validators on ${t.name}</legend>
      ${input.validators.map(
        (v) =>
          html`<label class="workflow-check" title="${v.description}">
            <input
              type="checkbox"
              name="validator"
              value="${v.key}"
              ${t.validators.includes(v.key) ? html`checked` : ''}
            />
            ${v.name}
          </label>`,
      )}
    </fieldset>
    <button type="submit" class="action" aria-label="Save validators on ${t.name}">Save</button>
  </form>`;
}

export function workflowBody(input: WorkflowPageInput): SafeHtml {
  const { view } = input;
  const saved = view.workflow.transitions.find((t) => t.id === input.savedTransitionId);
  const notes: SafeHtml[] = [];
  if (!view.project.companyManaged)
    notes.push(
      html`<p class="workflow-note" role="note">
        ${view.project.key} is team-managed: Jira runs no workflow validators there.
      </p>`,
    );
  if (!input.canEdit)
    notes.push(
      html`<p class="workflow-note" role="note">
        Read only: ${input.userName} is not a Jira administrator. Only Jira administrators add or
        remove validators.
      </p>`,
    );
  if (saved !== undefined)
    notes.push(
      html`<p class="workflow-note workflow-saved" role="status">
        Saved the validators on ${saved.name}.
      </p>`,
    );
  return html`<div class="breadcrumbs">
      Projects / ${view.project.key} / Project settings / Workflow
    </div>
    <h1>Workflow: ${view.workflow.name}</h1>
    <p class="workflow-intro">
      An issue moves only along these transitions, from the status it is in. A validator runs only
      on the transitions it is added to; the first that refuses stops the move.
    </p>
    ${notes}
    <table class="workflow-table">
      <caption class="visually-hidden">
        Transitions of ${view.workflow.name}
      </caption>
      <thead>
        <tr>
          <th scope="col">Transition</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Validators</th>
        </tr>
      </thead>
      <tbody>
        ${view.workflow.transitions.map(
          (t) =>
            html`<tr data-transition-id="${t.id}">
              <th scope="row">${t.name} <small class="workflow-id">(${t.id})</small></th>
              <td>${fromCell(t)}</td>
              <td>${statusLozenge(t.to)}</td>
              <td>${validatorsCell(input, t)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
