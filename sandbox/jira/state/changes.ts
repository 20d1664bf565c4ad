/**
 * Changes to issues that Jira records in the changelog (status, sprint, fields) and reports as
 * `issue:updated` events, so Forge triggers see what real Jira would send them.
 */
import type { IssueRef, JiraEvents } from '../events';
import type { JiraStore } from './store';
import type { ChangeItem, IssueRecord } from './types';

export interface ChangeScope {
  store: JiraStore;
  events: JiraEvents;
  now: () => Date;
}

export function issueRef(store: JiraStore, issue: IssueRecord): IssueRef {
  return {
    id: issue.id,
    key: issue.key,
    projectId: issue.projectId,
    projectKey: store.project(issue.projectId)?.key ?? '',
  };
}

export function item(
  field: string,
  fieldId: string,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
  custom = false,
): ChangeItem {
  return { field, fieldId, fieldtype: custom ? 'custom' : 'jira', from, fromString, to, toString };
}

/** Records one changelog entry with the given items, bumps `updated` and emits `issue:updated`. */
export function recordChange(
  scope: ChangeScope,
  issue: IssueRecord,
  actorAccountId: string,
  items: ChangeItem[],
): void {
  if (items.length === 0) return;
  const created = scope.now().toISOString();
  const id = String(scope.store.nextCounter('changelog'));
  issue.changelog.push({ id, authorAccountId: actorAccountId, created, items });
  issue.updated = created;
  scope.events.emit('issue:updated', {
    issue: issueRef(scope.store, issue),
    actorAccountId,
    changelog: { id, items },
  });
}

/** Sets the status; entering a Done-category status resolves the issue, leaving one unresolves it. */
export function statusChange(
  scope: ChangeScope,
  issue: IssueRecord,
  toStatusId: string,
): ChangeItem[] {
  const { store } = scope;
  const from = store.status(issue.statusId);
  const to = store.status(toStatusId);
  if (to === undefined || from?.id === to.id) return [];
  const items = [item('status', 'status', from?.id ?? null, from?.name ?? null, to.id, to.name)];
  const wasDone = from?.category === 'done';
  const isDone = to.category === 'done';
  store.willChange(issue);
  issue.statusId = to.id;
  if (isDone && !wasDone) {
    issue.resolutiondate = scope.now().toISOString();
    items.push(item('resolution', 'resolution', null, null, '10000', 'Done'));
  } else if (!isDone && wasDone) {
    issue.resolutiondate = null;
    items.push(item('resolution', 'resolution', '10000', 'Done', null, null));
  }
  return items;
}

const sprintString = (store: JiraStore, ids: number[]): string =>
  ids.map((id) => store.sprint(id)?.name ?? String(id)).join(', ');

/**
 * Puts the issue into `sprintId` (or the backlog when null): it leaves any open sprint, keeps the
 * closed ones it was in (Jira's Sprint field remembers them) and its sub-tasks follow it.
 */
export function sprintChange(
  scope: ChangeScope,
  issue: IssueRecord,
  sprintId: number | null,
): ChangeItem[] {
  const { store } = scope;
  const before = [...issue.sprintIds];
  const kept = before.filter((id) => store.sprint(id)?.state === 'closed');
  const after = sprintId === null ? kept : [...kept.filter((id) => id !== sprintId), sprintId];
  if (before.join(',') === after.join(',')) return [];
  store.willChange(issue);
  issue.sprintIds = after;
  return [
    item(
      'Sprint',
      'customfield_10020',
      before.join(', ') || null,
      sprintString(store, before) || null,
      after.join(', ') || null,
      sprintString(store, after) || null,
      true,
    ),
  ];
}
