/**
 * Product calls (`requestJira`) as the Forge egress proxy makes them: @forge/api hands
 * `__forge_fetch__` a target `{ type: 'fpp', provider: 'user' | 'app' | 'none', remote: 'jira',
 * accountId? }` and a path already made safe by `route`. The proxy authenticates the call as the
 * user or the app; the sandbox forwards it to the Jira emulator with the emulator's identity
 * headers (sandbox/jira/permissions.ts), and Jira's answer — 404, 429 with Retry-After, 5xx —
 * reaches the app unchanged, as it does on the platform.
 */
import { ACCOUNT_HEADER, AS_APP_HEADER } from '../jira/permissions';
import type { ActiveInvocation } from './invocation';
import { proxyError } from './proxy-response';

export interface ProductTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

export interface ProductFetchOptions {
  jiraUrl: string;
  /** Other remotes (e.g. `stargate` GraphQL for web trigger URLs), answered by the host. */
  otherRemote?: (remote: string, path: string, init: RequestInit | undefined) => Promise<Response>;
}

/** Headers the app must not set itself: the proxy owns authentication. */
const OWNED_HEADERS = [ACCOUNT_HEADER, AS_APP_HEADER, 'authorization'];

export async function fetchProduct(
  options: ProductFetchOptions,
  target: ProductTarget,
  path: string,
  init: RequestInit | undefined,
  invocation: ActiveInvocation | undefined,
): Promise<Response> {
  const remote = target.remote ?? 'jira';
  if (remote !== 'jira') {
    if (options.otherRemote !== undefined) return options.otherRemote(remote, path, init);
    return proxyError(400, 'INVALID_REMOTE_ERR', `The sandbox does not emulate remote ${remote}.`);
  }
  const headers = new Headers(init?.headers);
  for (const name of OWNED_HEADERS) headers.delete(name);
  if (target.provider === 'app') {
    headers.set(AS_APP_HEADER, 'true');
  } else if (target.provider === 'user') {
    // `asUser()` without an id acts as the invoking user; with no user (a scheduled trigger, a
    // web trigger) there is nobody to act for, and the platform asks for authentication.
    const accountId = target.accountId ?? invocation?.accountId;
    if (accountId === undefined) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR');
    headers.set(ACCOUNT_HEADER, accountId);
  } else {
    // The bare `requestJira` export predates asUser/asApp; the app must say whom it acts for.
    return proxyError(
      400,
      'PROVIDER_NOT_SUPPORTED',
      'Use api.asUser().requestJira or api.asApp().requestJira.',
    );
  }
  // A function cannot outlive its invocation: abort the call when the time is up.
  const remaining = invocation === undefined ? undefined : invocation.deadline - Date.now();
  const signals = [
    init?.signal,
    remaining === undefined ? undefined : AbortSignal.timeout(Math.max(remaining, 0)),
  ].filter((signal): signal is AbortSignal => signal != null);
  const url = new URL(path.startsWith('/') ? path : `/${path}`, options.jiraUrl);
  return fetch(url, {
    ...init,
    headers,
    ...(signals.length === 0 ? {} : { signal: AbortSignal.any(signals) }),
  });
}
