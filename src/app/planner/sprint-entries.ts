/**
 * Which items of an active sprint were added after its start, and when each entered, for
 * PRODUCT.md §2 ("items added mid-sprint are counted against the buffer"). Decided by the domain's
 * one definition (domain/metrics/sprint-membership.ts, the one the project page replays): not in
 * the sprint at its start, in it now. The Sprint changes come from one changelog bulk fetch per
 * 1,000 issues (POST /rest/api/3/changelog/bulkfetch) of every field — the Sprint field's id
 * differs between sites, its name does not. An item created after the start entered at creation.
 */
import { sprintPart, type FieldChange } from '../../domain/metrics/sprint-membership';
import type { JiraIssue, JiraPort } from '../../ports/jira';

/** Jira writes times as ISO strings (REST) or epoch milliseconds (some bulk answers). */
function msOf(raw: unknown): number {
  return typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
}

export async function sprintEntryTimes(
  jira: JiraPort,
  issues: readonly JiraIssue[],
  sprint: { readonly id: number; readonly startedAt: string },
  now: Date,
): Promise<Map<string, string>> {
  if (issues.length === 0) return new Map();
  const changes = new Map<string, FieldChange[]>();
  for (const log of await jira.changelogs(
    issues.map((i) => i.id),
    [],
  )) {
    const list = changes.get(log.issueId) ?? [];
    for (const history of log.changeHistories) {
      const at = msOf(history.created);
      if (Number.isNaN(at)) continue;
      for (const item of history.items) {
        if (item.field?.toLowerCase() === 'sprint')
          list.push({ at, from: item.from ?? null, to: item.to ?? null });
      }
    }
    changes.set(log.issueId, list);
  }
  const window = {
    id: String(sprint.id),
    startedAt: msOf(sprint.startedAt),
    endsAt: now.getTime(),
  };
  return new Map(
    issues.flatMap((issue) => {
      const part = sprintPart(
        {
          createdAt: msOf(issue.fields.created),
          sprintChanges: (changes.get(issue.id) ?? []).sort((a, b) => a.at - b.at),
          // Status does not decide whether an item was added; the sprint search says it is in now.
          statusChanges: [],
          sprintsNow: new Set([window.id]),
          doneNow: false,
          isDoneStatus: () => false,
        },
        window,
      );
      return part?.addedAt === null || part === null
        ? []
        : [[issue.key, new Date(part.addedAt).toISOString()] as const];
    }),
  );
}
