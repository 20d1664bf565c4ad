/**
 * The issue view: summary, description and fields read from Jira as the user, the Ballast work
 * type and DoD summary from the issue's property, and the app's issue panel and issue context
 * modules framed where Jira puts them.
 */
import { BALLAST_PROPERTY_KEY } from '../../jira';
import { cardOf, STORY_POINTS_FIELD } from '../backlog-data';
import { FRAME_PREFIX } from '../frame';
import { targetQuery } from '../frame-context';
import { html, type SafeHtml } from '../html';
import type { JiraClient } from '../jira-client';
import type { UiModule } from '../manifest';
import { dodBadge, workTypeTag } from './cards';
import { frameElement, notBuilt } from './layout';
import { statusControl, type TransitionChoice } from './status-control';

const SPRINT_FIELD = 'customfield_10020';
const FIELDS = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'description',
  'parent',
  STORY_POINTS_FIELD,
  SPRINT_FIELD,
];

interface IssueBean {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

/** The text of an Atlassian Document Format document, paragraph by paragraph. */
export function adfParagraphs(doc: unknown): string[] {
  const text = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const n = node as { text?: unknown; content?: unknown };
    if (typeof n.text === 'string') return n.text;
    return Array.isArray(n.content) ? n.content.map(text).join('') : '';
  };
  const content = (doc as { content?: unknown } | null)?.content;
  return Array.isArray(content) ? content.map(text).filter((t) => t.trim() !== '') : [];
}

/** A user's or priority's name as Jira renders it (displayName for users, name otherwise). */
const display = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) return '';
  const named = value as { displayName?: unknown; name?: unknown };
  const name = named.displayName ?? named.name;
  return typeof name === 'string' ? name : '';
};

export async function loadIssue(jira: JiraClient, key: string): Promise<IssueBean> {
  return jira.get<IssueBean>(
    `/rest/api/3/issue/${encodeURIComponent(key)}?fields=${FIELDS.join(',')}&properties=${BALLAST_PROPERTY_KEY}`,
  );
}

function framed(modules: UiModule[], query: string, missing: string): SafeHtml {
  if (modules.length === 0) return notBuilt(missing);
  return html`${modules.map(
    (m) =>
      html`<section class="module" aria-label="${m.title}">
        <h3><span class="app-icon" aria-hidden="true">⚓</span> ${m.title}</h3>
        ${frameElement(`${FRAME_PREFIX}${m.key}/index.html?${query}`, m.title, m.key)}
      </section>`,
  )}`;
}

export interface IssueStatusInput {
  /** The transitions Jira lists for the user; undefined when it would not list them. */
  transitions: TransitionChoice[] | undefined;
  /** Jira's refusal of a transition posted without JavaScript, shown under the control. */
  transitionError?: string | undefined;
  /** The issue's comments section (pages/comments.ts), under the app's panels as in Jira. */
  comments?: SafeHtml;
}

export function issueBody(
  issue: IssueBean,
  projectKey: string,
  panels: UiModule[],
  contexts: UiModule[],
  status: IssueStatusInput = { transitions: undefined },
): SafeHtml {
  const f = issue.fields;
  const card = cardOf(issue, issue.properties?.[BALLAST_PROPERTY_KEY]);
  const sprints = Array.isArray(f[SPRINT_FIELD]) ? (f[SPRINT_FIELD] as { name?: string }[]) : [];
  const labels = Array.isArray(f.labels) ? (f.labels as string[]) : [];
  const parent = f.parent as { key?: string } | undefined;
  const query = targetQuery({ projectKey, issueKey: issue.key });
  const row = (label: string, value: SafeHtml | string) =>
    html`<div class="field">
      <dt>${label}</dt>
      <dd>${value === '' ? 'None' : value}</dd>
    </div>`;
  return html`<div class="breadcrumbs">
      Projects / ${projectKey} /
      ${parent?.key === undefined ? '' : html`<a href="/browse/${parent.key}">${parent.key}</a> /`}
      ${issue.key}
    </div>
    <div class="issue">
      <div class="issue-main">
        <h1 data-testid="issue-summary">${card.summary}</h1>
        <h3>Description</h3>
        <div class="description">${adfParagraphs(f.description).map((p) => html`<p>${p}</p>`)}</div>
        ${framed(panels, query, 'Ballast issue panel')} ${status.comments ?? ''}
      </div>
      <aside class="issue-side">
        ${statusControl({
          issueKey: issue.key,
          status: card.status,
          statusCategory: card.statusCategory,
          choices: status.transitions,
          error: status.transitionError,
        })}
        <dl class="fields">
          ${row('Work type', card.type)} ${row('Priority', display(f.priority))}
          ${row('Assignee', display(f.assignee) || 'Unassigned')}
          ${row('Reporter', display(f.reporter))}
          ${row('Story points', card.storyPoints === undefined ? '' : String(card.storyPoints))}
          ${row('Sprint', sprints.map((s) => s.name ?? '').join(', '))}
          ${row('Labels', labels.join(', '))}
          ${row('Ballast category (property)', workTypeTag(card.workType))}
          ${row('DoD (property)', dodBadge(card.dod))}
        </dl>
        ${framed(contexts, query, 'Ballast issue context')}
      </aside>
    </div>`;
}
