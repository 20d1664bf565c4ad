/**
 * People's names for records that store account ids (the audit log): one bulk look-up in Jira, as
 * the person asking. Names are a convenience: an id Jira does not return (a deleted or hidden
 * account), or a failed look-up, leaves that id without a name and the caller shows the id.
 */
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';

/** Account id → display name, for the ids Jira returned. */
export type DisplayNames = Readonly<Record<string, string>>;

export async function displayNames(
  jira: JiraPort,
  accountIds: readonly string[],
): Promise<DisplayNames> {
  const ids = [...new Set(accountIds.filter((id) => id !== ''))];
  if (ids.length === 0) return {};
  try {
    const users = await jira.getUsers(ids);
    return Object.fromEntries(users.map((user) => [user.accountId, user.displayName]));
  } catch (error: unknown) {
    // A Jira refusal or outage must not hide the log itself; programming errors still surface.
    if (error instanceof AppError) return {};
    throw error;
  }
}
