/**
 * One read of everything a sprint's plan depends on: the project's configuration, the board's
 * estimation and rank fields, the sprint, its items, the velocity of closed sprints and — when a
 * proposal is wanted — the ranked backlog. Jira calls: the board configuration, the sprint, the
 * ids of its items and of the backlog (at most BACKLOG_CANDIDATES; 5,000 a page) and their fields
 * (bulk fetches of 100), the changelogs of an active sprint's items, the history of the closed
 * sprints (for velocity) and of the active sprint (for its scope change) — the sprints, the site's
 * fields, the ids, fields and changelogs of their issues and of the project's updated ones:
 * metrics/sprint-history.ts. Only the fields wait for the board configuration; everything else
 * goes out at once, and the bulk fetches run several at a time (adapters/forge/jira/in-flight.ts).
 *
 * Jira's search is eventually consistent: the sprint and backlog searches reconcile the issues a
 * Ballast rebalance or undo of this sprint moved in the last minutes (undo-log.ts `movedIds`), so
 * the view right after a move shows it. Moves made by hand elsewhere show once Jira has indexed them.
 */
import type { ClosedSprintVelocity, SprintItem, SprintPlanInput } from '../../domain/capacity';
import type { GateStatement } from '../../contract/gate';
import { gateInForce, type ProjectGate } from '../../domain/gate';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraIssue, JiraPort, JiraSprint } from '../../ports/jira';
import type { Clock } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import { BALLAST_PROPERTY_KEY } from '../issue/ballast-property';
import { issueFields } from '../issue/issue-facts';
import { closedSprintVelocity } from '../metrics/sprint-capacity';
import { readSprintHistory, type SprintHistory } from '../metrics/sprint-history';
import type { LastClosedSprintView } from '../../contract/planner';
import { predictability, scopeChange } from '../../domain/metrics';
import type { ScopeChangeView } from '../../contract/project-page';
import { scopeChangeView } from '../metrics/scope-change-view';
import {
  addedAndCompleted,
  committedAndCompleted,
  committedWork,
} from '../../domain/metrics/sprint-figures';
import type { ProjectConfig } from '../project/project-config';
import { loadProjectConfig } from '../project/project-config-repository';
import { loadProjectGate } from '../slo/project-gate-status';
import { loadCommitment } from '../sprint/sprint-commitment';
import { sprintEntryTimes } from './sprint-entries';
import { issueDetails, toSprintItem, type BoardFields, type IssueDetails } from './sprint-items';
import { recentlyMoved } from './moved-issues';
import { readUndo, type UndoEntry } from './undo-log';

/**
 * How many backlog items a proposal may draw from, highest rank first: one page of ids (Jira's
 * largest, 5,000) and 50 bulk fetches of 100, ten at a time (adapters/forge/jira/in-flight.ts) —
 * about 5 rounds of calls, inside a resolver's 25 s next to the sprint's own reads.
 */
export const BACKLOG_CANDIDATES = 5_000;

export interface PlannerDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  /** Where the rolled-up SLO status lives (the error-budget gate). */
  readonly kv: KeyValueStore;
  readonly clock: Clock;
}

export interface SprintRef {
  readonly projectKey: string;
  readonly boardId: number;
  readonly sprintId: number;
}

export interface SprintSnapshot {
  readonly config: ProjectConfig;
  readonly sprint: JiraSprint;
  /** The project's error-budget gate: the worst stored state of its linked SLOs. */
  readonly gate: ProjectGate;
  /** The gate in words, the same statement the panel and the project page show. */
  readonly gateStatement: GateStatement;
  readonly planInput: SprintPlanInput;
  /** Present when asked for: the project's backlog items (in no open sprint), ranked. */
  readonly backlog?: readonly SprintItem[];
  /** The Jira id of each of the sprint's items, by key. */
  readonly issueIds: ReadonlyMap<string, string>;
  /** Summary, status and assignee of every item read (the sprint's and the backlog's), by key. */
  readonly details: ReadonlyMap<string, IssueDetails>;
  /** The last closed sprint's strict predictability, when the velocity was read. */
  readonly lastClosed: LastClosedSprintView | null;
  /**
   * The active sprint's scope change since its start (added, removed, re-estimated) by the domain's
   * one `scopeChange`, from the same history the project page replays; null for a sprint not started.
   */
  readonly scopeChange: ScopeChangeView | null;
  readonly notes: readonly string[];
}

/** The most recent closed sprint's predictability, by the domain's one definition. */
function lastClosedView(history: SprintHistory): LastClosedSprintView | null {
  const last = history.sprints.filter((s) => s.state === 'closed').at(-1);
  if (last === undefined) return null;
  const result = predictability(last, history.items);
  const own = history.items.filter((item) => item.sprintId === last.id);
  return {
    name: last.name,
    committed: committedWork(own).points,
    committedCompleted: committedAndCompleted(own).points,
    addedCompleted: addedAndCompleted(own).points,
    predictability: result.status === 'ok' ? result.value : null,
    meetsBaseline: result.status === 'ok' ? result.meetsBaseline : null,
    reason: result.status === 'ok' ? null : result.reason,
  };
}

async function boardFields(jira: JiraPort, boardId: number): Promise<BoardFields> {
  const config = await jira.getBoardConfiguration(boardId);
  const field = config.estimation?.field?.fieldId ?? null;
  const rankId = config.ranking?.rankCustomFieldId;
  return {
    estimationFieldId: field,
    rankFieldId: rankId === undefined ? null : `customfield_${rankId}`,
  };
}

/** The sprint, refused when it is not on the board the planner was opened on. */
export async function sprintOnBoard(jira: JiraPort, ref: SprintRef): Promise<JiraSprint> {
  const sprint = await jira.getSprint(ref.sprintId);
  if (sprint.originBoardId !== undefined && sprint.originBoardId !== ref.boardId) {
    throw new AppError(
      'NOT_FOUND',
      `Sprint ${ref.sprintId} is not on board ${ref.boardId}. Open the planner from that sprint's board.`,
    );
  }
  return sprint;
}

/**
 * In an active sprint, each item with when it entered the sprint (`addedAt`): the domain counts those
 * added after the start against the buffer. Items a Ballast rebalance pulled in mid-sprint are a
 * re-plan and stay planned (undo-log.ts `replannedIn`), as do their sub-tasks.
 */
async function withEntryTimes(
  deps: PlannerDeps,
  ref: SprintRef,
  issues: readonly JiraIssue[],
  items: SprintItem[],
  startedAt: string | undefined,
  entry: UndoEntry | null,
): Promise<SprintItem[]> {
  if (startedAt === undefined || items.length === 0) return items;
  const entered = await sprintEntryTimes(
    deps.jira,
    issues,
    { id: ref.sprintId, startedAt },
    deps.clock.now(),
  );
  const replanned = new Set(entry?.replannedIn ?? []);
  // Jira moves sub-tasks with their parent, so they follow the parent's re-plan.
  const parents = new Map(issues.map((i) => [i.key, i.fields.parent?.key] as const));
  return items.map((item) => {
    const addedAt = entered.get(item.key);
    const parent = parents.get(item.key);
    const planned = replanned.has(item.key) || (parent !== undefined && replanned.has(parent));
    return addedAt === undefined || planned ? item : { ...item, addedAt };
  });
}

export async function readSprintSnapshot(
  deps: PlannerDeps,
  ref: SprintRef,
  options: { withBacklog: boolean },
): Promise<SprintSnapshot> {
  const [{ config }, { entry: undo }, started] = await Promise.all([
    loadProjectConfig(deps.store, ref.projectKey),
    readUndo(deps.store, ref.projectKey, ref.sprintId),
    loadCommitment(deps.kv, ref.sprintId),
  ]);
  // What Ballast moved lately: a rebalance or undo, or enforcement at the sprint's start.
  const reconcile = [
    ...recentlyMoved(undo, deps.clock.now()),
    ...recentlyMoved(
      started === undefined ? null : { movedIds: started.movedIds ?? [], movedAt: started.movedAt },
      deps.clock.now(),
    ),
  ];
  const policy = config.capacity;
  // Velocity as Jira's velocity chart and the project page count it: each closed sprint's work
  // done when it closed, replayed from the Sprint, status and estimate history
  // (metrics/sprint-history.ts); and from the same read, the active sprint's scope change, so the
  // planner and the project page show one figure (issue #17).
  const readHistory = async (
    estimationFieldId: Promise<string | null>,
  ): Promise<{
    velocity: ClosedSprintVelocity[];
    lastClosed: LastClosedSprintView | null;
    scope: ScopeChangeView | null;
  }> => {
    const byVelocity = policy.capacity.kind === 'velocity';
    const history = await readSprintHistory(deps.jira, {
      boardId: ref.boardId,
      estimationFieldId,
      basis: policy.basis,
      rules: config.rules,
      closedSprints: policy.capacity.kind === 'velocity' ? policy.capacity.sprints : 0,
      withActive: true,
      now: deps.clock.now(),
      projectKey: ref.projectKey,
    });
    const closed = history.sprints.filter((sprint) => sprint.state === 'closed');
    const selected = history.sprints.find(
      (sprint) => sprint.id === String(ref.sprintId) && sprint.state === 'active',
    );
    return {
      velocity: byVelocity
        ? closed.map((sprint) => closedSprintVelocity(sprint, history.items))
        : [],
      lastClosed: byVelocity ? lastClosedView(history) : null,
      scope:
        selected === undefined
          ? null
          : scopeChangeView(scopeChange(selected, history.items), policy.basis),
    };
  };

  // The sprint's items, the velocity, the gate and the backlog do not depend on each other, and
  // only their fields depend on the board configuration: the sprint, the searches' ids (5,000 a
  // page) and the history's first calls go out with it, so the planner waits for the longest
  // read instead of their sum, and no search waits for the board.
  const boardRead = boardFields(deps.jira, ref.boardId);
  const sprintRead = sprintOnBoard(deps.jira, ref);
  const sprintIds = deps.jira.searchIds(`sprint = ${ref.sprintId} ORDER BY rank ASC`, {
    reconcile,
  });
  // The proposal draws from the top of the backlog: the highest-ranked BACKLOG_CANDIDATES items.
  const backlogIds = options.withBacklog
    ? deps.jira.searchIds(
        `project = ${ref.projectKey} AND sprint is EMPTY AND statusCategory != Done ORDER BY rank ASC`,
        { limit: BACKLOG_CANDIDATES, truncate: true, reconcile },
      )
    : Promise.resolve(undefined);
  const historyRead = readHistory(boardRead.then((b) => b.estimationFieldId));
  // The gate changes the targets (PRODUCT.md §4): AT_RISK raises reliability, FROZEN stops features.
  const gateRead = loadProjectGate(deps, ref.projectKey, config.sloIds, deps.clock.now());
  // Every read is awaited below; until then a failure must not count as unhandled.
  for (const read of [boardRead, sprintRead, sprintIds, backlogIds, historyRead, gateRead])
    read.catch(() => undefined);

  const board = await boardRead;
  const fields = [
    ...issueFields(board.estimationFieldId),
    // The planner lists each item with its assignee (contract PlannerIssueView).
    'assignee',
    ...(board.rankFieldId ? [board.rankFieldId] : []),
  ];
  const details = new Map<string, IssueDetails>();
  const remember = (issues: readonly JiraIssue[]): readonly JiraIssue[] => {
    for (const issue of issues) details.set(issue.key, issueDetails(issue));
    return issues;
  };
  const toItems = (issues: readonly JiraIssue[]): SprintItem[] =>
    issues.map((issue, position) =>
      toSprintItem(issue, config.rules, policy.basis, board, position),
    );
  const withProperty = { properties: [BALLAST_PROPERTY_KEY] };

  const readItems = async () => {
    const [sprint, issues] = await Promise.all([
      sprintRead,
      // `created`: when an item with no Sprint change entered an active sprint (sprint-entries.ts).
      sprintIds
        .then((ids) =>
          deps.jira.getIssues(ids, { fields: [...fields, 'created'], ...withProperty }),
        )
        .then(remember),
    ]);
    const startedAt = sprint.state === 'active' && sprint.startDate ? sprint.startDate : undefined;
    const items = await withEntryTimes(deps, ref, issues, toItems(issues), startedAt, undo);
    return { sprint, startedAt, items, issueIds: new Map(issues.map((i) => [i.key, i.id])) };
  };
  const readBacklog = async (): Promise<SprintItem[] | undefined> => {
    const ids = await backlogIds;
    if (ids === undefined) return undefined;
    return toItems(remember(await deps.jira.getIssues(ids, { fields, ...withProperty })));
  };
  const [
    { sprint, startedAt, items, issueIds },
    { velocity: velocityHistory, lastClosed, scope },
    { gate, statement: gateStatement },
    backlog,
  ] = await Promise.all([readItems(), historyRead, gateRead, readBacklog()]);
  const notes: string[] = [];
  if (policy.capacity.kind === 'velocity')
    notes.push(
      'Velocity is the work of each closed sprint that was done when it closed, as Jira’s velocity chart counts it.',
    );
  if (backlog !== undefined && backlog.length >= BACKLOG_CANDIDATES)
    notes.push(
      `The proposal considers the ${BACKLOG_CANDIDATES.toLocaleString('en')} highest-ranked backlog items; items ranked lower are not pulled in.`,
    );
  const planInput: SprintPlanInput = {
    policy,
    // The limits in force: a freeze override lifts the freeze's feature hold here as it does in the
    // validator and the issue panel (domain/gate/gate-in-force.ts).
    gateState: gateInForce(gate).limitsOf,
    items,
    velocityHistory,
    ...(startedAt === undefined ? {} : { startedAt }),
  };
  return {
    config,
    sprint,
    gate,
    gateStatement,
    planInput,
    ...(backlog ? { backlog } : {}),
    issueIds,
    details,
    lastClosed,
    scopeChange: scope,
    notes,
  };
}
