/**
 * People's names for records that store account ids (the audit log): one bulk look-up in Jira, as
 * the person asking. An id Jira does not return (a deleted or hidden account), or a look-up Jira
 * refuses, leaves that id without a name and the caller shows the id. A look-up that fails for a
 * while (Jira down or rate-limited: a retryable error) fails the answer retryably instead, so a
 * retry shows the names rather than an answer that silently lacks them.
 */
import { FORMER_USER_ID } from '../../contract/people';
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';

/** Account id → display name, for the ids Jira returned. */
export type DisplayNames = Readonly<Record<string, string>>;

export async function displayNames(
  jira: JiraPort,
  accountIds: readonly string[],
): Promise<DisplayNames> {
  // An erased person (a closed account) has no id left to look up.
  const ids = [...new Set(accountIds.filter((id) => id !== '' && id !== FORMER_USER_ID))];
  if (ids.length === 0) return {};
  try {
    const users = await jira.getUsers(ids);
    return Object.fromEntries(users.map((user) => [user.accountId, user.displayName]));
  } catch (error: unknown) {
    // A Jira refusal must not hide the log itself; an outage is retried; programming errors surface.
    if (error instanceof AppError && error.options.retryable !== true) return {};
    throw error;
  }
}
