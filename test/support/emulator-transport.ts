/**
 * A JiraTransport that reaches the sandbox's Jira emulator over HTTP, identifying the caller the way
 * the emulator expects, and recording every call (method + path) for the contract tests.
 */
import type { Route } from '@forge/api';
import { ACCOUNT_HEADER, AS_APP_HEADER } from '../../sandbox/jira';
import type { JiraTransport } from '../../src/adapters/forge/jira/http';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
}

export function emulatorTransport(
  baseUrl: string,
  caller: { accountId: string } | 'app',
  record: RecordedCall[] = [],
): JiraTransport {
  return async (route: Route, init: RequestInit) => {
    const method = init.method ?? 'GET';
    record.push({ method, path: route.value.split('?')[0] ?? route.value });
    const identity: Record<string, string> =
      caller === 'app' ? { [AS_APP_HEADER]: 'true' } : { [ACCOUNT_HEADER]: caller.accountId };
    return fetch(`${baseUrl}${route.value}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...identity },
    });
  };
}
