/**
 * Atlassian's Personal data reporting API, as the sandbox's stand-in for api.atlassian.com, and the
 * sandbox-only controls to exercise it. The shapes are the documented ones, pinned in
 * test/fixtures/forge/privacy/report-accounts.json (developer.atlassian.com/platform/forge/user-privacy-guidelines/):
 *   POST /__sandbox/atlassian/app/report-accounts  { accounts: [{ accountId, updatedAt }] } (1–90):
 *        200 { accounts: [{ accountId, status: 'closed' | 'updated' }] } for the accounts needing
 *        action, 204 when none does, 400 for a body the API would refuse. The Forge host sends the
 *        app's `privacy.reportPersonalData` here (sandbox/forge/host.ts).
 *   POST /__sandbox/accounts/{accountId}/close    the person closes their Atlassian account
 *   POST /__sandbox/accounts/{accountId}/update   the person changes their profile (now)
 *   PUT  /__sandbox/report-accounts/fault         { status: 429 | 5xx | null, retryAfterSeconds? }:
 *        every report is answered with that status until it is set back to null
 *   GET  /__sandbox/report-accounts/requests      the accounts of each report request received
 * Closed and updated accounts are kept on the user records (`closed`, `profileUpdatedAt`).
 */
import { z } from 'zod';
import type { JiraStore } from '../state/store';
import type { RouteResult } from './router';

/** "Each request allows up to 90 accounts to be reported on." (the guidelines, fixture `limits`). */
export const REPORT_ACCOUNTS_LIMIT = 90;

const reportBody = z.object({
  accounts: z
    .array(
      z.object({
        accountId: z.string().regex(/^[A-Za-z0-9:-]{1,128}$/),
        updatedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(REPORT_ACCOUNTS_LIMIT),
});

interface ReportingState {
  fault: { status: number; retryAfterSeconds: number | null } | null;
  requests: string[][];
}

const states = new WeakMap<JiraStore, ReportingState>();
const stateOf = (store: JiraStore): ReportingState => {
  let state = states.get(store);
  if (state === undefined) {
    state = { fault: null, requests: [] };
    states.set(store, state);
  }
  return state;
};

const refused = (status: number, message: string): RouteResult => ({
  status,
  body: { errorMessages: [message], errors: {} },
});

function answerReport(store: JiraStore, body: unknown): RouteResult {
  const state = stateOf(store);
  if (state.fault !== null)
    return {
      status: state.fault.status,
      body: { errorMessages: ['Sandbox fault: the personal data reporting API is refusing.'] },
      ...(state.fault.retryAfterSeconds === null
        ? {}
        : { headers: { 'Retry-After': String(state.fault.retryAfterSeconds) } }),
    };
  const parsed = reportBody.safeParse(body);
  if (!parsed.success)
    return refused(
      400,
      `Invalid report: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  state.requests.push(parsed.data.accounts.map((a) => a.accountId));
  const accounts = parsed.data.accounts.flatMap(
    ({ accountId, updatedAt }): { accountId: string; status: 'closed' | 'updated' }[] => {
      const user = store.user(accountId);
      if (user?.closed === true) return [{ accountId, status: 'closed' as const }];
      if (
        user?.profileUpdatedAt !== undefined &&
        Date.parse(user.profileUpdatedAt) > Date.parse(updatedAt)
      )
        return [{ accountId, status: 'updated' as const }];
      return [];
    },
  );
  return accounts.length === 0 ? { status: 204 } : { status: 200, body: { accounts } };
}

const ACCOUNT_PATH = /^\/__sandbox\/accounts\/([^/]+)\/(close|update)$/;
const faultBody = z.object({
  status: z.number().int().min(400).max(599).nullable(),
  retryAfterSeconds: z.number().int().min(0).optional(),
});

/** The routes above, or undefined when the path is none of them. */
export function personalDataRoute(
  method: string,
  path: string,
  body: unknown,
  store: JiraStore,
  now: () => number = Date.now,
): RouteResult | undefined {
  if (path === '/__sandbox/atlassian/app/report-accounts' && method === 'POST')
    return answerReport(store, body);
  const account = ACCOUNT_PATH.exec(path);
  if (account !== null && method === 'POST') {
    const user = store.user(decodeURIComponent(account[1]!));
    if (user === undefined) return refused(404, `No user ${account[1]}.`);
    if (account[2] === 'close') user.closed = true;
    else user.profileUpdatedAt = new Date(now()).toISOString();
    return { status: 200, body: user };
  }
  if (path === '/__sandbox/report-accounts/fault' && method === 'PUT') {
    const parsed = faultBody.safeParse(body);
    if (!parsed.success)
      return refused(400, 'Send { status: 429 | 5xx | null, retryAfterSeconds? }.');
    stateOf(store).fault =
      parsed.data.status === null
        ? null
        : { status: parsed.data.status, retryAfterSeconds: parsed.data.retryAfterSeconds ?? null };
    return { status: 200, body: { fault: stateOf(store).fault } };
  }
  if (path === '/__sandbox/report-accounts/requests' && method === 'GET')
    return { status: 200, body: { requests: stateOf(store).requests } };
  return undefined;
}
