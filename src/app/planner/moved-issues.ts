/**
 * The issues a sprint move changes — the moved items and the sub-tasks Jira moves with them — by id,
 * so the reads after it can ask Jira's eventually consistent search to reconcile them
 * (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/). The search that finds
 * them may itself be stale, and that is fine: keys, ids and parent links of existing issues do not
 * change when they move between sprints, so an index from before the move names the same issues.
 */
import type { JiraPort } from '../../ports/jira';

/** How long after Ballast moved items the planner's reads keep reconciling them. */
export const RECONCILE_WINDOW_MS = 15 * 60_000;

export async function movedIssueIds(jira: JiraPort, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const list = keys.join(', ');
  const found = await jira.searchAll(
    `key in (${list}) OR (parent in (${list}) AND issuetype in subTaskIssueTypes())`,
    { fields: ['parent'] },
  );
  return found.map((issue) => issue.id);
}

/**
 * The ids to reconcile when reading a sprint: what Ballast moved there within the window (Jira's
 * index usually catches up in seconds, bulk changes in minutes: the search-and-reconcile page).
 */
export function recentlyMoved(
  entry: { movedIds: readonly string[]; movedAt?: string | undefined } | null,
  now: Date,
): readonly string[] {
  if (entry === null || entry.movedAt === undefined) return [];
  return now.getTime() - Date.parse(entry.movedAt) <= RECONCILE_WINDOW_MS ? entry.movedIds : [];
}
