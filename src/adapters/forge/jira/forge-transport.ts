/**
 * The Forge transports: `asUser()` for what a person asked to see (Jira enforces their permissions),
 * `asApp()` only where the platform requires it (validators, triggers, jobs), and then the caller
 * checks permissions itself (ARCHITECTURE.md).
 */
// Named imports: the default export is not the API object under plain Node ESM (CommonJS interop).
import { asApp, asUser } from '@forge/api';
import { JiraClient } from './client';
import { JiraHttp, type JiraHttpOptions } from './http';

export function jiraAsUser(options?: JiraHttpOptions): JiraClient {
  return new JiraClient(new JiraHttp((route, init) => asUser().requestJira(route, init), options));
}

export function jiraAsApp(options?: JiraHttpOptions): JiraClient {
  return new JiraClient(new JiraHttp((route, init) => asApp().requestJira(route, init), options));
}
