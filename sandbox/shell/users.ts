/**
 * The people the shell lets you act as, and the cookie that remembers the choice. Jira's
 * permissions apply to whoever is selected: the admin sees project settings, the member does not.
 */
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../jira';

export interface ShellUser {
  accountId: string;
  displayName: string;
  role: string;
}

export const SHELL_USERS: readonly ShellUser[] = [
  { accountId: ADMIN_ACCOUNT_ID, displayName: 'Ada Okafor', role: 'project admin' },
  { accountId: MEMBER_ACCOUNT_ID, displayName: 'Marco Silva', role: 'member' },
];

export const USER_COOKIE = 'sandbox-user';

/**
 * Who a request with no (or an unknown) `sandbox-user` cookie acts as: the plain member, never the
 * admin (issue #19, item 7) — a stale or forged cookie must not grant more than the least the
 * sandbox offers. Choose the admin in the top bar.
 */
export const DEFAULT_SHELL_USER = SHELL_USERS[1] as ShellUser;

export function userByAccountId(accountId: string | undefined): ShellUser | undefined {
  return SHELL_USERS.find((u) => u.accountId === accountId);
}

/** The selected user from the Cookie header; the member when none (or an unknown one) is set. */
export function userFromCookie(header: string | undefined): ShellUser {
  for (const pair of (header ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === USER_COOKIE) return userByAccountId(decoded(rest.join('='))) ?? DEFAULT_SHELL_USER;
  }
  return DEFAULT_SHELL_USER;
}

/** A malformed escape (`%E0%A4%A`) names nobody rather than failing the request. */
function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function userCookie(accountId: string): string {
  return `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Lax; Max-Age=31536000`;
}
