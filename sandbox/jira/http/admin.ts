/**
 * The sandbox's own routes under /__sandbox/ (not Jira's, never faulted or counted):
 *   GET    /__sandbox/stats    per-route call counts since the last reset
 *   DELETE /__sandbox/stats    reset the counts
 *   GET    /__sandbox/faults   current fault settings
 *   PUT    /__sandbox/faults   change some of them: { latencyMs, rate429, retryAfterSeconds, rate5xx, rateTimeout }
 *   GET    /__sandbox/search-index           search consistency settings and writes not yet indexed
 *   PUT    /__sandbox/search-index           change them: { consistency, lagWrites, lagMs }
 *   POST   /__sandbox/search-index/catch-up  index every pending write now
 *   GET    /__sandbox/health   liveness
 *   GET    /__sandbox/avatar/… and /__sandbox/icon/…  placeholder images for avatar and icon URLs
 *   GET    /__sandbox/workflows/{projectKey}, PUT …/transitions/{id}/validators  (workflow-admin.ts)
 *   the Personal data reporting API and closing accounts (personal-data.ts)
 */
import type { Faults } from '../faults';
import type { JiraStore } from '../state/store';
import type { SearchIndex } from '../state/search-index';
import type { RouteResult } from './router';
import type { CallStats } from './stats';
import { personalDataRoute } from './personal-data';
import { workflowAdminRoute } from './workflow-admin';

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" rx="3" fill="#8993a4"/></svg>';

const indexBody = (index: SearchIndex) => ({
  ...index.settings,
  pendingWrites: index.pendingWrites,
});

export function adminRoute(
  method: string,
  path: string,
  body: unknown,
  {
    faults,
    stats,
    store,
    searchIndex,
  }: { faults: Faults; stats: CallStats; store: JiraStore; searchIndex: SearchIndex },
): RouteResult & { raw?: string } {
  const workflow = workflowAdminRoute(method, path, body, store);
  if (workflow !== undefined) return workflow;
  const personalData = personalDataRoute(method, path, body, store);
  if (personalData !== undefined) return personalData;
  if (path === '/__sandbox/stats' && method === 'GET')
    return { status: 200, body: stats.snapshot() };
  if (path === '/__sandbox/stats' && method === 'DELETE') {
    stats.reset();
    return { status: 204 };
  }
  if (path === '/__sandbox/faults' && method === 'GET')
    return { status: 200, body: faults.settings };
  if (path === '/__sandbox/faults' && method === 'PUT') {
    try {
      return { status: 200, body: faults.update(body ?? {}) };
    } catch (error) {
      return { status: 400, body: { errorMessages: [(error as Error).message], errors: {} } };
    }
  }
  if (path === '/__sandbox/search-index' && method === 'GET')
    return { status: 200, body: indexBody(searchIndex) };
  if (path === '/__sandbox/search-index' && method === 'PUT') {
    try {
      searchIndex.configure(body ?? {});
      return { status: 200, body: indexBody(searchIndex) };
    } catch (error) {
      return { status: 400, body: { errorMessages: [(error as Error).message], errors: {} } };
    }
  }
  if (path === '/__sandbox/search-index/catch-up' && method === 'POST') {
    searchIndex.catchUp();
    return { status: 200, body: indexBody(searchIndex) };
  }
  if (path === '/__sandbox/health' && method === 'GET') return { status: 200, body: { ok: true } };
  if (
    (path.startsWith('/__sandbox/avatar/') || path.startsWith('/__sandbox/icon/')) &&
    method === 'GET'
  ) {
    return { status: 200, raw: ICON, headers: { 'content-type': 'image/svg+xml' } };
  }
  return {
    status: 404,
    body: { errorMessages: [`No sandbox admin route ${method} ${path}`], errors: {} },
  };
}
