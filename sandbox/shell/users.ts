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

const fallback = SHELL_USERS[0] as ShellUser;

export function userByAccountId(accountId: string | undefined): ShellUser | undefined {
  return SHELL_USERS.find((u) => u.accountId === accountId);
}

/** The selected user from the Cookie header; the admin when none (or an unknown one) is set. */
export function userFromCookie(header: string | undefined): ShellUser {
  for (const pair of (header ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === USER_COOKIE)
      return userByAccountId(decodeURIComponent(rest.join('='))) ?? fallback;
  }
  return fallback;
}

export function userCookie(accountId: string): string {
  return `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Lax; Max-Age=31536000`;
}
