/**
 * POST and GET /rest/api/3/search/jql (the enhanced search that replaced /rest/api/3/search) and
 * POST /rest/api/3/search/approximate-count.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError } from '../http/errors';
import { renderIssue, selectFields } from '../render/issue';
import { RECONCILE_MAX } from '../state/search-index';
import { listParam, type JiraContext, type JiraRoute } from './context';
import { searchIssues } from './visibility';

/**
 * Page size caps of /search/jql. Documented: at most 5000 issues a page when only ids/keys are
 * asked for, fewer "where a large number of fields or properties are requested", default 50, up to
 * 5 `properties` (platform.v3.json, GET and POST /rest/api/3/search/jql,
 * searchAndReconsileIssuesUsingJql[Post], `maxResults` and `properties`). How many fewer is not
 * published: 100 with fields is this emulator's choice, so that clients are exercised on short
 * pages. Jira may lower any page size, so a client reads `maxResults`/`nextPageToken` back rather
 * than assuming one (https://confluence.atlassian.com/jirakb/changing-maxresults-parameter-for-jira-rest-api-779160706.html).
 */
export const SEARCH_MAX_IDS_ONLY = 5000;
export const SEARCH_MAX_WITH_FIELDS = 100;

const searchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().min(0).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  // Ids whose current state the search must reflect (SearchAndReconcileRequestBean: 50 at most).
  reconcileIssues: z.array(z.number().int()).optional(),
});
type SearchRequest = z.infer<typeof searchBody>;

const encodeToken = (offset: number, jql: string): string =>
  Buffer.from(JSON.stringify({ o: offset, q: jql.length }), 'utf8').toString('base64url');

function decodeToken(token: string, jql: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown;
      q?: unknown;
    };
    if (typeof parsed.o === 'number' && parsed.q === jql.length) return parsed.o;
  } catch {
    // fall through to Jira's answer for a token it did not issue
  }
  throw new JiraError(400, ['The provided next page token is invalid or expired.']);
}

function runSearch(ctx: JiraContext, request: SearchRequest) {
  const jql = request.jql ?? '';
  const fields = selectFields(ctx.render, request.fields ?? [], ['id']);
  const properties = request.properties ?? [];
  const idsOnly = fields.size === 0 && properties.length === 0;
  const wantsKey = (request.fields ?? []).some((f) => f.split(',').some((x) => x.trim() === 'key'));
  const cap = idsOnly ? SEARCH_MAX_IDS_ONLY : SEARCH_MAX_WITH_FIELDS;
  const pageSize = Math.min(request.maxResults ?? 50, cap);
  const reconcile = request.reconcileIssues ?? [];
  if (reconcile.length > RECONCILE_MAX)
    // The cap is documented (platform.v3.json, reconcileIssues: 50 ids at most); Jira's answer
    // beyond it is not, so the sandbox refuses it as a bad request rather than drop ids silently.
    throw new JiraError(400, [
      `reconcileIssues accepts at most ${RECONCILE_MAX} issue ids; ${reconcile.length} were given.`,
    ]);
  // Eventually consistent (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/):
  // only the reconciled issues are matched and returned as they are now.
  const all = searchIssues(ctx, jql, true, new Set(reconcile.map(String)));
  const offset = request.nextPageToken === undefined ? 0 : decodeToken(request.nextPageToken, jql);
  const page = all.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= all.length;
  const expand = (request.expand ?? '').split(',').map((e) => e.trim());
  const body: Record<string, unknown> = {
    issues: page.map((issue) =>
      // By default /search/jql returns only issue ids (fields defaults to `id`); the key only when asked for.
      idsOnly && !expand.includes('changelog')
        ? { id: issue.id, ...(wantsKey ? { key: issue.key } : {}) }
        : renderIssue(ctx.render, issue, { fields, properties, expand }),
    ),
    isLast,
  };
  if (!isLast) body.nextPageToken = encodeToken(offset + page.length, jql);
  return { status: 200, body };
}

export const searchRoutes: JiraRoute[] = [
  {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    handler: (ctx) => runSearch(ctx, parseBody(searchBody, ctx.body)),
  },
  {
    method: 'GET',
    path: '/rest/api/3/search/jql',
    handler: (ctx) => {
      const q = ctx.query;
      const maxResults = q.get('maxResults');
      return runSearch(ctx, {
        ...(q.get('jql') === null ? {} : { jql: q.get('jql') as string }),
        ...(q.get('nextPageToken') === null
          ? {}
          : { nextPageToken: q.get('nextPageToken') as string }),
        ...(maxResults === null ? {} : { maxResults: Number.parseInt(maxResults, 10) || 0 }),
        fields: listParam(q, 'fields'),
        properties: listParam(q, 'properties'),
        ...(q.get('expand') === null ? {} : { expand: q.get('expand') as string }),
        reconcileIssues: listParam(q, 'reconcileIssues').map((id) => Number.parseInt(id, 10)),
      });
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    handler: (ctx) => {
      // No reconcileIssues here: the count reads the eventually consistent index (platform.v3.json
      // countIssues says recent changes may be missing from it).
      const { jql } = parseBody(z.object({ jql: z.string() }), ctx.body);
      return { status: 200, body: { count: searchIssues(ctx, jql, true).length } };
    },
  },
];
