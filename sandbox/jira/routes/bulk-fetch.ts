/**
 * POST /rest/api/3/issue/bulkfetch (bulkFetchIssues, platform.v3.json; request
 * BulkFetchIssueRequestBean, answer BulkIssueResults): the details of up to 100 issues named by id
 * or key, as the spec describes them —
 * - "You can request up to 100 issues"; Jira's answer beyond that is not documented: the sandbox
 *   refuses it with a 400 naming the cap rather than drop ids;
 * - an id or key that matches no issue gets a case-insensitive look-up (the store's key look-up);
 * - "Issues will be returned in ascending `id` order", not in the order asked;
 * - issues that do not exist or that the caller may not browse are left out, and are not listed
 *   in `issueErrors` (which holds retriable per-issue failures: never produced here);
 * - `fields` defaults to `*navigable`; at most 5 `properties`.
 * Unlike /search/jql, whose description warns that recent updates may not be visible, this is a
 * read by id: it answers from the current state, as GET /rest/api/3/issue/{id} does
 * (state/search-index.ts).
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError } from '../http/errors';
import { canBrowse } from '../permissions';
import { renderIssue, selectFields } from '../render/issue';
import type { IssueRecord } from '../state/types';
import type { JiraRoute } from './context';

/** platform.v3.json bulkFetchIssues: "You can request up to 100 issues." */
export const BULK_FETCH_MAX_ISSUES = 100;

const bulkFetchBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).max(5).optional(),
});

export const bulkFetchRoutes: JiraRoute[] = [
  {
    method: 'POST',
    path: '/rest/api/3/issue/bulkfetch',
    handler: (ctx) => {
      const body = parseBody(bulkFetchBody, ctx.body);
      if (body.issueIdsOrKeys.length > BULK_FETCH_MAX_ISSUES)
        throw new JiraError(400, [
          `issueIdsOrKeys accepts at most ${BULK_FETCH_MAX_ISSUES} issues; ${body.issueIdsOrKeys.length} were given.`,
        ]);
      const found = new Map<string, IssueRecord>();
      for (const idOrKey of body.issueIdsOrKeys) {
        const issue = ctx.store.issue(idOrKey.trim());
        if (issue !== undefined && canBrowse(ctx.caller, ctx.store.project(issue.projectId)))
          found.set(issue.id, issue);
      }
      const fields = selectFields(ctx.render, body.fields ?? [], ['*navigable']);
      const options = { fields, properties: body.properties ?? [], expand: body.expand ?? [] };
      const issues = [...found.values()]
        .sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id))
        .map((issue) => renderIssue(ctx.render, issue, options));
      return { status: 200, body: { issues, issueErrors: [] } };
    },
  },
];
