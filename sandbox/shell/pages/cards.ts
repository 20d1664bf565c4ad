/** One backlog card: key, type, summary, the Ballast category tag and DoD progress, status, points. */
import type { Card } from '../backlog-data';
import { html, type SafeHtml } from '../html';

const TYPE_CLASS: Record<string, string> = {
  Story: 'story',
  Bug: 'bug',
  Task: 'task',
  Epic: 'epic',
  Incident: 'incident',
};

export function workTypeTag(workType: string | undefined): SafeHtml {
  return workType === undefined
    ? html`<span class="tag tag-unclassified" title="No Ballast category yet">unclassified</span>`
    : html`<span class="tag tag-${workType.replace(/[^a-z]/g, '')}" title="Ballast category"
        >${workType}</span
      >`;
}

export function dodBadge(dod: Card['dod']): SafeHtml {
  if (dod === undefined)
    return html`<span class="dod dod-none" title="No Definition of Done recorded">DoD —</span>`;
  if ('closedBeforeBallast' in dod)
    return html`<span
      class="dod dod-none"
      title="Done before Ballast first saw the project: no Definition of Done applies"
      >Closed before Ballast</span
    >`;
  if (dod.complete || dod.openRequired === 0)
    return html`<span class="dod dod-done" title="Definition of Done complete">DoD ✓</span>`;
  return html`<span class="dod dod-open" title="Required Definition of Done items still open"
    >DoD ${dod.openRequired} open</span
  >`;
}

export function cardRow(card: Card): SafeHtml {
  return html`<li class="card" data-issue-key="${card.key}">
    <span class="type type-${TYPE_CLASS[card.type] ?? 'other'}" title="${card.type}"
      >${card.type.slice(0, 1)}</span
    >
    <a class="key" href="/browse/${card.key}">${card.key}</a>
    <span class="summary">${card.summary}</span>
    ${workTypeTag(card.workType)} ${dodBadge(card.dod)}
    <span class="status status-${card.statusCategory}">${card.status}</span>
    <span class="points" title="Story points">${card.storyPoints ?? '-'}</span>
  </li>`;
}
