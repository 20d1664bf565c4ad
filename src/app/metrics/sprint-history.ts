/**
 * The board's recent sprints and each issue's part in them, as the metric records of
 * src/domain/metrics/records.ts, rebuilt from Jira's own history:
 * each issue's Sprint and status changes are replayed by the domain's one definition of
 * committed / added after start / removed / completed (domain/metrics/sprint-membership.ts), and
 * sized in the capacity policy's basis. The sprint planner reads its velocity through this too.
 * Jira calls: the sprints of the board, the site's fields (to find the Sprint field), one search
 * over the chosen sprints (with each issue's Sprint field and the Ballast property for the work
 * type), and the status and Sprint changelogs in bulk.
 */
import type { CapacityBasis } from '../../domain/capacity';
import type { ChangeRecord, SprintItemRecord, SprintRecord } from '../../domain/metrics';
import { sprintPart, type FieldChange } from '../../domain/metrics/sprint-membership';
import { classify, type ClassificationRule, type WorkTypeOrUnclassified } from '../../domain/work';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { BALLAST_PROPERTY_KEY, manualTypeOf, readBallastProperty } from '../issue/ballast-property';
import { sizeInBasis, toClassifiable } from '../issue/issue-facts';
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
  /** The capacity policy's basis: every size is in it (issue-facts.ts `sizeInBasis`). */
  readonly basis: CapacityBasis;
  readonly rules: readonly ClassificationRule[];
  /** How many closed sprints to read (most recent). */
  readonly closedSprints: number;
  /** Whether to read the active sprint too (the planner's velocity needs only closed ones). */
  readonly withActive?: boolean;
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
  'timeoriginalestimate',
  'issuetype',
  'labels',
  'components',
  'status',
  'created',
  'resolutiondate',
  'parent',
  'project',
];

const ms = (value: string | number | undefined | null): number =>
  typeof value === 'number' ? value : value ? Date.parse(value) : Number.NaN;

function changesOf(
  log: Changelog | undefined,
  pick: (field: string, fieldId: string) => boolean,
): FieldChange[] {
  const out: FieldChange[] = [];
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
  const active = input.withActive === false ? [] : listed.filter((s) => s.state === 'active');
  const chosen = [...closed, ...active];
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
    const history = {
      createdAt: ms(issue.fields.created),
      sprintChanges: changesOf(log, (field) => field.toLowerCase() === 'sprint'),
      statusChanges: changesOf(log, (_field, fieldId) => fieldId === 'status'),
      sprintsNow: membership.get(issue.id) ?? new Set<string>(),
      doneNow: issue.fields.status?.statusCategory?.key === 'done',
      isDoneStatus: (id: string) => doneStatus.get(id) ?? false,
    };
    const type = workTypeOf(issue, input.rules);
    const size = sizeInBasis(issue, input.basis, input.estimationFieldId);
    for (const sprint of chosen) {
      const id = String(sprint.id);
      const part = sprintPart(history, {
        id,
        startedAt: ms(sprint.startDate),
        endsAt: sprint.state === 'closed' ? ms(sprint.completeDate) : now,
      });
      if (part === null) continue;
      items.push({
        issueKey: issue.key,
        sprintId: id,
        workType: type,
        points: size,
        committed: part.committed,
        addedAfterStart: part.addedAfterStart,
        removedAfterStart: part.removedAfterStart,
        completed: part.completed,
        // PRODUCT.md §2: items added mid-sprint are counted against the buffer.
        unplanned: part.addedAfterStart,
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
