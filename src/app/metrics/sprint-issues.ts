/**
 * The issues a sprint history replays, read so that the wait is a few rounds of calls, not one
 * call per 100 issues in a row (issue #21):
 *
 * 1. at once, the ids of the issues in the chosen sprints now (`sprint in (…)`) and of the
 *    project's issues updated since the earliest start (work taken out of a sprint no longer
 *    names it in its Sprint field), 5,000 ids a page;
 * 2. at once, the fields of the sprints' issues (bulk fetch, 100 a call) and the Sprint, status
 *    and estimate changelogs of all of them (1,000 issues a call);
 * 3. only for the updated issues whose Sprint changelog names one of the sprints, their fields —
 *    the others were in none of the sprints (domain/metrics/sprint-membership.ts `sprintPart`
 *    gives them no part), so their fields would not change a figure.
 *
 * One thing the other updated issues did tell: the category of the status each is in now, which
 * is how the replay knows whether a status id is a Done one. When a status the histories name is
 * not one any issue read is in, their statuses are read too, so a figure is what it was when
 * every updated issue was read whole.
 */
import { sprintIdsIn } from '../../domain/metrics/sprint-membership';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { BALLAST_PROPERTY_KEY } from '../issue/ballast-property';
import { sprintIdsOf } from './sprint-field';

export type Changelog = Awaited<ReturnType<JiraPort['changelogs']>>[number];

export interface SprintIssuesRequest {
  /** The chosen sprints' ids, as strings (the changelog's form). */
  readonly sprintIds: ReadonlySet<string>;
  readonly sprintField: string;
  /** The issue fields the replay reads (the Sprint field is added). */
  readonly fields: readonly string[];
  /** The changelog fields replayed: status, the Sprint field and the estimate's. */
  readonly logFields: readonly string[];
  /** Most issues read from the sprints; more is a SearchLimitError. */
  readonly limit: number;
  /** The project's issues updated since this JQL date, the newest `candidates`, when given. */
  readonly changedSince?: {
    readonly projectKey: string;
    readonly date: string;
    readonly candidates: number;
  };
  /** Only this project's issues count (a board's filter may span projects). */
  readonly projectKey?: string;
}

export interface SprintIssues {
  /** The issues with a possible part, the sprints' first (by key), then the updated ones. */
  readonly issues: ReadonlyMap<string, JiraIssue>;
  /** Issue id → the chosen sprints its Sprint field holds now. */
  readonly membership: ReadonlyMap<string, ReadonlySet<string>>;
  /** Issue id → its changelog (issues without one are missing). */
  readonly logs: ReadonlyMap<string, Changelog>;
  /** Status id → category key, from the statuses the issues read are in now. */
  readonly categoryOf: ReadonlyMap<string, string>;
}

const isSprintItem = (field: string | undefined): boolean =>
  (field ?? '').toLowerCase() === 'sprint';

/** Whether the issue's Sprint changelog puts it into, or takes it out of, one of the sprints. */
function namesASprint(log: Changelog | undefined, sprintIds: ReadonlySet<string>): boolean {
  return (log?.changeHistories ?? []).some((history) =>
    history.items.some(
      (item) =>
        isSprintItem(item.field) &&
        [...sprintIdsIn(item.from), ...sprintIdsIn(item.to)].some((id) => sprintIds.has(id)),
    ),
  );
}

function learnCategories(into: Map<string, string>, issues: Iterable<JiraIssue>): void {
  for (const issue of issues) {
    const status = issue.fields.status;
    if (status?.id && status.statusCategory) into.set(status.id, status.statusCategory.key);
  }
}

/** Status ids the issues' status changes name (from and to). */
function namedStatuses(logs: Iterable<Changelog>): Set<string> {
  const named = new Set<string>();
  for (const log of logs)
    for (const history of log.changeHistories)
      for (const item of history.items)
        if (item.fieldId === 'status') for (const id of [item.from, item.to]) if (id) named.add(id);
  return named;
}

export async function readSprintIssues(
  jira: JiraPort,
  request: SprintIssuesRequest,
): Promise<SprintIssues> {
  const { sprintIds, sprintField, changedSince } = request;
  const withFields = {
    fields: [...request.fields, sprintField],
    properties: [BALLAST_PROPERTY_KEY],
  };
  const [inSprints, updated] = await Promise.all([
    jira.searchIds(`sprint in (${[...sprintIds].join(', ')}) ORDER BY key ASC`, {
      limit: request.limit,
    }),
    changedSince === undefined
      ? Promise.resolve([])
      : jira.searchIds(
          `project = "${changedSince.projectKey}" AND updated >= "${changedSince.date}" ORDER BY updated DESC`,
          { limit: changedSince.candidates, truncate: true },
        ),
  ]);
  const inSprint = new Set(inSprints);
  const others = updated.filter((id) => !inSprint.has(id));
  const [found, logList] = await Promise.all([
    jira.getIssues(inSprints, withFields),
    jira.changelogs([...inSprints, ...others], request.logFields),
  ]);
  const logs = new Map(logList.map((log) => [log.issueId, log] as const));
  const named = others.filter((id) => namesASprint(logs.get(id), sprintIds));
  const movedOut = named.length === 0 ? [] : await jira.getIssues(named, withFields);

  const ours = (issue: JiraIssue) =>
    request.projectKey === undefined || issue.fields.project?.key === request.projectKey;
  const issues = new Map<string, JiraIssue>();
  const membership = new Map<string, ReadonlySet<string>>();
  for (const issue of [...found, ...movedOut].filter(ours)) {
    issues.set(issue.id, issue);
    membership.set(
      issue.id,
      new Set(sprintIdsOf(issue, sprintField).filter((id) => sprintIds.has(id))),
    );
  }
  const ownLogs = new Map([...logs].filter(([id]) => issues.has(id)));
  const categoryOf = new Map<string, string>();
  learnCategories(categoryOf, issues.values());
  const unknown = [...namedStatuses(ownLogs.values())].some((id) => !categoryOf.has(id));
  if (unknown) {
    const rest = others.filter((id) => !issues.has(id));
    const statuses =
      rest.length === 0 ? [] : await jira.getIssues(rest, { fields: ['status', 'project'] });
    learnCategories(categoryOf, statuses.filter(ours));
  }
  return { issues, membership, logs: ownLogs, categoryOf };
}
