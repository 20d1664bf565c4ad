/**
 * Look-ups: /rest/api/3/mypermissions, project, project search, user, myself, issue link types, and creating an
 * issue link (the app links postmortem actions to incidents).
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError, forbidden } from '../http/errors';
import {
  canBrowse,
  GLOBAL_PERMISSIONS,
  hasGlobalPermission,
  hasProjectPermission,
  PERMISSION_NAMES,
  PROJECT_PERMISSIONS,
} from '../permissions';
import { issueType, projectSummary, userDetails } from '../render/common';
import type { ProjectRecord } from '../state/types';
import type { JiraContext, JiraRoute } from './context';
import { visibleIssue } from './visibility';

function permissionProject(ctx: JiraContext): ProjectRecord | undefined {
  const q = ctx.query;
  const issueRef = q.get('issueKey') ?? q.get('issueId');
  if (issueRef !== null) {
    const issue = visibleIssue(ctx, issueRef);
    return ctx.store.project(issue.projectId);
  }
  const projectRef = q.get('projectKey') ?? q.get('projectId');
  if (projectRef === null) return undefined;
  const project = ctx.store.project(projectRef);
  if (project === undefined)
    throw new JiraError(404, [`No project could be found with key '${projectRef}'.`]);
  return project;
}

function projectBean(ctx: JiraContext, project: ProjectRecord) {
  return {
    ...projectSummary(ctx.render, project),
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    description: '',
    lead: userDetails(ctx.render, ctx.store.user(project.leadAccountId)),
    issueTypes: ctx.store.state.issueTypes.map((t) => issueType(ctx.render, t)),
    assigneeType: 'UNASSIGNED',
    style: project.simplified ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {},
  };
}

const linkBody = z.object({
  type: z.object({ id: z.string().optional(), name: z.string().optional() }),
  inwardIssue: z.object({ key: z.string().optional(), id: z.string().optional() }),
  outwardIssue: z.object({ key: z.string().optional(), id: z.string().optional() }),
});

export const metaRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/mypermissions',
    handler: (ctx) => {
      // Jira requires the permissions to check (since 2019): answering all of them is too costly.
      const wanted = (ctx.query.get('permissions') ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (wanted.length === 0)
        throw new JiraError(400, ['The permissions query parameter is required.']);
      const project = permissionProject(ctx);
      const permissions: Record<string, unknown> = {};
      for (const key of wanted) {
        const isProject = PROJECT_PERMISSIONS.includes(key);
        if (!isProject && !GLOBAL_PERMISSIONS.includes(key))
          throw new JiraError(404, [`The permission key '${key}' does not exist.`]);
        const have = isProject
          ? project === undefined
            ? ctx.store.state.projects.some((p) => hasProjectPermission(ctx.caller, p, key))
            : hasProjectPermission(ctx.caller, project, key)
          : hasGlobalPermission(ctx.caller, key);
        permissions[key] = {
          id: key,
          key,
          name: PERMISSION_NAMES[key] ?? key,
          type: isProject ? 'PROJECT' : 'GLOBAL',
          description: '',
          havePermission: have,
        };
      }
      return { status: 200, body: { permissions } };
    },
  },
  {
    // searchProjects (platform.v3.json): a page of the projects the caller may see, filtered by
    // `keys` (up to 50) and `action` — `view` (default: Browse or Administer projects, or Administer
    // Jira), `browse` (Browse projects), `edit` (Administer projects or Jira), `create` (Create issues).
    method: 'GET',
    path: '/rest/api/3/project/search',
    handler: (ctx) => {
      const keys = ctx.query.getAll('keys').filter((k) => k !== '');
      if (keys.length > 50) throw new JiraError(400, ['Up to 50 project keys can be provided.']);
      const action = ctx.query.get('action') ?? 'view';
      const allowed = (project: ProjectRecord): boolean => {
        const has = (key: string) => hasProjectPermission(ctx.caller, project, key);
        const admin = hasGlobalPermission(ctx.caller, 'ADMINISTER');
        if (action === 'view') return has('BROWSE_PROJECTS') || has('ADMINISTER_PROJECTS') || admin;
        if (action === 'browse') return has('BROWSE_PROJECTS');
        if (action === 'edit') return has('ADMINISTER_PROJECTS') || admin;
        if (action === 'create') return has('CREATE_ISSUES');
        throw new JiraError(400, [`The action '${action}' is not valid.`]);
      };
      const startAt = Math.max(0, Number(ctx.query.get('startAt') ?? '0') || 0);
      const asked = Number(ctx.query.get('maxResults') ?? '50') || 50;
      const maxResults = Math.min(100, Math.max(1, asked));
      const matching = ctx.store.state.projects
        .filter((p) => keys.length === 0 || keys.includes(p.key))
        .filter(allowed)
        .sort((a, b) => a.key.localeCompare(b.key));
      const values = matching.slice(startAt, startAt + maxResults);
      return {
        status: 200,
        body: {
          self: `${ctx.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`,
          maxResults,
          startAt,
          total: matching.length,
          isLast: startAt + values.length >= matching.length,
          values: values.map((p) => ({
            ...projectSummary(ctx.render, p),
            expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
            isPrivate: false,
            properties: {},
          })),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/project/{projectIdOrKey}',
    handler: (ctx, params) => {
      const ref = params.projectIdOrKey ?? '';
      const project = ctx.store.project(ref);
      if (project === undefined || !canBrowse(ctx.caller, project))
        throw new JiraError(404, [`No project could be found with key '${ref}'.`]);
      return { status: 200, body: projectBean(ctx, project) };
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/user',
    handler: (ctx) => {
      const accountId = ctx.query.get('accountId');
      if (accountId === null)
        throw new JiraError(400, ['The accountId query parameter needs to be provided.']);
      const user = ctx.store.user(accountId);
      if (user === undefined)
        throw new JiraError(404, [
          `Specified user does not exist or you do not have required permissions`,
        ]);
      return { status: 200, body: { ...userDetails(ctx.render, user), locale: 'en_US' } };
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/myself',
    handler: (ctx) => ({
      status: 200,
      body: { ...userDetails(ctx.render, ctx.caller.user), locale: 'en_US' },
    }),
  },
  {
    method: 'GET',
    path: '/rest/api/3/issueLinkType',
    handler: (ctx) => ({
      status: 200,
      body: {
        issueLinkTypes: ctx.store.state.linkTypes.map((t) => ({
          ...t,
          self: `${ctx.baseUrl}/rest/api/3/issueLinkType/${t.id}`,
        })),
      },
    }),
  },
  {
    method: 'POST',
    path: '/rest/api/3/issueLink',
    handler: (ctx) => {
      const body = parseBody(linkBody, ctx.body);
      const type = ctx.store.state.linkTypes.find(
        (t) => t.id === body.type.id || t.name === body.type.name,
      );
      if (type === undefined)
        throw new JiraError(404, ['No issue link type with the given name or id was found.']);
      const inward = visibleIssue(ctx, body.inwardIssue.key ?? body.inwardIssue.id ?? '');
      const outward = visibleIssue(ctx, body.outwardIssue.key ?? body.outwardIssue.id ?? '');
      const project = ctx.store.project(inward.projectId);
      if (project === undefined || !hasProjectPermission(ctx.caller, project, 'LINK_ISSUES'))
        throw forbidden('You do not have permission to link issues.');
      ctx.store.state.links.push({
        id: String(ctx.store.nextCounter('link')),
        typeId: type.id,
        inwardIssueId: inward.id,
        outwardIssueId: outward.id,
      });
      return { status: 201 };
    },
  },
];
