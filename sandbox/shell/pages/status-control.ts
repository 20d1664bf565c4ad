/**
 * The issue's status control, as in Jira's issue view: a button showing the status that opens a
 * menu of the transitions Jira offers the selected user (GET …/transitions as them), and performs
 * the chosen one (POST …/transitions, through the shell's `/__shell/issue/<key>/transitions`).
 * When Jira refuses — a workflow validator such as the app's "Ballast Definition of Done" — its
 * message is shown under the control and the status stays. shell.js runs the menu (keyboard
 * included) and sends the request; without JavaScript a plain select and button do the same.
 */
import { z } from 'zod';
import { html, type SafeHtml } from '../html';
import { HttpError } from '../http-util';
import { JiraCallError, type JiraClient } from '../jira-client';

export interface TransitionChoice {
  id: string;
  /** The transition's name ("Done"), what Jira's menu shows. */
  name: string;
  /** The status it leads to, and that status's category (new, indeterminate, done). */
  toStatus: string;
  toCategory: string;
}

const transitionList = z.object({
  transitions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isAvailable: z.boolean().optional(),
      to: z.object({
        name: z.string(),
        statusCategory: z.object({ key: z.string() }).optional(),
      }),
    }),
  ),
});

/** The menu's entries from Jira's answer: the available transitions, in Jira's order. */
export function transitionChoices(body: unknown): TransitionChoice[] {
  const parsed = transitionList.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.transitions
    .filter((t) => t.isAvailable !== false)
    .map((t) => ({
      id: t.id,
      name: t.name,
      toStatus: t.to.name,
      toCategory: t.to.statusCategory?.key ?? 'new',
    }));
}

const transitionsPath = (issueKey: string) =>
  `/rest/api/3/issue/${encodeURIComponent(issueKey)}/transitions`;

/**
 * The transitions the user may choose, or undefined when Jira would not list them (the page then
 * shows the status without a menu, as Jira does for someone who cannot move the issue) or did
 * not answer after the client's retries: the rest of the issue page still shows.
 */
export async function loadTransitions(
  jira: JiraClient,
  issueKey: string,
): Promise<TransitionChoice[] | undefined> {
  try {
    return transitionChoices(await jira.get<unknown>(transitionsPath(issueKey)));
  } catch (error) {
    if (error instanceof JiraCallError) return undefined;
    throw error;
  }
}

export type TransitionOutcome = { ok: true } | { ok: false; status: number; message: string };

/** Performs a transition as the user; Jira's refusal (status and message) is an outcome, not a throw. */
export async function performTransition(
  jira: JiraClient,
  issueKey: string,
  transitionId: string,
): Promise<TransitionOutcome> {
  try {
    await jira.post(transitionsPath(issueKey), { transition: { id: transitionId } });
    return { ok: true };
  } catch (error) {
    if (error instanceof JiraCallError)
      return { ok: false, status: error.status, message: error.message };
    throw error;
  }
}

/**
 * The body of a transition request: JSON `{ "transitionId": "41" }` from shell.js, or the form
 * `transitionId=41` posted without JavaScript (`form: true`: answer with a page, not JSON).
 */
export function parseTransitionRequest(
  contentType: string | undefined,
  text: string,
): { transitionId: string; form: boolean } {
  const form = (contentType ?? '').startsWith('application/x-www-form-urlencoded');
  let value: unknown;
  if (form) value = new URLSearchParams(text).get('transitionId');
  else {
    try {
      value = (JSON.parse(text) as { transitionId?: unknown } | null)?.transitionId;
    } catch {
      throw new HttpError(400, 'The request body is not valid JSON.');
    }
  }
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw new HttpError(400, 'Choose a transition: transitionId is missing or not an id.');
  return { transitionId: value, form };
}

export interface StatusControlInput {
  issueKey: string;
  status: string;
  statusCategory: string;
  /** undefined: Jira did not list transitions for this user (no menu). */
  choices: TransitionChoice[] | undefined;
  /** Jira's refusal of the last transition (the page rendered without JavaScript). */
  error?: string | undefined;
}

/** The error under the control; shell.js builds the same markup for a refusal it receives. */
export function transitionError(issueKey: string, message: string): SafeHtml {
  return html`<div class="section-message section-message-error" role="alert">
    <span class="section-message-icon" aria-hidden="true">!</span>
    <div class="section-message-body">
      <strong>${issueKey} was not moved</strong>
      <p class="transition-error-text">${message}</p>
    </div>
    <button type="button" class="action action-subtle" data-dismiss-message>Dismiss</button>
  </div>`;
}

export function statusControl(input: StatusControlInput): SafeHtml {
  const lozenge = html`<span class="status status-${input.statusCategory}">${input.status}</span>`;
  const feedback = html`<div class="transition-feedback" data-transition-feedback>
    ${input.error === undefined ? '' : transitionError(input.issueKey, input.error)}
  </div>`;
  if (input.choices === undefined || input.choices.length === 0)
    return html`<div class="status-control" data-status="${input.status}">
      <span class="visually-hidden">Status: </span>${lozenge} ${feedback}
    </div>`;
  const menuId = `transitions-${input.issueKey}`;
  return html`<form
    class="status-control"
    method="post"
    action="/__shell/issue/${input.issueKey}/transitions"
    data-status-control
    data-issue-key="${input.issueKey}"
    data-status="${input.status}"
  >
    <button
      type="button"
      class="status-button status-${input.statusCategory}"
      aria-haspopup="menu"
      aria-expanded="false"
      aria-controls="${menuId}"
      data-status-button
    >
      <span class="visually-hidden">Status: </span>${input.status}<span
        class="chevron"
        aria-hidden="true"
      ></span>
    </button>
    <ul
      class="transition-menu"
      id="${menuId}"
      role="menu"
      aria-label="Move ${input.issueKey} to"
      hidden
    >
      ${input.choices.map(
        (c) =>
          html`<li role="none">
            <button
              type="submit"
              name="transitionId"
              value="${c.id}"
              role="menuitem"
              tabindex="-1"
              data-to-status="${c.toStatus}"
            >
              <span class="transition-name">${c.name}</span>
              ${
                c.name === c.toStatus
                  ? ''
                  : html`<span class="transition-arrow" aria-hidden="true">→</span>
                      <span class="status status-${c.toCategory}">${c.toStatus}</span>`
              }
            </button>
          </li>`,
      )}
    </ul>
    <noscript>
      <style>
        .status-button,
        [data-dismiss-message] {
          display: none;
        }
      </style>
      <span class="visually-hidden">Status: </span>${lozenge}
      <label
        >Move to
        <select name="transitionId">
          ${input.choices.map((c) => html`<option value="${c.id}">${c.name}</option>`)}
        </select></label
      >
      <button type="submit" class="action">Move</button>
    </noscript>
    ${feedback}
  </form>`;
}
