/**
 * Applies the `fields` and `update` parts of an issue edit or create body (IssueUpdateDetails) to
 * an issue record, returning the changelog items. Supports the fields the app and the shell edit:
 * summary, description, labels, priority, assignee, parent, story points and other number/string
 * custom fields. Anything else gets Jira's per-field 400.
 */
import { fieldError } from '../http/errors';
import { STORY_POINTS_FIELD } from '../state/catalog';
import { item } from '../state/changes';
import type { JiraStore } from '../state/store';
import type { ChangeItem, IssueRecord } from '../state/types';

const cannotSet = (field: string) =>
  fieldError(
    field,
    `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`,
  );

type Ref = { id?: unknown; key?: unknown; name?: unknown; accountId?: unknown };
const asRef = (value: unknown): Ref => (typeof value === 'object' && value !== null ? value : {});

function checkLabels(labels: unknown): string[] {
  if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string'))
    throw fieldError('labels', 'Labels must be a list of strings.');
  const bad = (labels as string[]).find((l) => /\s/.test(l));
  if (bad !== undefined)
    throw fieldError('labels', `The label '${bad}' contains spaces which is invalid.`);
  return labels as string[];
}

function setField(
  store: JiraStore,
  issue: IssueRecord,
  fieldId: string,
  value: unknown,
): ChangeItem[] {
  switch (fieldId) {
    case 'summary': {
      if (typeof value !== 'string' || value.trim() === '')
        throw fieldError('summary', 'You must specify a summary of the issue.');
      if (value.length > 255)
        throw fieldError('summary', 'Summary must be less than 255 characters.');
      const from = issue.summary;
      issue.summary = value;
      return from === value ? [] : [item('summary', 'summary', null, from, null, value)];
    }
    case 'description':
      issue.description = value ?? null;
      return [item('description', 'description', null, null, null, null)];
    case 'labels': {
      const labels = checkLabels(value);
      const from = issue.labels.join(' ');
      issue.labels = [...new Set(labels)];
      return from === issue.labels.join(' ')
        ? []
        : [item('labels', 'labels', null, from, null, issue.labels.join(' '))];
    }
    case 'priority': {
      const ref = asRef(value);
      const target = store.state.priorities.find((p) => p.id === ref.id || p.name === ref.name);
      if (target === undefined)
        throw fieldError('priority', 'Specify the Priority (id or name) in the correct format');
      const from = store.priority(issue.priorityId);
      issue.priorityId = target.id;
      return from?.id === target.id
        ? []
        : [
            item(
              'priority',
              'priority',
              from?.id ?? null,
              from?.name ?? null,
              target.id,
              target.name,
            ),
          ];
    }
    case 'assignee': {
      const accountId = value === null ? null : asRef(value).accountId;
      if (
        accountId !== null &&
        (typeof accountId !== 'string' || store.user(accountId) === undefined)
      ) {
        throw fieldError(
          'assignee',
          `User '${JSON.stringify(accountId)}' cannot be assigned issues.`,
        );
      }
      const from = issue.assigneeAccountId;
      issue.assigneeAccountId = accountId;
      return from === accountId
        ? []
        : [
            item(
              'assignee',
              'assignee',
              from,
              from === null ? null : (store.user(from)?.displayName ?? null),
              accountId,
              accountId === null ? null : (store.user(accountId)?.displayName ?? null),
            ),
          ];
    }
    case 'parent': {
      const ref = asRef(value);
      const parent =
        typeof ref.key === 'string'
          ? store.issue(ref.key)
          : typeof ref.id === 'string'
            ? store.issue(ref.id)
            : undefined;
      if (parent === undefined || parent.id === issue.id)
        throw fieldError('parent', 'Could not find issue by id or key.');
      const from = issue.parentId === null ? undefined : store.issue(issue.parentId);
      issue.parentId = parent.id;
      return [
        item(
          'IssueParentAssociation',
          'parent',
          from?.id ?? null,
          from?.key ?? null,
          parent.id,
          parent.key,
        ),
      ];
    }
    case 'timetracking':
      return setOriginalEstimate(issue, value);
    default:
      return setCustomField(store, issue, fieldId, value);
  }
}

/**
 * Jira's duration input ("1w 2d 3h 30m"; a bare number is in the default unit, minutes) in seconds,
 * with the default working time of 8 hours a day and 5 days a week
 * (support.atlassian.com/jira-cloud-administration/docs/configure-time-tracking/); null when it is
 * not one.
 */
export function durationSeconds(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 60);
  const unit: Record<string, number> = { w: 5 * 8 * 3600, d: 8 * 3600, h: 3600, m: 60 };
  const parts = trimmed.split(/\s+/);
  let seconds = 0;
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)([wdhm])$/.exec(part);
    if (match === null) return null;
    seconds += Number(match[1]) * unit[match[2]!]!;
  }
  return parts.length === 0 ? null : Math.round(seconds);
}

/**
 * `timetracking.originalEstimate` (TimeTrackingDetails): the original estimate, stored in seconds as
 * the issue's `timeoriginalestimate`; the changelog item is the system field's, seconds in both the
 * value and its string (test/fixtures/jira/changelog-bulkfetch.json).
 */
function setOriginalEstimate(issue: IssueRecord, value: unknown): ChangeItem[] {
  const original = asRef(value) as { originalEstimate?: unknown };
  if (original.originalEstimate === undefined) return [];
  const raw = original.originalEstimate;
  const seconds =
    raw === null || raw === '' ? null : typeof raw === 'string' ? durationSeconds(raw) : null;
  if (raw !== null && raw !== '' && seconds === null)
    throw fieldError(
      'timetracking',
      'The original estimate specified is not valid. Use a duration such as 2w 4d 6h 45m.',
    );
  const from = issue.custom.timeoriginalestimate;
  issue.custom.timeoriginalestimate = seconds;
  if (from === seconds) return [];
  const str = (v: unknown): string | null => (typeof v === 'number' ? String(v) : null);
  return [
    item(
      'timeoriginalestimate',
      'timeoriginalestimate',
      str(from),
      str(from),
      str(seconds),
      str(seconds),
    ),
  ];
}

function setCustomField(
  store: JiraStore,
  issue: IssueRecord,
  fieldId: string,
  value: unknown,
): ChangeItem[] {
  const field = store.field(fieldId);
  if (
    field === undefined ||
    !field.custom ||
    field.appOwned === true ||
    field.schema.type === 'array' ||
    field.schema.type === 'any'
  ) {
    throw cannotSet(fieldId);
  }
  if (field.schema.type === 'number' && value !== null && typeof value !== 'number') {
    throw fieldError(fieldId, `Operation value must be a number`);
  }
  if (field.schema.type === 'string' && value !== null && typeof value !== 'string') {
    throw fieldError(fieldId, `Operation value must be a string`);
  }
  const from = issue.custom[field.id];
  issue.custom[field.id] = value;
  if (from === value) return [];
  const name = field.id === STORY_POINTS_FIELD ? 'Story point estimate' : field.name;
  const str = (v: unknown): string | null =>
    v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
  return [item(name, field.id, null, str(from), null, str(value), true)];
}

type Operation = { add?: unknown; remove?: unknown; set?: unknown };

/** Applies `fields` then `update` (Jira refuses the same field in both). */
export function applyEdit(
  store: JiraStore,
  issue: IssueRecord,
  fields: Record<string, unknown>,
  update: Record<string, unknown>,
): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const [fieldId, value] of Object.entries(fields))
    items.push(...setField(store, issue, fieldId, value));
  for (const [fieldId, operations] of Object.entries(update)) {
    if (fieldId in fields)
      throw fieldError(fieldId, `Field '${fieldId}' cannot be set in both 'fields' and 'update'.`);
    if (!Array.isArray(operations)) throw fieldError(fieldId, 'Update operations must be a list.');
    for (const raw of operations as unknown[]) {
      const op = asRef(raw) as Operation;
      if (fieldId === 'labels') {
        let next = [...issue.labels];
        if (op.set !== undefined) next = checkLabels(op.set);
        if (op.add !== undefined) next = [...next, ...checkLabels([op.add])];
        if (op.remove !== undefined) next = next.filter((l) => l !== op.remove);
        items.push(...setField(store, issue, 'labels', next));
      } else if (op.set !== undefined) {
        items.push(...setField(store, issue, fieldId, op.set));
      } else {
        throw fieldError(
          fieldId,
          `The sandbox supports only 'set' updates for '${fieldId}' (and add/remove for labels).`,
        );
      }
    }
  }
  return items;
}
