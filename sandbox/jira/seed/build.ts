/**
 * The Jira side of the demo: one Scrum project with a board, closed/active/future sprints and a
 * realistic backlog, built deterministically from a seed number and an anchor date (the sandbox's
 * "today"). No Math.random: everything comes from the seeded Rng, so the same inputs give the
 * same state byte for byte.
 */
import { initialRank } from '../state/rank';
import { createEmptyState, JiraStore } from '../state/store';
import { STORY_POINTS_FIELD } from '../state/catalog';
import { SOFTWARE_WORKFLOW_ID } from '../state/default-workflows';
import { installBallastValidators } from './ballast-validators';
import type { IssueRecord, JiraState, SprintRecord } from '../state/types';
import { ADMIN_ACCOUNT_ID, SEED_USERS, TEAM, WORK_TYPE_FIELD } from './people';
import { Rng } from './prng';
import { DAY, HOUR, Timeline } from './timeline';
import { addWorkItems } from './work-items';
import { addExtraTeams } from './teams';

export interface SeedOptions {
  seed: number;
  /** The sandbox's "today": the active sprint started five days before it. */
  anchor: Date;
  issues: number;
  closedSprints: number;
  projectKey: string;
  projectName: string;
  sprintDays: number;
  /**
   * Also add the other demo teams (teams.ts: PAY and OPS, each with its own board, sprints and
   * backlog) after SHOP, so SHOP's records, ids and keys are the same with or without them.
   */
  extraTeams?: boolean;
}

/** Where one team's records go: its project and board, and the first id of its sprints. */
export interface TeamPlacement {
  readonly projectId: string;
  readonly boardId: number;
  readonly firstSprintId: number;
}

const SHOP_PLACEMENT: TeamPlacement = { projectId: '10000', boardId: 1, firstSprintId: 1 };

export interface SeedSummary {
  projectKey: string;
  projectId: string;
  boardId: number;
  sprints: { closed: number[]; active: number; future: number };
  issueCount: number;
}

export class SeedContext {
  readonly store: JiraStore;
  readonly timeline: Timeline;
  readonly rng: Rng;

  constructor(
    readonly options: SeedOptions,
    readonly sprints: SprintRecord[],
    state: JiraState,
    readonly placement: TeamPlacement = SHOP_PLACEMENT,
  ) {
    this.rng = new Rng(options.seed);
    this.store = new JiraStore(state);
    this.timeline = new Timeline(this.rng, sprints, () =>
      String(this.store.nextCounter('changelog')),
    );
  }

  member(): string {
    return this.rng.pick(TEAM);
  }

  /** Creates an issue in To Do, created at `at`, with no history yet. */
  issue(
    fields: Partial<IssueRecord> & Pick<IssueRecord, 'issueTypeId' | 'summary'>,
    at: number,
  ): IssueRecord {
    const created = new Date(at).toISOString();
    const issue: IssueRecord = {
      id: String(this.store.nextCounter('issue')),
      key: this.store.nextKey(this.options.projectKey),
      projectId: this.placement.projectId,
      description: null,
      statusId: '10000',
      priorityId: '3',
      labels: [],
      assigneeAccountId: null,
      reporterAccountId: this.member(),
      created,
      updated: created,
      resolutiondate: null,
      parentId: null,
      sprintIds: [],
      rank: '',
      custom: {},
      properties: {},
      changelog: [],
      comments: [],
      ...fields,
    };
    this.store.addIssue(issue);
    return issue;
  }
}

function makeSprints(options: SeedOptions, placement: TeamPlacement): SprintRecord[] {
  const dayStart = Date.UTC(
    options.anchor.getUTCFullYear(),
    options.anchor.getUTCMonth(),
    options.anchor.getUTCDate(),
  );
  const activeStart = dayStart - 5 * DAY + 9 * HOUR;
  const length = options.sprintDays * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  const sprints: SprintRecord[] = [];
  const total = options.closedSprints + 2;
  for (let i = 0; i < total; i += 1) {
    const start = activeStart - (options.closedSprints - i) * length;
    const state =
      i < options.closedSprints ? 'closed' : i === options.closedSprints ? 'active' : 'future';
    sprints.push({
      id: placement.firstSprintId + i,
      name: `${options.projectKey} Sprint ${i + 1}`,
      state,
      boardId: placement.boardId,
      goal: state === 'future' ? '' : `Sprint ${i + 1} goal: ship the next increment`,
      startDate: state === 'future' ? null : iso(start),
      endDate: state === 'future' ? null : iso(start + length - 2 * HOUR),
      completeDate: state === 'closed' ? iso(start + length - HOUR) : null,
      createdDate: iso(start - 7 * DAY),
    });
  }
  return sprints;
}

/** Adds one team (project, Scrum board, sprints, backlog) to `state`, after what is there. */
export function addTeam(
  state: JiraState,
  options: SeedOptions,
  placement: TeamPlacement,
  roles: Record<string, 'Administrators' | 'Members'>,
): { ctx: SeedContext; sprints: SprintRecord[] } {
  state.projects.push({
    id: placement.projectId,
    key: options.projectKey,
    name: options.projectName,
    leadAccountId: ADMIN_ACCOUNT_ID,
    simplified: false,
    roles,
    workflowId: SOFTWARE_WORKFLOW_ID,
  });
  state.boards.push({
    id: placement.boardId,
    name: `${options.projectKey} board`,
    type: 'scrum',
    projectId: placement.projectId,
    estimationFieldId: STORY_POINTS_FIELD,
  });
  const sprints = makeSprints(options, placement);
  state.sprints.push(...sprints);
  state.counters.sprint = state.sprints.length;
  const before = state.issues.length;
  const ctx = new SeedContext(options, sprints, state, placement);
  const rankOrder = addWorkItems(ctx);
  // Jira's rank is one order over the site: a later team's issues rank after the earlier ones'.
  rankOrder.forEach((issue, index) => {
    issue.rank = initialRank(before + index);
  });
  return { ctx, sprints };
}

export function buildSeedState(options: SeedOptions): { state: JiraState; summary: SeedSummary } {
  const state = createEmptyState();
  state.users = structuredClone(SEED_USERS);
  state.fields.push(structuredClone(WORK_TYPE_FIELD));
  const roles: Record<string, 'Administrators' | 'Members'> = {
    [ADMIN_ACCOUNT_ID]: 'Administrators',
  };
  for (const id of TEAM) roles[id] ??= 'Members';
  roles['acc-sam-sm'] = 'Members';
  const { ctx, sprints } = addTeam(state, options, SHOP_PLACEMENT, roles);
  installBallastValidators(ctx.store.state);
  if (options.extraTeams === true) addExtraTeams(ctx.store.state, options);
  return {
    state: ctx.store.state,
    summary: {
      projectKey: options.projectKey,
      projectId: SHOP_PLACEMENT.projectId,
      boardId: SHOP_PLACEMENT.boardId,
      sprints: {
        closed: sprints.filter((s) => s.state === 'closed').map((s) => s.id),
        active: sprints.find((s) => s.state === 'active')?.id ?? 0,
        future: sprints.find((s) => s.state === 'future')?.id ?? 0,
      },
      issueCount: ctx.store.state.issues.filter((i) => i.projectId === SHOP_PLACEMENT.projectId)
        .length,
    },
  };
}
