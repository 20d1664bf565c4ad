/**
 * The board's recent sprints and each issue's part in them, as the metric records of
 * src/domain/metrics/records.ts, rebuilt from Jira's own history:
 * - membership at a moment = the issue's Sprint field then, replayed from its changelog (the
 *   `Sprint` change items carry the sprint ids before and after);
 * - committed = in the sprint when it started; added after start = joined later;
 * - completed = in a Done-category status when the sprint closed (for the active sprint: now),
 *   replayed from the `status` changes.
 * Jira calls: the sprints of the board, the site's fields (to find the Sprint field), one search
 * over the chosen sprints (with each issue's Sprint field and the Ballast property for the work
 * type), and the status and Sprint changelogs in bulk.
 */
import type { ChangeRecord, SprintItemRecord, SprintRecord } from '../../domain/metrics';
import { classify, type ClassificationRule, type WorkTypeOrUnclassified } from '../../domain/work';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { BALLAST_PROPERTY_KEY, manualTypeOf, readBallastProperty } from '../issue/ballast-property';
import { estimateOf, toClassifiable } from '../issue/issue-facts';
import { findSprintField, sprintIdsOf } from './sprint-field';

type Changelog = Awaited<ReturnType<JiraPort['changelogs']>>[number];

export interface SprintHistory {
  readonly sprints: SprintRecord[];
  readonly items: SprintItemRecord[];
  /** The sprints' issues for lead time (created → resolved until deployments are pushed). */
  readonly changes: ChangeRecord[];
}

export interface SprintHistoryInput {
  readonly boardId: number;
  readonly estimationFieldId: string | null;
  readonly rules: readonly ClassificationRule[];
  /** How many closed sprints to read (most recent). */
  readonly closedSprints: number;
  readonly now: Date;
  /**
   * The page's project: a board's filter may take in other projects' issues, which this project's
   * members may not be allowed to see; their work is left out of the figures (issue #19). Absent,
   * every issue of the sprints counts.
   */
  readonly projectKey?: string;
}

/**
 * Most issues one recompute reads from its sprints: 8 closed sprints and the active one of even a
 * large team stay far below it, and 20,000 issues with these fields take ~150 MB of heap at most,
 * inside Forge's 512 MB (bench/RESULTS.md, "Project page at scale").
 */
export const SEARCH_LIMIT = 20_000;

const FIELDS = [
  'summary',
  'issuetype',
  'labels',
  'components',
  'status',
  'created',
  'resolutiondate',
  'parent',
  'project',
];

/** Sprint ids in a Sprint change value ("1, 2" or "1,2"). */
const sprintIds = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

const ms = (value: string | number | undefined | null): number =>
  typeof value === 'number' ? value : value ? Date.parse(value) : Number.NaN;

interface Change {
  at: number;
  from: string | null;
  to: string | null;
}

/** The value of a field at `at`, from its changes (oldest first) and its current value. */
function valueAt<T>(
  changes: readonly Change[],
  at: number,
  current: T,
  read: (raw: string | null) => T,
): T {
  let last: Change | undefined;
  for (const change of changes) {
    if (change.at <= at) last = change;
    else return last ? read(last.to) : read(change.from);
  }
  return last ? read(last.to) : current;
}

function changesOf(
  log: Changelog | undefined,
  pick: (field: string, fieldId: string) => boolean,
): Change[] {
  const out: Change[] = [];
  for (const history of log?.changeHistories ?? []) {
    const at = ms(history.created);
    if (Number.isNaN(at)) continue;
    for (const item of history.items) {
      if (pick(item.field ?? '', item.fieldId ?? '')) {
        out.push({ at, from: item.from ?? null, to: item.to ?? null });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

function workTypeOf(
  issue: JiraIssue,
  rules: readonly ClassificationRule[],
): WorkTypeOrUnclassified {
  const property = readBallastProperty(issue.properties?.[BALLAST_PROPERTY_KEY]).property;
  const type = classify(toClassifiable(issue, manualTypeOf(property)), rules).type;
  // An item that inherited its type from its parent keeps it (the trigger stored it).
  return type === 'unclassified' && property.workTypeSource.kind === 'parent'
    ? property.workType
    : type;
}

export async function readSprintHistory(
  jira: JiraPort,
  input: SprintHistoryInput,
): Promise<SprintHistory> {
  const listed = await jira.listSprints(input.boardId, ['closed', 'active']);
  const closed = listed
    .filter((s) => s.state === 'closed' && s.completeDate)
    .sort((a, b) => ms(a.completeDate) - ms(b.completeDate) || a.id - b.id)
    .slice(-input.closedSprints);
  const chosen = [...closed, ...listed.filter((s) => s.state === 'active')];
  const fields = input.estimationFieldId ? [...FIELDS, input.estimationFieldId] : FIELDS;

  const issues = new Map<string, JiraIssue>();
  const membership = new Map<string, Set<string>>(); // issue id → sprints its Sprint field holds now
  const remember = (issue: JiraIssue, sprintIdsNow: readonly string[]) => {
    if (input.projectKey !== undefined && issue.fields.project?.key !== input.projectKey) return;
    issues.set(issue.id, issue);
    const set = membership.get(issue.id) ?? new Set<string>();
    for (const id of sprintIdsNow) set.add(id);
    membership.set(issue.id, set);
  };
  const sprintField = chosen.length === 0 ? null : await findSprintField(jira);
  if (sprintField !== null) {
    // One search over all the sprints: an issue carried over is read once, and only the last page
    // is partial (one search per sprint read carry-overs again and left a partial page per sprint).
    const chosenIds = new Set(chosen.map((s) => String(s.id)));
    const found = await jira.searchAll(
      `sprint in (${[...chosenIds].join(', ')}) ORDER BY key ASC`,
      { fields: [...fields, sprintField], properties: [BALLAST_PROPERTY_KEY], limit: SEARCH_LIMIT },
    );
    for (const issue of found) {
      remember(
        issue,
        sprintIdsOf(issue, sprintField).filter((id) => chosenIds.has(id)),
      );
    }
  } else {
    // No Sprint field to read membership from: the search of each sprint tells it.
    for (const sprint of chosen) {
      const found = await jira.searchAll(`sprint = ${sprint.id} ORDER BY key ASC`, {
        fields,
        properties: [BALLAST_PROPERTY_KEY],
        limit: SEARCH_LIMIT,
      });
      for (const issue of found) remember(issue, [String(sprint.id)]);
    }
  }
  // Only the status and Sprint histories are replayed: asking for just those keeps the pages few.
  const logs = new Map(
    (
      await jira.changelogs([...issues.keys()], sprintField === null ? [] : ['status', sprintField])
    ).map((log) => [log.issueId, log] as const),
  );
  // Status categories by status id, learnt from the statuses the issues are in now.
  const categoryOf = new Map<string, string>();
  for (const issue of issues.values()) {
    const status = issue.fields.status;
    if (status?.id && status.statusCategory) categoryOf.set(status.id, status.statusCategory.key);
  }
  const doneStatus = new Map([...categoryOf].map(([id, key]) => [id, key === 'done'] as const));

  const now = input.now.getTime();
  const items: SprintItemRecord[] = [];
  for (const issue of issues.values()) {
    const log = logs.get(issue.id);
    const sprintChanges = changesOf(log, (field) => field.toLowerCase() === 'sprint');
    const statusChanges = changesOf(log, (_field, fieldId) => fieldId === 'status');
    const created = ms(issue.fields.created);
    const currentSprints = membership.get(issue.id) ?? new Set<string>();
    const sprintsAt = (at: number): Set<string> =>
      !Number.isNaN(created) && at < created
        ? new Set()
        : valueAt(sprintChanges, at, currentSprints, (raw) => new Set(sprintIds(raw)));
    const doneAt = (at: number): boolean =>
      valueAt(statusChanges, at, issue.fields.status?.statusCategory?.key === 'done', (raw) =>
        raw === null ? false : (doneStatus.get(raw) ?? false),
      );
    const type = workTypeOf(issue, input.rules);
    const points = estimateOf(issue, input.estimationFieldId);
    for (const sprint of chosen) {
      const id = String(sprint.id);
      const start = ms(sprint.startDate);
      const end = sprint.state === 'closed' ? ms(sprint.completeDate) : now;
      const joinedLater = sprintChanges.some(
        (c) =>
          c.at > start &&
          c.at <= end &&
          sprintIds(c.to).includes(id) &&
          !sprintIds(c.from).includes(id),
      );
      const committed = sprintsAt(start).has(id);
      const inAtEnd = sprintsAt(end).has(id);
      if (!committed && !joinedLater && !inAtEnd) continue;
      const addedAfterStart = !committed;
      items.push({
        issueKey: issue.key,
        sprintId: id,
        workType: type,
        points,
        committed,
        addedAfterStart,
        removedAfterStart: !inAtEnd,
        completed: inAtEnd && doneAt(end),
        // PRODUCT.md §2: items added mid-sprint are counted against the buffer.
        unplanned: addedAfterStart,
      });
    }
  }
  const sprints: SprintRecord[] = chosen.map((sprint) => ({
    id: String(sprint.id),
    name: sprint.name,
    state: sprint.state,
    startedAt: sprint.startDate ?? null,
    completedAt: sprint.state === 'closed' ? (sprint.completeDate ?? null) : null,
    // Filled in from the policy and the earlier sprints' velocity (sprint-capacity.ts).
    capacity: null,
    bufferShare: null,
  }));
  const changes: ChangeRecord[] = [...issues.values()].map((issue) => {
    // The first sign of work: the first move into an In Progress (or straight to a Done) status.
    const started = changesOf(logs.get(issue.id), (_field, fieldId) => fieldId === 'status').find(
      (change) =>
        change.to !== null && ['indeterminate', 'done'].includes(categoryOf.get(change.to) ?? ''),
    );
    return {
      issueKey: issue.key,
      createdAt: issue.fields.created ?? '',
      resolvedAt: issue.fields.resolutiondate ?? null,
      firstInProgressAt: started ? new Date(started.at).toISOString() : null,
      firstCommitAt: null,
    };
  });
  return { sprints, items, changes };
}
