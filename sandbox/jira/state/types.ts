/**
 * The emulator's whole world as plain JSON, so it can be saved to and loaded from a file
 * (the host keeps it under the git-ignored `.sandbox-state/`). Ids are strings where Jira's REST
 * API writes them as strings (issues, projects, statuses) and numbers where it writes numbers
 * (boards, sprints).
 */

/** 2: workflows per project (directed transitions, validators per transition); 1 had global transitions. */
export const STATE_VERSION = 2;

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface UserRecord {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: 'atlassian' | 'app';
  timeZone: string;
  /** Jira administrators (global ADMINISTER permission). */
  siteAdmin: boolean;
  /** The person closed their Atlassian account (sandbox/jira/http/personal-data.ts). */
  closed?: boolean;
  /** When the person last changed their profile (reported `updated` to apps that stored it earlier). */
  profileUpdatedAt?: string;
}

export type ProjectRole = 'Administrators' | 'Members';

export interface ProjectRecord {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
  /** Company-managed ("classic"): workflow validators run only there. */
  simplified: boolean;
  /** accountId → role; users without a role cannot browse the project. */
  roles: Record<string, ProjectRole>;
  /** The workflow its issues follow (Jira assigns it through the project's workflow scheme). */
  workflowId: string;
}

export interface IssueTypeRecord {
  id: string;
  name: string;
  subtask: boolean;
  hierarchyLevel: number;
}

export interface StatusRecord {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface TransitionRecord {
  /** Unique within its workflow, as Jira's transition ids are. */
  id: string;
  name: string;
  /** The statuses it leads from; empty for a global transition (Jira's "any status"). */
  fromStatusIds: string[];
  toStatusId: string;
  /** Module keys of the app workflow validators an admin added to it, in the order they run. */
  validators: string[];
}

export interface WorkflowRecord {
  id: string;
  name: string;
  transitions: TransitionRecord[];
}

export interface PriorityRecord {
  id: string;
  name: string;
}

export interface FieldRecord {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  /** JsonTypeBean.type / items / system / custom, as GET /rest/api/3/field shows them. */
  schema: { type: string; items?: string; system?: string; custom?: string; customId?: number };
  clauseNames: string[];
  /** Set for fields an app provides (Forge jira:customField): only that app may write values. */
  appOwned?: boolean;
}

export interface ChangeItem {
  field: string;
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogRecord {
  id: string;
  authorAccountId: string;
  created: string;
  items: ChangeItem[];
}

export interface CommentRecord {
  id: string;
  authorAccountId: string;
  body: unknown;
  created: string;
  updated: string;
}

export interface IssueRecord {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  /** Atlassian Document Format, or null. */
  description: unknown;
  statusId: string;
  priorityId: string;
  labels: string[];
  assigneeAccountId: string | null;
  reporterAccountId: string;
  created: string;
  updated: string;
  resolutiondate: string | null;
  parentId: string | null;
  /** The Sprint field: every sprint the issue has been in, closed ones included (Jira keeps them). */
  sprintIds: number[];
  /** Lexorank-like, compared as strings. */
  rank: string;
  /** Other custom field values by field id (story points, app fields). */
  custom: Record<string, unknown>;
  properties: Record<string, unknown>;
  changelog: ChangelogRecord[];
  comments: CommentRecord[];
}

export interface IssueLinkTypeRecord {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface IssueLinkRecord {
  id: string;
  typeId: string;
  /** The two ends as POST /rest/api/3/issueLink names them; the inward issue shows the other end as `outwardIssue`. */
  inwardIssueId: string;
  outwardIssueId: string;
}

export type SprintState = 'future' | 'active' | 'closed';

export interface SprintRecord {
  id: number;
  name: string;
  state: SprintState;
  boardId: number;
  goal: string;
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  createdDate: string;
}

export interface BoardRecord {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectId: string;
  /** Board configuration estimation field (e.g. story points customfield_10016). */
  estimationFieldId: string;
}

export interface JiraState {
  version: typeof STATE_VERSION;
  users: UserRecord[];
  projects: ProjectRecord[];
  issueTypes: IssueTypeRecord[];
  statuses: StatusRecord[];
  workflows: WorkflowRecord[];
  priorities: PriorityRecord[];
  fields: FieldRecord[];
  linkTypes: IssueLinkTypeRecord[];
  links: IssueLinkRecord[];
  boards: BoardRecord[];
  sprints: SprintRecord[];
  issues: IssueRecord[];
  counters: {
    issue: number;
    changelog: number;
    comment: number;
    link: number;
    sprint: number;
    task: number;
  };
  /** Next number per project key for new issue keys. */
  keyCounters: Record<string, number>;
}
