/**
 * The Jira configuration every emulated site starts with: statuses and their categories (the
 * workflows are in default-workflows.ts), issue types, priorities, system and Jira Software fields, link types. Ids follow
 * Jira Cloud's usual defaults (status category 2 "To Do", 4 "In Progress", 3 "Done"; story points
 * `customfield_10016`, Sprint `customfield_10020`, Rank `customfield_10019`), so code written
 * against the sandbox does not meet surprises in a real site — but the app must still discover
 * them (e.g. the estimation field from the board configuration), never assume them.
 */
import type {
  FieldRecord,
  IssueLinkTypeRecord,
  IssueTypeRecord,
  PriorityRecord,
  StatusCategoryKey,
  StatusRecord,
} from './types';

export const STATUS_CATEGORIES: Record<
  StatusCategoryKey,
  { id: number; name: string; colorName: string }
> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

export const STATUSES: StatusRecord[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'In Review', category: 'indeterminate' },
  { id: '10002', name: 'Done', category: 'done' },
];

export const ISSUE_TYPES: IssueTypeRecord[] = [
  { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
  { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
  { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
  { id: '10003', name: 'Bug', subtask: false, hierarchyLevel: 0 },
  { id: '10004', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
  { id: '10005', name: 'Incident', subtask: false, hierarchyLevel: 0 },
];

export const PRIORITIES: PriorityRecord[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

export const STORY_POINTS_FIELD = 'customfield_10016';
export const SPRINT_FIELD = 'customfield_10020';
export const RANK_FIELD = 'customfield_10019';
export const RANK_FIELD_NUMERIC_ID = 10019;

const system = (id: string, name: string, type: string, items?: string): FieldRecord => ({
  id,
  key: id,
  name,
  custom: false,
  schema: { type, system: id, ...(items === undefined ? {} : { items }) },
  clauseNames: [id],
});

const custom = (
  id: string,
  name: string,
  type: string,
  plugin: string,
  clause: string,
  items?: string,
): FieldRecord => ({
  id,
  key: id,
  name,
  custom: true,
  schema: {
    type,
    custom: plugin,
    customId: Number(id.replace('customfield_', '')),
    ...(items === undefined ? {} : { items }),
  },
  clauseNames: [id, clause, `cf[${id.replace('customfield_', '')}]`],
});

export const SYSTEM_FIELDS: FieldRecord[] = [
  system('summary', 'Summary', 'string'),
  system('description', 'Description', 'string'),
  system('status', 'Status', 'status'),
  system('issuetype', 'Issue Type', 'issuetype'),
  system('priority', 'Priority', 'priority'),
  system('labels', 'Labels', 'array', 'string'),
  system('assignee', 'Assignee', 'user'),
  system('reporter', 'Reporter', 'user'),
  system('created', 'Created', 'datetime'),
  system('updated', 'Updated', 'datetime'),
  system('resolutiondate', 'Resolved', 'datetime'),
  system('resolution', 'Resolution', 'resolution'),
  system('parent', 'Parent', 'issuelink'),
  system('project', 'Project', 'project'),
  system('issuelinks', 'Linked Issues', 'array', 'issuelinks'),
  system('subtasks', 'Sub-tasks', 'array', 'issuelinks'),
  system('comment', 'Comment', 'comments-page'),
  // Time tracking's original estimate, in seconds (set through the edit's `timetracking`).
  system('timeoriginalestimate', 'Original Estimate', 'number'),
  custom(
    STORY_POINTS_FIELD,
    'Story point estimate',
    'number',
    'com.pyxis.greenhopper.jira:jsw-story-points',
    'Story point estimate',
  ),
  custom(SPRINT_FIELD, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', 'Sprint', 'json'),
  custom(RANK_FIELD, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank', 'Rank'),
];

/** Fields that `*navigable` leaves out (Jira omits the comment page from navigable fields). */
export const NON_NAVIGABLE = new Set(['comment']);

/**
 * The link types a new Jira Cloud site has, and only those: the postmortem convention's default
 * (Relates, README "Postmortems") must work on a site nobody configured, so the sandbox offers no
 * extra type that would hide a dependence on one.
 */
export const LINK_TYPES: IssueLinkTypeRecord[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];
