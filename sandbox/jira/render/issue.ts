/**
 * An issue as GET /rest/api/3/issue and /search/jql return it (IssueBean), with Jira's `fields`
 * selection: a list of field ids, `*all`, `*navigable`, and `-field` to leave one out.
 */
import { NON_NAVIGABLE, RANK_FIELD, SPRINT_FIELD } from '../state/catalog';
import type { IssueRecord } from '../state/types';
import {
  changelogEntry,
  childrenOf,
  linksOfIssue,
  issueType,
  jiraTime,
  priority,
  projectSummary,
  sprintFieldValue,
  status,
  userDetails,
  type RenderContext,
} from './common';

export interface RenderOptions {
  /** Field ids to include; computed by selectFields. */
  fields: ReadonlySet<string>;
  /** Property keys to include, or '*all'. */
  properties: readonly string[];
  expand: readonly string[];
}

/** Resolves Jira's `fields` parameter against the site's fields. */
export function selectFields(
  ctx: RenderContext,
  requested: readonly string[],
  fallback: readonly string[],
): Set<string> {
  const list = requested.length === 0 ? fallback : requested;
  const all = ctx.store.state.fields;
  const selected = new Set<string>();
  for (const entry of list
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter((f) => f !== '')) {
    if (entry === '*all') all.forEach((f) => selected.add(f.id));
    else if (entry === '*navigable')
      all.filter((f) => !NON_NAVIGABLE.has(f.id)).forEach((f) => selected.add(f.id));
    else if (entry.startsWith('-')) selected.delete(entry.slice(1));
    else if (entry !== 'id' && entry !== 'key') {
      const field =
        ctx.store.field(entry) ?? all.find((f) => f.name.toLowerCase() === entry.toLowerCase());
      // Jira ignores unknown field ids in `fields` rather than failing the request.
      if (field !== undefined) selected.add(field.id);
    }
  }
  return selected;
}

function issueRef(ctx: RenderContext, issue: IssueRecord): Record<string, unknown> {
  const { store } = ctx;
  const fields: Record<string, unknown> = { summary: issue.summary };
  const s = store.status(issue.statusId);
  const p = store.priority(issue.priorityId);
  const t = store.issueType(issue.issueTypeId);
  if (s !== undefined) fields.status = status(ctx, s);
  if (p !== undefined) fields.priority = priority(ctx, p);
  if (t !== undefined) fields.issuetype = issueType(ctx, t);
  return {
    id: issue.id,
    key: issue.key,
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}`,
    fields,
  };
}

function linksOf(ctx: RenderContext, issue: IssueRecord): Record<string, unknown>[] {
  const { store } = ctx;
  const out: Record<string, unknown>[] = [];
  for (const link of linksOfIssue(ctx, issue.id)) {
    const type = store.state.linkTypes.find((t) => t.id === link.typeId);
    if (type === undefined) continue;
    // On the outward issue's side Jira shows the other end as `inwardIssue`, and vice versa.
    const otherId = link.outwardIssueId === issue.id ? link.inwardIssueId : link.outwardIssueId;
    const other = store.issue(otherId);
    if (other === undefined) continue;
    out.push({
      id: link.id,
      self: `${ctx.baseUrl}/rest/api/3/issueLink/${link.id}`,
      type: { ...type, self: `${ctx.baseUrl}/rest/api/3/issueLinkType/${type.id}` },
      [link.outwardIssueId === issue.id ? 'inwardIssue' : 'outwardIssue']: issueRef(ctx, other),
    });
  }
  return out;
}

function fieldValue(ctx: RenderContext, issue: IssueRecord, id: string): unknown {
  const { store } = ctx;
  switch (id) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description;
    case 'status': {
      const s = store.status(issue.statusId);
      return s === undefined ? null : status(ctx, s);
    }
    case 'issuetype': {
      const t = store.issueType(issue.issueTypeId);
      return t === undefined ? null : issueType(ctx, t);
    }
    case 'priority': {
      const p = store.priority(issue.priorityId);
      return p === undefined ? null : priority(ctx, p);
    }
    case 'labels':
      return issue.labels;
    case 'assignee':
      return issue.assigneeAccountId === null
        ? null
        : userDetails(ctx, store.user(issue.assigneeAccountId));
    case 'reporter':
      return userDetails(ctx, store.user(issue.reporterAccountId));
    case 'created':
      return jiraTime(issue.created);
    case 'updated':
      return jiraTime(issue.updated);
    case 'resolutiondate':
      return issue.resolutiondate === null ? null : jiraTime(issue.resolutiondate);
    case 'resolution':
      return issue.resolutiondate === null
        ? null
        : {
            self: `${ctx.baseUrl}/rest/api/3/resolution/10000`,
            id: '10000',
            description: 'Work has been completed on this issue.',
            name: 'Done',
          };
    case 'parent': {
      const parent = issue.parentId === null ? undefined : store.issue(issue.parentId);
      return parent === undefined ? undefined : issueRef(ctx, parent);
    }
    case 'project': {
      const project = store.project(issue.projectId);
      return project === undefined ? null : projectSummary(ctx, project);
    }
    case 'issuelinks':
      return linksOf(ctx, issue);
    case 'subtasks':
      return childrenOf(ctx, issue.id)
        .filter((c) => store.issueType(c.issueTypeId)?.subtask === true)
        .map((c) => issueRef(ctx, c));
    case 'comment':
      return {
        comments: issue.comments.map((c) => ({
          id: c.id,
          author: userDetails(ctx, store.user(c.authorAccountId)),
          body: c.body,
          created: jiraTime(c.created),
          updated: jiraTime(c.updated),
        })),
        maxResults: issue.comments.length,
        total: issue.comments.length,
        startAt: 0,
      };
    case SPRINT_FIELD: {
      const sprints = issue.sprintIds
        .map((sid) => store.sprint(sid))
        .filter((s) => s !== undefined);
      return sprints.length === 0 ? null : sprints.map(sprintFieldValue);
    }
    case RANK_FIELD:
      return issue.rank;
    default:
      return issue.custom[id] ?? null;
  }
}

export function renderIssue(
  ctx: RenderContext,
  issue: IssueRecord,
  options: RenderOptions,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const id of options.fields) {
    const value = fieldValue(ctx, issue, id);
    if (value !== undefined) fields[id] = value;
  }
  const bean: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
  if (options.properties.length > 0) {
    const keys = options.properties.includes('*all')
      ? Object.keys(issue.properties)
      : options.properties;
    bean.properties = Object.fromEntries(
      keys.filter((k) => k in issue.properties).map((k) => [k, issue.properties[k]]),
    );
  }
  if (options.expand.includes('changelog')) {
    const histories = issue.changelog.map((entry) => changelogEntry(ctx, entry));
    bean.changelog = {
      startAt: 0,
      maxResults: histories.length,
      total: histories.length,
      histories,
    };
  }
  if (options.expand.includes('names')) {
    bean.names = Object.fromEntries(
      [...options.fields].map((id) => [id, ctx.store.field(id)?.name ?? id]),
    );
  }
  return bean;
}
