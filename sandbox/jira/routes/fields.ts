/**
 * GET /rest/api/3/field and the app custom field value setters. Values of a Forge
 * `jira:customField` can only be written by the app that provides it (asApp), through
 * PUT /rest/api/3/app/field/{fieldIdOrKey}/value or POST /rest/api/3/app/field/value.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError, forbidden } from '../http/errors';
import { item, recordChange } from '../state/changes';
import type { JiraContext, JiraRoute } from './context';

const singleBody = z.object({
  updates: z
    .array(z.object({ issueIds: z.array(z.number().int()).min(1), value: z.unknown() }))
    .min(1),
});
const multiBody = z.object({
  updates: z
    .array(
      z.object({
        customField: z.string(),
        issueIds: z.array(z.number().int()).min(1),
        value: z.unknown(),
      }),
    )
    .min(1),
});

function setAppFieldValue(
  ctx: JiraContext,
  fieldIdOrKey: string,
  issueIds: number[],
  value: unknown,
): void {
  if (ctx.caller.kind !== 'app')
    throw forbidden('Only the app that provides the field can update its values.');
  const field = ctx.store.field(fieldIdOrKey);
  if (field === undefined || field.appOwned !== true)
    throw new JiraError(404, [
      `The custom field '${fieldIdOrKey}' was not found or does not belong to this app.`,
    ]);
  for (const id of issueIds) {
    const issue = ctx.store.issue(String(id));
    if (issue === undefined) throw new JiraError(404, [`Issue with id ${id} was not found.`]);
    const from = issue.custom[field.id];
    ctx.store.willChange(issue);
    issue.custom[field.id] = value;
    const str = (v: unknown) =>
      v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
    recordChange(ctx, issue, ctx.caller.user.accountId, [
      item(field.name, field.id, null, str(from), null, str(value), true),
    ]);
  }
}

export const fieldRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/field',
    handler: (ctx) => ({
      status: 200,
      body: ctx.store.state.fields.map((f) => ({
        id: f.id,
        key: f.key,
        name: f.name,
        custom: f.custom,
        orderable: f.id !== 'status' && f.id !== 'created' && f.id !== 'updated',
        navigable: f.id !== 'comment',
        searchable: true,
        clauseNames: f.clauseNames,
        schema: f.schema,
      })),
    }),
  },
  {
    method: 'PUT',
    path: '/rest/api/3/app/field/{fieldIdOrKey}/value',
    handler: (ctx, params) => {
      const body = parseBody(singleBody, ctx.body);
      for (const update of body.updates)
        setAppFieldValue(ctx, params.fieldIdOrKey ?? '', update.issueIds, update.value);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/app/field/value',
    handler: (ctx) => {
      const body = parseBody(multiBody, ctx.body);
      for (const update of body.updates)
        setAppFieldValue(ctx, update.customField, update.issueIds, update.value);
      return { status: 204 };
    },
  },
];
