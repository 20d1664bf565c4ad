/**
 * When each item of an active sprint entered it, for PRODUCT.md §2 ("items added mid-sprint are
 * counted against the buffer"): the latest change of Jira's Sprint field that put the sprint in
 * (its `to` lists the sprint, its `from` does not), read with one changelog bulk fetch per 1,000
 * issues (POST /rest/api/3/changelog/bulkfetch). An item with no such change was in the sprint since
 * it was created, so its creation time is when it entered.
 */
import type { JiraIssue, JiraPort } from '../../ports/jira';

/** Jira writes times as ISO strings (REST) or epoch milliseconds (some bulk answers). */
function msOf(raw: unknown): number | null {
  const ms = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

const idsOf = (raw: string | null | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

export async function sprintEntryTimes(
  jira: JiraPort,
  issues: readonly JiraIssue[],
  sprintId: number,
): Promise<Map<string, string>> {
  if (issues.length === 0) return new Map();
  const wanted = String(sprintId);
  const entered = new Map<string, number>();
  for (const issue of issues) {
    const created = msOf(issue.fields.created);
    if (created !== null) entered.set(issue.id, created);
  }
  // Every field's history: the Sprint field's id differs between sites, its name does not.
  for (const log of await jira.changelogs(
    issues.map((i) => i.id),
    [],
  )) {
    for (const history of log.changeHistories) {
      const added = history.items.some(
        (item) =>
          item.field?.toLowerCase() === 'sprint' &&
          idsOf(item.to).includes(wanted) &&
          !idsOf(item.from).includes(wanted),
      );
      const at = msOf(history.created);
      const known = entered.get(log.issueId);
      if (added && at !== null && (known === undefined || at > known)) entered.set(log.issueId, at);
    }
  }
  return new Map(
    issues.flatMap((i) => {
      const at = entered.get(i.id);
      return at === undefined ? [] : [[i.key, new Date(at).toISOString()] as const];
    }),
  );
}
