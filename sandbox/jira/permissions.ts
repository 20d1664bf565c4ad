/**
 * Who is calling, and what they may do. Forge's `requestJira` is either `asUser()` (Jira applies
 * that person's permissions) or `asApp()` (the app's own, broad access). The sandbox carries the
 * choice in headers (README.md): `x-sandbox-account-id: <accountId>` or `x-sandbox-as-app: true`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { JiraError } from './http/errors';
import type { JiraStore } from './state/store';
import type { ProjectRecord, ProjectRole, UserRecord } from './state/types';

export const ACCOUNT_HEADER = 'x-sandbox-account-id';
export const AS_APP_HEADER = 'x-sandbox-as-app';

export type Caller = { kind: 'user'; user: UserRecord } | { kind: 'app'; user: UserRecord };

/** Jira's project permission keys (GET /rest/api/3/permissions names them) used by the app. */
const MEMBER_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'RESOLVE_ISSUES',
  'SCHEDULE_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'LINK_ISSUES',
  'ADD_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'WORK_ON_ISSUES',
  'MANAGE_SPRINTS_PERMISSION',
] as const;
const ADMIN_ONLY_PERMISSIONS = [
  'ADMINISTER_PROJECTS',
  'DELETE_ISSUES',
  'EDIT_ALL_COMMENTS',
  'MOVE_ISSUES',
] as const;
export const PROJECT_PERMISSIONS: readonly string[] = [
  ...MEMBER_PERMISSIONS,
  ...ADMIN_ONLY_PERMISSIONS,
];
export const GLOBAL_PERMISSIONS: readonly string[] = ['ADMINISTER', 'USER_PICKER'];

const ROLE_PERMISSIONS: Record<ProjectRole, ReadonlySet<string>> = {
  Administrators: new Set(PROJECT_PERMISSIONS),
  Members: new Set(MEMBER_PERMISSIONS),
};

export function callerFrom(
  headers: IncomingHttpHeaders,
  store: JiraStore,
  appAccountId: string,
): Caller {
  if (headers[AS_APP_HEADER] === 'true') {
    const app = store.user(appAccountId);
    if (app !== undefined) return { kind: 'app', user: app };
  }
  const accountId = headers[ACCOUNT_HEADER];
  const user = typeof accountId === 'string' ? store.user(accountId) : undefined;
  if (user === undefined) {
    // Jira's answer to a request without valid credentials.
    throw new JiraError(401, [
      'You are not authenticated. Authentication required to perform this operation.',
    ]);
  }
  return { kind: 'user', user };
}

export function hasProjectPermission(
  caller: Caller,
  project: ProjectRecord,
  permission: string,
): boolean {
  if (caller.kind === 'app') return true;
  const role = project.roles[caller.user.accountId];
  return role !== undefined && ROLE_PERMISSIONS[role].has(permission);
}

export function hasGlobalPermission(caller: Caller, permission: string): boolean {
  if (caller.kind === 'app') return true;
  if (permission === 'USER_PICKER') return true;
  return permission === 'ADMINISTER' && caller.user.siteAdmin;
}

export const canBrowse = (caller: Caller, project: ProjectRecord | undefined): boolean =>
  project !== undefined && hasProjectPermission(caller, project, 'BROWSE_PROJECTS');

export const PERMISSION_NAMES: Record<string, string> = {
  BROWSE_PROJECTS: 'Browse Projects',
  CREATE_ISSUES: 'Create Issues',
  EDIT_ISSUES: 'Edit Issues',
  TRANSITION_ISSUES: 'Transition Issues',
  RESOLVE_ISSUES: 'Resolve Issues',
  SCHEDULE_ISSUES: 'Schedule Issues',
  ASSIGN_ISSUES: 'Assign Issues',
  ASSIGNABLE_USER: 'Assignable User',
  LINK_ISSUES: 'Link Issues',
  ADD_COMMENTS: 'Add Comments',
  EDIT_OWN_COMMENTS: 'Edit Own Comments',
  WORK_ON_ISSUES: 'Work On Issues',
  MANAGE_SPRINTS_PERMISSION: 'Manage sprints',
  ADMINISTER_PROJECTS: 'Administer Projects',
  DELETE_ISSUES: 'Delete Issues',
  EDIT_ALL_COMMENTS: 'Edit All Comments',
  MOVE_ISSUES: 'Move Issues',
  ADMINISTER: 'Administer Jira',
  USER_PICKER: 'Browse users and groups',
};
