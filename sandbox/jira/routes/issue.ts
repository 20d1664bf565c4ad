/** GET, PUT /rest/api/3/issue/{issueIdOrKey} and POST /rest/api/3/issue (create). */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { fieldError, forbidden } from '../http/errors';
import { hasProjectPermission } from '../permissions';
import { renderIssue, selectFields } from '../render/issue';
import { issueRef, recordChange } from '../state/changes';
import { rankBetween } from '../state/rank';
import type { IssueRecord } from '../state/types';
import { listParam, type JiraRoute } from './context';
import { applyEdit } from './issue-edit';
import { visibleIssue } from './visibility';

const editBody = z.object({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.unknown()).optional(),
  properties: z.array(z.object({ key: z.string().min(1).max(255), value: z.unknown() })).optional(),
});

const createBody = editBody.extend({
  fields: z
    .object({
      project: z.object({ id: z.string().optional(), key: z.string().optional() }),
      issuetype: z.object({ id: z.string().optional(), name: z.string().optional() }),
      summary: z.string().min(1),
    })
    .catchall(z.unknown()),
});

export const issueRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const fields = selectFields(ctx.render, listParam(ctx.query, 'fields'), ['*all']);
      const expand = listParam(ctx.query, 'expand');
      return {
        status: 200,
        body: renderIssue(ctx.render, issue, {
          fields,
          properties: listParam(ctx.query, 'properties'),
          expand,
        }),
      };
    },
  },
  {
    method: 'PUT',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const project = ctx.store.project(issue.projectId);
      if (project === undefined || !hasProjectPermission(ctx.caller, project, 'EDIT_ISSUES')) {
        throw forbidden('You do not have permission to edit issues in this project.');
      }
      const body = parseBody(editBody, ctx.body);
      // Validate on a copy so a refused field leaves the issue untouched, as Jira does.
      const draft: IssueRecord = structuredClone(issue);
      const items = applyEdit(ctx.store, draft, body.fields ?? {}, body.update ?? {});
      ctx.store.willChange(issue);
      Object.assign(issue, draft);
      for (const property of body.properties ?? []) issue.properties[property.key] = property.value;
      recordChange(ctx, issue, ctx.caller.user.accountId, items);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/issue',
    handler: (ctx) => {
      const body = parseBody(createBody, ctx.body);
      const { project: projectRef, issuetype, summary, ...rest } = body.fields;
      const project = ctx.store.project(projectRef.id ?? projectRef.key ?? '');
      if (project === undefined || !hasProjectPermission(ctx.caller, project, 'BROWSE_PROJECTS')) {
        throw fieldError('project', 'valid project is required');
      }
      if (!hasProjectPermission(ctx.caller, project, 'CREATE_ISSUES'))
        throw forbidden('You do not have permission to create issues in this project.');
      const type = ctx.store.state.issueTypes.find(
        (t) => t.id === issuetype.id || t.name === issuetype.name,
      );
      if (type === undefined) throw fieldError('issuetype', 'Specify an issue type');
      if (type.subtask && rest.parent === undefined)
        throw fieldError('parent', 'Given parent issue does not belong to appropriate hierarchy.');
      const now = ctx.now().toISOString();
      const last = ctx.store.state.issues.reduce<string | undefined>(
        (max, i) => (max === undefined || i.rank > max ? i.rank : max),
        undefined,
      );
      const issue: IssueRecord = {
        id: String(ctx.store.nextCounter('issue')),
        key: ctx.store.nextKey(project.key),
        projectId: project.id,
        issueTypeId: type.id,
        summary,
        description: null,
        statusId: ctx.store.state.statuses.find((s) => s.category === 'new')?.id ?? '10000',
        priorityId: '3',
        labels: [],
        assigneeAccountId: null,
        reporterAccountId: ctx.caller.user.accountId,
        created: now,
        updated: now,
        resolutiondate: null,
        parentId: null,
        sprintIds: [],
        rank: rankBetween(last, undefined),
        custom: {},
        properties: {},
        changelog: [],
        comments: [],
      };
      applyEdit(ctx.store, issue, rest, body.update ?? {});
      for (const property of body.properties ?? []) issue.properties[property.key] = property.value;
      ctx.store.addIssue(issue);
      ctx.events.emit('issue:created', {
        issue: issueRef(ctx.store, issue),
        actorAccountId: ctx.caller.user.accountId,
      });
      return {
        status: 201,
        body: { id: issue.id, key: issue.key, self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}` },
      };
    },
  },
];
