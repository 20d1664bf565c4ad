/** JSON shapes Jira uses for users, statuses, issue types, priorities, projects and sprints. */
import { STATUS_CATEGORIES } from '../state/catalog';
import type { JiraStore } from '../state/store';
import type {
  ChangelogRecord,
  IssueLinkRecord,
  IssueRecord,
  IssueTypeRecord,
  PriorityRecord,
  ProjectRecord,
  SprintRecord,
  StatusRecord,
  UserRecord,
} from '../state/types';

export interface RenderContext {
  store: JiraStore;
  baseUrl: string;
  /**
   * Per-request indexes, built on first use: rendering sub-tasks and links by scanning every issue
   * made a page of 100 issues take over a second on the 50,000-issue seed.
   */
  children?: Map<string, IssueRecord[]>;
  links?: Map<string, IssueLinkRecord[]>;
}

export function childrenOf(ctx: RenderContext, issueId: string): IssueRecord[] {
  if (ctx.children === undefined) {
    const index = new Map<string, IssueRecord[]>();
    for (const issue of ctx.store.state.issues) {
      if (issue.parentId === null) continue;
      const list = index.get(issue.parentId) ?? [];
      list.push(issue);
      index.set(issue.parentId, list);
    }
    ctx.children = index;
  }
  return ctx.children.get(issueId) ?? [];
}

export function linksOfIssue(ctx: RenderContext, issueId: string): IssueLinkRecord[] {
  if (ctx.links === undefined) {
    const index = new Map<string, IssueLinkRecord[]>();
    for (const link of ctx.store.state.links) {
      for (const end of new Set([link.inwardIssueId, link.outwardIssueId])) {
        const list = index.get(end) ?? [];
        list.push(link);
        index.set(end, list);
      }
    }
    ctx.links = index;
  }
  return ctx.links.get(issueId) ?? [];
}

/** Jira writes times as `2025-01-31T09:00:00.000+0000`; the state keeps ISO strings in UTC. */
export const jiraTime = (iso: string): string => new Date(iso).toISOString().replace('Z', '+0000');

const avatarUrls = (base: string, kind: string, id: string): Record<string, string> => ({
  '48x48': `${base}/__sandbox/avatar/${kind}/${id}?size=48`,
  '24x24': `${base}/__sandbox/avatar/${kind}/${id}?size=24`,
  '16x16': `${base}/__sandbox/avatar/${kind}/${id}?size=16`,
  '32x32': `${base}/__sandbox/avatar/${kind}/${id}?size=32`,
});

export function userDetails(
  ctx: RenderContext,
  user: UserRecord | undefined,
): Record<string, unknown> | null {
  if (user === undefined) return null;
  return {
    self: `${ctx.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.accountType,
    emailAddress: user.emailAddress,
    avatarUrls: avatarUrls(ctx.baseUrl, 'user', user.accountId),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
  };
}

export function statusCategory(
  ctx: RenderContext,
  key: StatusRecord['category'],
): Record<string, unknown> {
  const category = STATUS_CATEGORIES[key];
  return {
    self: `${ctx.baseUrl}/rest/api/3/statuscategory/${category.id}`,
    id: category.id,
    key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function status(ctx: RenderContext, record: StatusRecord): Record<string, unknown> {
  return {
    self: `${ctx.baseUrl}/rest/api/3/status/${record.id}`,
    description: '',
    iconUrl: `${ctx.baseUrl}/__sandbox/icon/status/${record.id}`,
    name: record.name,
    id: record.id,
    statusCategory: statusCategory(ctx, record.category),
  };
}

export function issueType(ctx: RenderContext, record: IssueTypeRecord): Record<string, unknown> {
  return {
    self: `${ctx.baseUrl}/rest/api/3/issuetype/${record.id}`,
    id: record.id,
    description: '',
    iconUrl: `${ctx.baseUrl}/__sandbox/icon/issuetype/${record.id}`,
    name: record.name,
    subtask: record.subtask,
    hierarchyLevel: record.hierarchyLevel,
  };
}

export function priority(ctx: RenderContext, record: PriorityRecord): Record<string, unknown> {
  return {
    self: `${ctx.baseUrl}/rest/api/3/priority/${record.id}`,
    iconUrl: `${ctx.baseUrl}/__sandbox/icon/priority/${record.id}`,
    name: record.name,
    id: record.id,
  };
}

export function projectSummary(
  ctx: RenderContext,
  project: ProjectRecord,
): Record<string, unknown> {
  return {
    self: `${ctx.baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: project.simplified,
    avatarUrls: avatarUrls(ctx.baseUrl, 'project', project.id),
  };
}

/** A sprint as the Sprint custom field (customfield_10020) shows it on an issue. */
export function sprintFieldValue(sprint: SprintRecord): Record<string, unknown> {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
    goal: sprint.goal,
    ...(sprint.startDate === null ? {} : { startDate: sprint.startDate }),
    ...(sprint.endDate === null ? {} : { endDate: sprint.endDate }),
    ...(sprint.completeDate === null ? {} : { completeDate: sprint.completeDate }),
  };
}

/** A sprint as the Agile API shows it (SprintBean). */
export function sprintBean(ctx: RenderContext, sprint: SprintRecord): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${ctx.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate === null ? {} : { startDate: sprint.startDate }),
    ...(sprint.endDate === null ? {} : { endDate: sprint.endDate }),
    ...(sprint.completeDate === null ? {} : { completeDate: sprint.completeDate }),
    createdDate: sprint.createdDate,
    originBoardId: sprint.boardId,
    goal: sprint.goal,
  };
}

export function changelogEntry(
  ctx: RenderContext,
  entry: ChangelogRecord,
  fieldIds?: ReadonlySet<string>,
): Record<string, unknown> {
  const kept =
    fieldIds === undefined ? entry.items : entry.items.filter((item) => fieldIds.has(item.fieldId));
  // Jira sends `"from": null`, but the spec types these as plain strings: leave empty ones out.
  const items = kept.map((item) =>
    Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null)),
  );
  return {
    id: entry.id,
    author: userDetails(ctx, ctx.store.user(entry.authorAccountId)),
    created: jiraTime(entry.created),
    items,
  };
}
