/**
 * The points a Jira REST call costs under Atlassian's points-based quota
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/, "How points work"):
 * every request costs a base of 1 point; a read adds 1 point per core object it returns (issues,
 * projects, boards…) and 2 per identity or access object (users, groups, roles, permissions);
 * a write (POST, PUT, DELETE) costs the base only. Objects the page does not list cost 1.
 *
 * Reading "objects returned" from the response body is the emulator's approximation: Jira does not
 * publish how it counts them per endpoint. A POST that only reads (JQL search, changelog bulk fetch,
 * approximate count, issue bulk fetch) is charged as a read, since it creates nothing.
 */

/** POST routes that read and return objects rather than change anything. */
const READ_POSTS = new Set([
  '/rest/api/3/search/jql',
  '/rest/api/3/search/approximate-count',
  '/rest/api/3/changelog/bulkfetch',
  '/rest/api/3/issue/bulkfetch',
]);

/** Routes whose objects are identity & access objects (2 points each). */
const IDENTITY_ROUTES = new Set([
  '/rest/api/3/user',
  '/rest/api/3/user/bulk',
  '/rest/api/3/myself',
  '/rest/api/3/mypermissions',
]);

export function isReadCall(method: string, routePath: string): boolean {
  return method === 'GET' || (method === 'POST' && READ_POSTS.has(routePath));
}

/** How many objects a read returned: the list in its page, else the one object it is. */
export function objectsIn(routePath: string, body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (typeof body !== 'object' || body === null) return 0;
  const record = body as Record<string, unknown>;
  if (routePath === '/rest/api/3/mypermissions' && typeof record.permissions === 'object')
    return Object.keys(record.permissions ?? {}).length;
  for (const list of ['issues', 'values', 'issueChangeLogs', 'comments', 'transitions', 'fields'])
    if (Array.isArray(record[list])) return (record[list] as unknown[]).length;
  // An approximate count returns a number, not objects.
  if (routePath === '/rest/api/3/search/approximate-count') return 0;
  return 1;
}

/** The points one answered call costs. */
export function pointsFor(method: string, routePath: string, body: unknown): number {
  if (!isReadCall(method, routePath)) return 1;
  const perObject = IDENTITY_ROUTES.has(routePath) ? 2 : 1;
  return 1 + perObject * objectsIn(routePath, body);
}
