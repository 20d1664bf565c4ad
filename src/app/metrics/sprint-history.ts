/**
 * The board's recent sprints and each issue's part in them, as the metric records of
 * src/domain/metrics/records.ts, rebuilt from Jira's own history:
 * each issue's Sprint and status changes are replayed by the domain's one definition of
 * committed / added after start / removed / completed (domain/metrics/sprint-membership.ts), and
 * sized in the capacity policy's basis. The sprint planner reads its velocity through this too.
 * Each item is sized at the sprint's start and at its end from the changelog of the basis's
 * estimation field (domain/metrics/estimate-history.ts): committed work counts the estimate it had
 * when the sprint started, completed work the estimate when it ended.
 * Jira calls (sprint-issues.ts, each step's calls at once): the sprints of the board and the
 * site's fields (to find the Sprint field); the ids of the chosen sprints' issues — and, with the
 * project known, of the project's issues updated since the earliest start, so work removed from a
 * sprint is found though its Sprint field no longer names the sprint; the fields of the sprints'
 * issues (with each one's Sprint field and the Ballast property for the work type, bulk fetches of
 * 100) and the status, Sprint and estimate changelogs (POST /rest/api/3/changelog/bulkfetch: 1,000
 * issues and up to 10 field ids a request); last, the fields of the updated issues whose Sprint
 * history names one of the sprints.
 */
import type { CapacityBasis } from '../../domain/capacity';
import type { ChangeRecord, SprintItemRecord, SprintRecord } from '../../domain/metrics';
import { estimateAt } from '../../domain/metrics/estimate-history';
import type { DodStanding } from '../../domain/metrics/sprint-review';
import { sprintPart, type FieldChange } from '../../domain/metrics/sprint-membership';
import { classify, type ClassificationRule, type WorkTypeOrUnclassified } from '../../domain/work';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { BALLAST_PROPERTY_KEY, manualTypeOf, readBallastProperty } from '../issue/ballast-property';
import { sizeInBasis, toClassifiable } from '../issue/issue-facts';
import { findSprintField } from './sprint-field';
import { readSprintIssues, type Changelog, type SprintIssues } from './sprint-issues';

export interface SprintHistory {
  readonly sprints: SprintRecord[];
  readonly items: SprintItemRecord[];
  /** The sprints' issues for lead time (created → resolved until deployments are pushed). */
  readonly changes: ChangeRecord[];
  /**
   * Each sprint issue's Definition of Done as its `ballast` property's derived values say now
   * (src/app/issue/ballast-property.ts: `dodComplete`, `dodClosedBeforeBallast`), for the review.
   */
  readonly dod?: ReadonlyMap<string, DodStanding>;
}

/** The stored, JQL-indexed DoD values read as one standing (domain/dod/indexed-summary.ts wrote them). */
export function dodStandingOf(issue: JiraIssue): DodStanding {
  const stored = issue.properties?.[BALLAST_PROPERTY_KEY];
  const read = readBallastProperty(stored);
  // No property yet (or an unreadable one) reads as empty with dodComplete 0: not evaluated, not a failure.
  if (stored === undefined || stored === null || read.problem !== undefined) return 'not-evaluated';
  const property = read.property;
  if (property.dodClosedBeforeBallast === 1) return 'closed-before-ballast';
  if (property.dodComplete === 1) return 'complete';
  if (property.dodComplete === 0) return 'open';
  return 'not-evaluated';
}

export interface SprintHistoryInput {
  readonly boardId: number;
  /**
   * The board's estimation field; it may still be on its way (the planner reads the board
   * configuration while the sprints are listed).
   */
  readonly estimationFieldId: string | null | PromiseLike<string | null>;
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

/**
 * Most issues read to find work taken out of the sprints (the project's most recently updated
 * since the earliest start): one page of ids (5,000, Jira's largest); an item removed and then untouched
 * while 5,000 others changed is missed, and counts as never committed.
 */
export const REMOVED_CANDIDATES = 5_000;

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

/** The value id when Jira wrote one, else its text (a number field leaves the id empty or out). */
const idOrText = (id: string | null | undefined, text: string | null | undefined): string | null =>
  id !== null && id !== undefined && id.trim() !== '' ? id : (text ?? null);

function changesOf(
  log: Changelog | undefined,
  pick: (field: string, fieldId: string) => boolean,
  /** Read the display strings when the ids are empty (number fields: estimate-history.ts). */
  orString = false,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const history of log?.changeHistories ?? []) {
    const at = ms(history.created);
    if (Number.isNaN(at)) continue;
    for (const item of history.items) {
      if (pick(item.field ?? '', item.fieldId ?? '')) {
        out.push({
          at,
          from: orString ? idOrText(item.from, item.fromString) : (item.from ?? null),
          to: orString ? idOrText(item.to, item.toString) : (item.to ?? null),
        });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The field whose changelog holds the item's size in the basis (issue-facts.ts `sizeInBasis`):
 * none for issue count, the original estimate, or the board's estimation field.
 */
function estimateFieldOf(basis: CapacityBasis, estimationFieldId: string | null): string | null {
  if (basis === 'issueCount') return null;
  return basis === 'originalEstimate' || estimationFieldId === null
    ? 'timeoriginalestimate'
    : estimationFieldId;
}

/** A JQL date a day before the instant: `updated >=` over-reaches by a day whatever the site's zone. */
const jqlDayBefore = (at: number): string => new Date(at - 86_400_000).toISOString().slice(0, 10);

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

/**
 * Without a Sprint field to read membership from (no Jira Software), the search of each sprint
 * tells it: the sprints at once, then every history.
 */
async function readBySprint(
  jira: JiraPort,
  chosen: readonly { id: number }[],
  fields: readonly string[],
  projectKey: string | undefined,
): Promise<SprintIssues> {
  const found = await Promise.all(
    chosen.map((sprint) =>
      jira.searchAll(`sprint = ${sprint.id} ORDER BY key ASC`, {
        fields,
        properties: [BALLAST_PROPERTY_KEY],
        limit: SEARCH_LIMIT,
        expectMany: true,
      }),
    ),
  );
  const issues = new Map<string, JiraIssue>();
  const membership = new Map<string, Set<string>>();
  chosen.forEach((sprint, index) => {
    for (const issue of found[index] ?? []) {
      if (projectKey !== undefined && issue.fields.project?.key !== projectKey) continue;
      issues.set(issue.id, issue);
      membership.set(issue.id, (membership.get(issue.id) ?? new Set()).add(String(sprint.id)));
    }
  });
  const logs = new Map(
    (await jira.changelogs([...issues.keys()], [])).map((log) => [log.issueId, log] as const),
  );
  // Status categories by status id, learnt from the statuses the issues are in now.
  const categoryOf = new Map<string, string>();
  for (const issue of issues.values()) {
    const status = issue.fields.status;
    if (status?.id && status.statusCategory) categoryOf.set(status.id, status.statusCategory.key);
  }
  return { issues, membership, logs, categoryOf };
}

export async function readSprintHistory(
  jira: JiraPort,
  input: SprintHistoryInput,
): Promise<SprintHistory> {
  // The site's Sprint field does not depend on the sprints: both at once (a board with no sprint
  // to read costs the field lookup for nothing, every other one a call's wait less).
  const [listed, sprintField, estimationFieldId] = await Promise.all([
    jira.listSprints(input.boardId, ['closed', 'active']),
    findSprintField(jira),
    input.estimationFieldId,
  ]);
  const closed = listed
    .filter((s) => s.state === 'closed' && s.completeDate)
    .sort((a, b) => ms(a.completeDate) - ms(b.completeDate) || a.id - b.id)
    // slice(-0) would keep them all.
    .slice(input.closedSprints > 0 ? -input.closedSprints : listed.length);
  const active = input.withActive === false ? [] : listed.filter((s) => s.state === 'active');
  const chosen = [...closed, ...active];
  const fields = estimationFieldId ? [...FIELDS, estimationFieldId] : FIELDS;

  const estimateField = estimateFieldOf(input.basis, estimationFieldId);
  const starts = chosen.map((s) => ms(s.startDate)).filter((at) => !Number.isNaN(at));
  const read: SprintIssues =
    chosen.length === 0
      ? { issues: new Map(), membership: new Map(), logs: new Map(), categoryOf: new Map() }
      : sprintField !== null
        ? await readSprintIssues(jira, {
            sprintIds: new Set(chosen.map((s) => String(s.id))),
            sprintField,
            fields,
            // Only the status, Sprint and estimate histories are replayed: asking for just those
            // keeps the pages few.
            logFields: ['status', sprintField, ...(estimateField === null ? [] : [estimateField])],
            limit: SEARCH_LIMIT,
            // Work taken out of a sprint no longer has it in its Sprint field (JQL `sprint in`
            // matches the field as it is now), so the project's issues changed since the earliest
            // start are looked at too, the most recently updated first and at most
            // REMOVED_CANDIDATES of them (a taken-out item was updated when it left); the Sprint
            // changelog decides which of them were in a sprint (sprint-membership.ts). Truncated:
            // a busy project never fails the page.
            ...(input.projectKey !== undefined && starts.length > 0
              ? {
                  changedSince: {
                    projectKey: input.projectKey,
                    date: jqlDayBefore(Math.min(...starts)),
                    candidates: REMOVED_CANDIDATES,
                  },
                }
              : {}),
            ...(input.projectKey === undefined ? {} : { projectKey: input.projectKey }),
          })
        : await readBySprint(jira, chosen, fields, input.projectKey);
  const { issues, membership, logs, categoryOf } = read;
  const doneStatus = new Map([...categoryOf].map(([id, key]) => [id, key === 'done'] as const));

  const now = input.now.getTime();
  const items: SprintItemRecord[] = [];
  // Issues the project search read that were in none of the sprints stay out of every figure.
  const withPart = new Set<string>();
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
    const size = sizeInBasis(issue, input.basis, estimationFieldId);
    const estimateChanges =
      estimateField === null
        ? []
        : changesOf(log, (_field, fieldId) => fieldId === estimateField, true);
    // Issue count is 1 whatever the estimate; otherwise the estimate replayed at the instant.
    const sizeAt = (at: number): number | null =>
      estimateField === null ? size : estimateAt(estimateChanges, at, size);
    for (const sprint of chosen) {
      const id = String(sprint.id);
      const window = {
        id,
        startedAt: ms(sprint.startDate),
        endsAt: sprint.state === 'closed' ? ms(sprint.completeDate) : now,
      };
      const part = sprintPart(history, window);
      if (part === null) continue;
      const atEnd = sizeAt(window.endsAt);
      const atStart = sizeAt(window.startedAt);
      withPart.add(issue.id);
      items.push({
        issueKey: issue.key,
        sprintId: id,
        workType: type,
        points: atEnd,
        ...(part.committed && atStart !== atEnd ? { pointsAtStart: atStart } : {}),
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
  const changes: ChangeRecord[] = [...issues.values()]
    .filter((issue) => withPart.has(issue.id))
    .map((issue) => {
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
  const dod = new Map(
    [...issues.values()]
      .filter((issue) => withPart.has(issue.id))
      .map((issue) => [issue.key, dodStandingOf(issue)] as const),
  );
  return { sprints, items, changes, dod };
}
