/**
 * Retrospective actions (issue #23): the project's items carrying the `retroActionLabel` setting's
 * label (default `retro-action`), each with where it stood at the close of every reviewed sprint
 * (domain/metrics/sprint-review.ts `statesSprintOverSprint`: created, resolved — Jira's
 * `created` and `resolutiondate` fields). One search, the newest RETRO_ACTIONS_KEPT first, so
 * the snapshot stays small however long the team has kept the habit.
 */
import type { RetroActions } from '../../contract/sprint-review';
import { statesSprintOverSprint, type SprintSpan } from '../../domain/metrics/sprint-review';
import { SearchLimitError, type JiraPort } from '../../ports/jira';
import { jqlString } from './postmortem-history';

/** Labelled items kept in the snapshot: a review table of more stops being read. */
export const RETRO_ACTIONS_KEPT = 100;

export function retroActionJql(projectKey: string, label: string): string {
  return `project = ${projectKey} AND labels = ${jqlString(label)} ORDER BY created DESC`;
}

export async function readRetroActions(
  jira: JiraPort,
  input: {
    readonly projectKey: string;
    readonly label: string;
    readonly sprints: readonly (SprintSpan & {
      readonly sprintId: string;
      readonly name: string;
    })[];
  },
): Promise<RetroActions> {
  const sprints = input.sprints.map(({ sprintId, name }) => ({ sprintId, name }));
  const base = { label: input.label, sprints };
  let found;
  try {
    found = await jira.searchAll(retroActionJql(input.projectKey, input.label), {
      fields: ['summary', 'status', 'created', 'resolutiondate', 'project'],
      limit: RETRO_ACTIONS_KEPT + 1,
      truncate: true,
    });
  } catch (error: unknown) {
    const code =
      typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (!(error instanceof SearchLimitError) && code !== 'BAD_REQUEST') throw error;
    return {
      ...base,
      reason: `Jira refused the search for items labelled “${input.label}”: check the retrospective action label in Project settings → Ballast.`,
      actions: [],
      truncated: false,
    };
  }
  const own = found.filter(
    (issue) => issue.fields.project?.key === input.projectKey && issue.fields.created,
  );
  const kept = own.slice(0, RETRO_ACTIONS_KEPT);
  return {
    ...base,
    reason: null,
    truncated: own.length > RETRO_ACTIONS_KEPT,
    // Oldest first on the page, as the sprints run.
    actions: kept.reverse().map((issue) => {
      const item = {
        createdAt: issue.fields.created!,
        resolvedAt: issue.fields.resolutiondate ?? null,
      };
      return {
        key: issue.key,
        summary: issue.fields.summary ?? '',
        status: issue.fields.status?.name ?? '',
        ...item,
        states: statesSprintOverSprint(item, input.sprints),
      };
    }),
  };
}
