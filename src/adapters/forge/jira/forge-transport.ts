/**
 * The Forge transports: `asUser()` for what a person asked to see (Jira enforces their permissions),
 * `asApp()` only where the platform requires it (validators, triggers, jobs), and then the caller
 * checks permissions itself (ARCHITECTURE.md). Each client is made at the start of an invocation
 * and carries that invocation's time budget, so no wait Jira asks for outlives it.
 */
// Named imports: the default export is not the API object under plain Node ESM (CommonJS interop).
import { asApp, asUser } from '@forge/api';
import { JiraClient } from './client';
import { JiraHttp, type JiraHttpOptions } from './http';
import { InvocationBudget } from './pacing';
import type { QuotaWatch } from './rate-limit';
import { BACKGROUND_RETRY_POLICY } from './retry';

/**
 * Forge's invocation limits (https://developer.atlassian.com/platform/forge/limits-invocation/):
 * 25 s for a UI resolver, 55 s by default for triggers, validators, consumers and scheduled
 * functions (`timeoutSeconds` in manifest.yml raises the latter two to at most 900 s).
 */
export const RESOLVER_LIMIT_MS = 25_000;
export const DEFAULT_FUNCTION_LIMIT_MS = 55_000;
/** Left for the answer after the last Jira call: rendering the envelope, writing storage. */
const RESOLVER_MARGIN_MS = 5_000;
/** Left for a background function to save its progress or re-queue its work. */
const BACKGROUND_MARGIN_MS = 15_000;

export function jiraAsUser(options?: JiraHttpOptions): JiraClient {
  return new JiraClient(
    new JiraHttp((route, init) => asUser().requestJira(route, init), {
      budget: new InvocationBudget(RESOLVER_LIMIT_MS, RESOLVER_MARGIN_MS),
      ...options,
    }),
  );
}

/** As the app, inside a short invocation (validator, trigger, field value): short waits only. */
export function jiraAsApp(options?: JiraHttpOptions): JiraClient {
  return new JiraClient(
    new JiraHttp((route, init) => asApp().requestJira(route, init), {
      budget: new InvocationBudget(DEFAULT_FUNCTION_LIMIT_MS, BACKGROUND_MARGIN_MS),
      ...options,
    }),
  );
}

/**
 * Options for `jiraAsApp` in a consumer or scheduled job whose function may run `limitMs` (its
 * `timeoutSeconds`): it may wait minutes for Jira's quota when its budget allows.
 */
export function inBackground(limitMs: number, quota?: QuotaWatch): JiraHttpOptions {
  return {
    budget: new InvocationBudget(limitMs, BACKGROUND_MARGIN_MS),
    retry: BACKGROUND_RETRY_POLICY,
    ...(quota === undefined ? {} : { quota }),
  };
}
