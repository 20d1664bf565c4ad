/**
 * Issue entity properties (the app keeps per-issue data there, indexed for JQL through the
 * aliases of its `jira:entityProperty` module): single get/set/delete and the two bulk setters,
 * which Jira runs as async tasks answered with 303 See Other to /rest/api/3/task/{taskId}.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError, forbidden } from '../http/errors';
import { hasProjectPermission } from '../permissions';
import type { IssueRecord } from '../state/types';
import type { JiraContext, JiraRoute } from './context';
import { visibleIssue } from './visibility';

/**
 * Property values up to 32768 characters, keys up to 255 (platform.v3.json, PUT
 * /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}, setIssueProperty).
 */
export const PROPERTY_VALUE_MAX = 32_768;
const KEY_MAX = 255;

function checkKey(key: string): void {
  if (key.length === 0 || key.length > KEY_MAX)
    throw new JiraError(400, [
      `The property key must be between 1 and ${KEY_MAX} characters long.`,
    ]);
}

function checkValue(value: unknown): void {
  if (value === undefined) throw new JiraError(400, ['The property value must be valid JSON.']);
  if (JSON.stringify(value).length > PROPERTY_VALUE_MAX) {
    throw new JiraError(400, [
      `The property value is too long. The maximum allowed length is ${PROPERTY_VALUE_MAX} characters.`,
    ]);
  }
}

const canEdit = (ctx: JiraContext, issue: IssueRecord): boolean => {
  const project = ctx.store.project(issue.projectId);
  return project !== undefined && hasProjectPermission(ctx.caller, project, 'EDIT_ISSUES');
};

function editableIssue(ctx: JiraContext, idOrKey: string): IssueRecord {
  const issue = visibleIssue(ctx, idOrKey);
  if (!canEdit(ctx, issue)) throw forbidden('You do not have permission to edit this issue.');
  return issue;
}

function completedTask(ctx: JiraContext, message: string, result: unknown) {
  const id = String(ctx.store.nextCounter('task'));
  const at = ctx.now().getTime();
  ctx.store.tasks.set(id, { id, submitted: at, finished: at, message, result });
  return { status: 303, headers: { location: `${ctx.baseUrl}/rest/api/3/task/${id}` } };
}

/**
 * Up to 100 issues a request and 10 properties an issue (platform.v3.json, POST
 * /rest/api/3/issue/properties/multi, bulkSetIssuePropertiesByIssue, MultiIssueEntityProperties
 * and IssueEntityPropertiesForMultiUpdate.properties maxProperties 10).
 */
const multiBody = z.object({
  issues: z
    .array(
      z.object({
        issueID: z.number().int(),
        properties: z
          .record(z.string(), z.unknown())
          .refine((p) => Object.keys(p).length >= 1 && Object.keys(p).length <= 10, {
            message: 'Between 1 and 10 properties can be set on one issue.',
          }),
      }),
    )
    .min(1)
    .max(100),
});

const bulkSetBody = z.object({
  value: z.unknown(),
  expression: z.string().optional(),
  filter: z
    .object({
      entityIds: z.array(z.number().int()).optional(),
      currentValue: z.unknown().optional(),
      hasProperty: z.boolean().optional(),
    })
    .optional(),
});

const bulkDeleteBody = z.object({
  entityIds: z.array(z.number().int()).optional(),
  currentValue: z.unknown().optional(),
});

/** Issues a bulk property request applies to: visible, editable, matching the filter. */
function bulkTargets(
  ctx: JiraContext,
  key: string,
  filter: { entityIds?: number[]; currentValue?: unknown; hasProperty?: boolean } | undefined,
): IssueRecord[] {
  const ids = filter?.entityIds?.map(String);
  return ctx.store.state.issues.filter((issue) => {
    if (ids !== undefined && !ids.includes(issue.id)) return false;
    if (!canEdit(ctx, issue)) return false;
    if (filter?.hasProperty !== undefined && key in issue.properties !== filter.hasProperty)
      return false;
    if (
      filter?.currentValue !== undefined &&
      JSON.stringify(issue.properties[key]) !== JSON.stringify(filter.currentValue)
    )
      return false;
    return true;
  });
}

export const propertyRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const keys = Object.keys(issue.properties).map((key) => ({
        key,
        self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
      }));
      return { status: 200, body: { keys } };
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const key = params.propertyKey ?? '';
      if (!(key in issue.properties))
        throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
      return { status: 200, body: { key, value: issue.properties[key] } };
    },
  },
  {
    method: 'PUT',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (ctx, params) => {
      const issue = editableIssue(ctx, params.issueIdOrKey ?? '');
      const key = params.propertyKey ?? '';
      checkKey(key);
      checkValue(ctx.body);
      const existed = key in issue.properties;
      ctx.store.willChange(issue);
      issue.properties[key] = ctx.body;
      // Jira answers with an empty body here.
      return { status: existed ? 200 : 201 };
    },
  },
  {
    method: 'DELETE',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (ctx, params) => {
      const issue = editableIssue(ctx, params.issueIdOrKey ?? '');
      const key = params.propertyKey ?? '';
      if (!(key in issue.properties))
        throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
      ctx.store.willChange(issue);
      delete issue.properties[key];
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/issue/properties/multi',
    handler: (ctx) => {
      const body = parseBody(multiBody, ctx.body);
      const failed: string[] = [];
      for (const entry of body.issues) {
        const entries = Object.entries(entry.properties);
        if (entries.length === 0 || entries.length > 10)
          throw new JiraError(400, ['Each issue may set between 1 and 10 properties.']);
        entries.forEach(([key, value]) => {
          checkKey(key);
          checkValue(value);
        });
        const issue = ctx.store.issue(String(entry.issueID));
        if (issue === undefined || !canEdit(ctx, issue)) {
          failed.push(String(entry.issueID));
          continue;
        }
        ctx.store.willChange(issue);
        for (const [key, value] of entries) issue.properties[key] = value;
      }
      return completedTask(ctx, 'Issue properties set.', { failedIssueIds: failed });
    },
  },
  {
    method: 'PUT',
    path: '/rest/api/3/issue/properties/{propertyKey}',
    handler: (ctx, params) => {
      const key = params.propertyKey ?? '';
      checkKey(key);
      const body = parseBody(bulkSetBody, ctx.body);
      if (body.expression !== undefined)
        throw new JiraError(400, ["The sandbox does not evaluate Jira expressions: send 'value'."]);
      checkValue(body.value);
      const targets = bulkTargets(ctx, key, body.filter);
      for (const issue of targets) {
        ctx.store.willChange(issue);
        issue.properties[key] = structuredClone(body.value);
      }
      return completedTask(ctx, `Property set on ${targets.length} issues.`, {
        updated: targets.length,
      });
    },
  },
  {
    method: 'DELETE',
    path: '/rest/api/3/issue/properties/{propertyKey}',
    handler: (ctx, params) => {
      const key = params.propertyKey ?? '';
      const body = parseBody(bulkDeleteBody, ctx.body);
      const targets = bulkTargets(ctx, key, { ...body, hasProperty: true });
      for (const issue of targets) {
        ctx.store.willChange(issue);
        delete issue.properties[key];
      }
      return completedTask(ctx, `Property deleted from ${targets.length} issues.`, {
        deleted: targets.length,
      });
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/task/{taskId}',
    handler: (ctx, params) => {
      const task = ctx.store.tasks.get(params.taskId ?? '');
      if (task === undefined)
        throw new JiraError(404, [`Task with id '${params.taskId ?? ''}' does not exist.`]);
      return {
        status: 200,
        body: {
          self: `${ctx.baseUrl}/rest/api/3/task/${task.id}`,
          id: task.id,
          status: 'COMPLETE',
          message: task.message,
          result: task.result,
          submittedBy: 0,
          progress: 100,
          elapsedRuntime: task.finished - task.submitted,
          submitted: task.submitted,
          started: task.submitted,
          finished: task.finished,
          lastUpdate: task.finished,
        },
      };
    },
  },
];
