/**
 * The board's backlog: active and future sprints, then the backlog, as Jira lays them out, with
 * Jira's own sprint buttons (Start sprint, Complete sprint: pages/sprint-dialogs.ts) and the app's
 * backlog and sprint actions when manifest.yml declares them.
 */
import type { Backlog, Card, SprintColumn } from '../backlog-data';
import { targetQuery } from '../frame-context';
import { FRAME_PREFIX } from '../frame';
import { html, type SafeHtml } from '../html';
import type { UiModule } from '../manifest';
import { dialogStyle } from '../modal-size';
import { cardRow } from './cards';
import { notBuilt } from './layout';

const dateOnly = (iso: string | undefined) => (iso === undefined ? '' : iso.slice(0, 10));
const pointsOf = (cards: Card[]) => cards.reduce((sum, c) => sum + (c.storyPoints ?? 0), 0);

function actionButtons(modules: UiModule[], query: string): SafeHtml {
  return html`${modules.map(
    (m) =>
      html`<button
        type="button"
        class="action"
        data-open-frame="${FRAME_PREFIX}${m.key}/index.html?${query}"
        data-title="${m.title}"
        data-module-key="${m.key}"
        data-dialog-style="${dialogStyle(m.viewportSize)}"
      >
        ${m.title}
      </button>`,
  )}`;
}

/**
 * Jira's button for the sprint's state: Complete sprint on an active sprint; Start sprint on the
 * first future sprint while none is active (without the parallel sprints feature a Scrum board
 * runs one sprint at a time), disabled while the sprint is empty.
 */
function lifecycleButton(sprint: SprintColumn, projectKey: string, startable: boolean): SafeHtml {
  const base = `/projects/${projectKey}/backlog`;
  if (sprint.state === 'active')
    return html`<a class="action" href="${base}?completeSprint=${sprint.id}">Complete sprint</a>`;
  if (!startable) return html``;
  if (sprint.cards.length === 0)
    return html`<button
      type="button"
      class="action"
      disabled
      title="Add issues to the sprint to start it."
    >
      Start sprint
    </button>`;
  return html`<a class="action action-primary" href="${base}?startSprint=${sprint.id}"
    >Start sprint</a
  >`;
}

function sprintSection(
  sprint: SprintColumn,
  projectKey: string,
  boardId: number,
  actions: UiModule[],
  startable: boolean,
) {
  const query = targetQuery({ projectKey, boardId, sprintId: sprint.id });
  return html`<section class="sprint" aria-label="${sprint.name}" data-sprint-id="${sprint.id}">
    <header>
      <h2>${sprint.name}</h2>
      <span class="sprint-state state-${sprint.state}">${sprint.state}</span>
      <span class="muted"
        >${
          sprint.startDate === undefined
            ? 'not started'
            : `${dateOnly(sprint.startDate)} – ${dateOnly(sprint.endDate)}`
        }
        · ${sprint.cards.length} issues · ${pointsOf(sprint.cards)} points</span
      >
      <span class="actions"
        >${lifecycleButton(sprint, projectKey, startable)} ${actionButtons(actions, query)}</span
      >
    </header>
    ${sprint.goal === undefined ? '' : html`<p class="goal">Goal: ${sprint.goal}</p>`}
    <ul class="cards">
      ${
        sprint.cards.length === 0
          ? html`<li class="empty">Plan a sprint by dragging issues here.</li>`
          : sprint.cards.map(cardRow)
      }
    </ul>
  </section>`;
}

/** What the backlog shows over its sprints: a sprint dialog, or the notice after one. */
export interface BacklogOverlay {
  notice?: SafeHtml;
  dialog?: SafeHtml;
}

/** The sprint that gets Start sprint: the first future one, when no sprint is active. */
export function startableSprintId(sprints: SprintColumn[]): number | undefined {
  if (sprints.some((s) => s.state === 'active')) return undefined;
  return sprints.find((s) => s.state === 'future')?.id;
}

export function backlogBody(
  data: Backlog,
  projectKey: string,
  sprintActions: UiModule[],
  backlogActions: UiModule[],
  overlay: BacklogOverlay = {},
): SafeHtml {
  const startable = startableSprintId(data.sprints);
  const backlogQuery = targetQuery({ projectKey, boardId: data.boardId });
  const missing =
    sprintActions.length === 0 && backlogActions.length === 0
      ? notBuilt('Ballast sprint planning (backlog and sprint actions)')
      : '';
  return html`<div class="breadcrumbs">Projects / ${projectKey} / ${data.boardName}</div>
    <h1>Backlog</h1>
    ${overlay.notice ?? ''} ${missing}
    ${data.sprints.map((s) =>
      sprintSection(s, projectKey, data.boardId, sprintActions, s.id === startable),
    )}
    <section class="sprint backlog" aria-label="Backlog">
      <header>
        <h2>Backlog</h2>
        <span class="muted">${data.backlog.length} issues · ${pointsOf(data.backlog)} points</span>
        <span class="actions">${actionButtons(backlogActions, backlogQuery)}</span>
      </header>
      <ul class="cards">
        ${data.backlog.map(cardRow)}
      </ul>
    </section>
    ${overlay.dialog ?? ''}`;
}
