/**
 * GET /rest/api/3/user/bulk ("Bulk get users", scope read:jira-user): users by account id, as the
 * person asking, so Jira shows them only what they may see. Kept apart from client.ts, which
 * delegates here.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraUser } from '../../../ports/jira';
import type { JiraHttp } from './http';

/**
 * Ids per request. The spec gives no maximum for the repeated `accountId`; Jira's paged APIs answer
 * at most 100 items a page, and 100 ids of up to 128 characters keep the URL far below 16 KB. The
 * answer is paged anyway (`isLast`), so a smaller page from Jira only costs another request.
 */
export const MAX_USERS_PER_CALL = 100;

/** PageBeanUser, reduced to what Ballast reads. */
const userPageSchema = z.looseObject({
  isLast: z.boolean().optional(),
  values: z.array(z.looseObject({ accountId: z.string(), displayName: z.string().optional() })),
});

export async function bulkGetUsers(
  http: JiraHttp,
  accountIds: readonly string[],
): Promise<JiraUser[]> {
  const ids = [...new Set(accountIds)];
  const users: JiraUser[] = [];
  for (let i = 0; i < ids.length; i += MAX_USERS_PER_CALL) {
    const batch = ids.slice(i, i + MAX_USERS_PER_CALL);
    for (let startAt = 0; ;) {
      const query = new URLSearchParams({
        startAt: String(startAt),
        maxResults: String(batch.length),
      });
      for (const id of batch) query.append('accountId', id);
      const page = await http.json('GET', route`/rest/api/3/user/bulk?${query}`, userPageSchema);
      for (const user of page.values) {
        if (user.displayName)
          users.push({ accountId: user.accountId, displayName: user.displayName });
      }
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0 || startAt >= batch.length) break;
    }
  }
  return users;
}
