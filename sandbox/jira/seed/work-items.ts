/**
 * The demo backlog: epics, stories, bugs, tasks, sub-tasks, incidents with postmortem actions,
 * links, comments and the app's `ballast` property on some issues. Returns the issues in rank order.
 */
import { STORY_POINTS_FIELD } from '../state/catalog';
import type { IssueRecord, SprintRecord } from '../state/types';
import type { SeedContext } from './build';
import { BALLAST_PROPERTY_KEY, WORK_TYPE_FIELD } from './people';
import {
  EPIC_NAMES,
  INCIDENTS,
  LABELS,
  POSTMORTEM_ACTIONS,
  SUBTASKS,
  summaryFor,
  type Theme,
} from './texts';
import { DAY, DONE, HOUR, IN_PROGRESS, IN_REVIEW, TODO } from './timeline';

const TYPE = {
  epic: '10000',
  story: '10001',
  task: '10002',
  bug: '10003',
  subtask: '10004',
  incident: '10005',
} as const;
const POINTS: readonly (readonly [number, number])[] = [
  [1, 15],
  [2, 25],
  [3, 28],
  [5, 20],
  [8, 9],
  [13, 3],
];
const WORK_TYPE: Record<Theme, string> = {
  feature: 'feature',
  bug: 'reliability',
  debt: 'debt',
  toil: 'toil',
  reliability: 'reliability',
};

const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

interface Placed {
  issue: IssueRecord;
  theme: Theme;
}

/** Follows an issue from the sprint it was planned into until it is done, carried over, or dropped. */
function journey(
  ctx: SeedContext,
  issue: IssueRecord,
  start: number,
  plannedAt: number,
  now: number,
): void {
  const { rng, timeline, sprints } = ctx;
  let index = start;
  let at = plannedAt;
  let completeChance = 0.8;
  for (;;) {
    const sprint = sprints[index] as SprintRecord;
    const author = issue.assigneeAccountId ?? ctx.member();
    timeline.addToSprint(issue, at, ctx.member(), sprint);
    const begin = Math.max(at, Date.parse(sprint.startDate ?? '')) + HOUR;
    if (sprint.state === 'future') return;
    if (sprint.state === 'active') {
      const final = rng.weighted([
        [DONE, 35],
        [IN_REVIEW, 10],
        [IN_PROGRESS, 25],
        [TODO, 30],
      ] as const);
      timeline.progress(issue, begin, now - HOUR, author, final);
      return;
    }
    const close = Date.parse(sprint.completeDate ?? '');
    if (rng.chance(completeChance)) {
      timeline.progress(issue, begin, close - 3 * HOUR, author, DONE);
      return;
    }
    timeline.progress(
      issue,
      begin,
      close - 3 * HOUR,
      author,
      rng.pick([TODO, IN_PROGRESS, IN_PROGRESS]),
    );
    const next = sprints[index + 1];
    // Unfinished work is mostly carried over into the next sprint; the rest goes back to the backlog.
    if (next === undefined || next.state === 'future' || !rng.chance(0.75)) return;
    index += 1;
    at = close;
    completeChance = 0.75;
  }
}

function themeOf(ctx: SeedContext): Theme {
  return ctx.rng.weighted([
    ['feature', 50],
    ['bug', 15],
    ['debt', 13],
    ['toil', 10],
    ['reliability', 12],
  ] as const);
}

function typeFor(ctx: SeedContext, theme: Theme): string {
  if (theme === 'bug') return TYPE.bug;
  if (theme === 'feature') return ctx.rng.chance(0.85) ? TYPE.story : TYPE.task;
  if (theme === 'toil') return TYPE.task;
  return ctx.rng.chance(0.6) ? TYPE.task : TYPE.story;
}

function labelsFor(ctx: SeedContext, theme: Theme): string[] {
  const { rng } = ctx;
  // Some debt/toil/reliability items carry no telling label, so rules miss them and they stay unclassified.
  const chance = theme === 'feature' ? 0.35 : theme === 'bug' ? 0.3 : 0.8;
  const labels = rng.chance(chance) ? [rng.pick(LABELS[theme])] : [];
  if (theme === 'reliability' && rng.chance(0.25)) labels.push(rng.pick(['slo', 'sre']));
  return [...new Set(labels)];
}

function tag(ctx: SeedContext, issue: IssueRecord, theme: Theme, chance: number): void {
  const { rng } = ctx;
  if (!rng.chance(chance)) return;
  const workType = WORK_TYPE[theme];
  const byRule = issue.labels.length > 0 && rng.chance(0.6);
  const done = issue.statusId === DONE;
  const openRequired = done ? (rng.chance(0.9) ? 0 : 1) : rng.int(1, 4);
  issue.properties[BALLAST_PROPERTY_KEY] = {
    version: 1,
    workType,
    workTypeSource: byRule
      ? { kind: 'rule', ruleId: `labels-${workType}` }
      : { kind: 'manual', by: issue.reporterAccountId, at: issue.created },
    dodComplete: openRequired === 0 ? 1 : 0,
    dodOpenRequired: openRequired,
  };
  issue.custom[WORK_TYPE_FIELD.id] = workType;
}

export function addWorkItems(ctx: SeedContext): IssueRecord[] {
  const { rng, options, sprints } = ctx;
  const now = options.anchor.getTime();
  const firstStart = Date.parse(sprints[0]?.startDate ?? '');
  const activeIndex = sprints.findIndex((s) => s.state === 'active');
  const total = options.issues;
  const epicCount = Math.max(4, Math.round(total / 33));
  const incidentCount = Math.max(3, Math.round(total / 50));
  const topLevel = Math.round(total * 0.86) - epicCount - incidentCount * 2;

  const epics = Array.from({ length: epicCount }, (_, i) => {
    const name = EPIC_NAMES[i % EPIC_NAMES.length] as string;
    const round = Math.floor(i / EPIC_NAMES.length);
    const epic = ctx.issue(
      {
        issueTypeId: TYPE.epic,
        summary: round === 0 ? name : `${name} (phase ${round + 1})`,
        description: doc(`Epic: ${name}.`),
      },
      firstStart - rng.int(10, 40) * DAY,
    );
    ctx.timeline.progress(
      epic,
      firstStart,
      now - DAY,
      ctx.member(),
      rng.weighted([
        [IN_PROGRESS, 6],
        [DONE, 2],
        [TODO, 2],
      ] as const),
    );
    return epic;
  });

  const placed: Placed[] = [];
  const closedShare = 0.55;
  for (let i = 0; i < topLevel; i += 1) {
    const theme = themeOf(ctx);
    const typeId = typeFor(ctx, theme);
    const slot = i / topLevel;
    // Placement by share: closed sprints, then the active and future sprint, then the backlog.
    const sprintIndex =
      slot < closedShare
        ? Math.floor((slot / closedShare) * activeIndex)
        : slot < closedShare + 0.07
          ? activeIndex
          : slot < closedShare + 0.11
            ? activeIndex + 1
            : -1;
    const sprint = sprints[sprintIndex];
    const sprintStart =
      sprint?.startDate === null || sprint === undefined ? now + DAY : Date.parse(sprint.startDate);
    const late = sprint !== undefined && sprint.state !== 'future' && rng.chance(0.15);
    const plannedAt = late
      ? Math.min(sprintStart + rng.int(1, 8) * DAY + rng.int(0, 8) * HOUR, now - 2 * HOUR)
      : sprintStart - rng.int(0, 2) * DAY - rng.int(1, 6) * HOUR;
    const created =
      sprint === undefined
        ? now - rng.int(1, 180) * DAY - rng.int(0, 23) * HOUR
        : late && theme === 'bug'
          ? plannedAt - rng.int(1, 20) * HOUR
          : plannedAt - rng.int(2, 60) * DAY;
    const priorityId =
      theme === 'bug'
        ? rng.weighted([
            ['1', 8],
            ['2', 35],
            ['3', 45],
            ['4', 12],
          ] as const)
        : rng.weighted([
            ['1', 2],
            ['2', 18],
            ['3', 57],
            ['4', 17],
            ['5', 6],
          ] as const);
    const labels = labelsFor(ctx, theme);
    if (theme === 'bug' && priorityId === '1' && rng.chance(0.4)) labels.push('incident');
    const issue = ctx.issue(
      {
        issueTypeId: typeId,
        summary: summaryFor(theme, rng.int(0, 50), rng.int(0, 50)),
        description: doc('As a customer I want this so that shopping is easier.'),
        priorityId,
        labels,
        assigneeAccountId: sprint === undefined && rng.chance(0.7) ? null : ctx.member(),
        parentId: theme !== 'bug' && rng.chance(0.7) ? rng.pick(epics).id : null,
      },
      created,
    );
    const unestimated = sprint === undefined ? 0.35 : 0.08;
    if (!rng.chance(unestimated)) issue.custom[STORY_POINTS_FIELD] = rng.weighted(POINTS);
    if (sprint !== undefined) journey(ctx, issue, sprintIndex, plannedAt, now);
    else if (rng.chance(0.05))
      ctx.timeline.progress(issue, created + DAY, now - DAY, ctx.member(), DONE);
    placed.push({ issue, theme });
  }

  addIncidents(ctx, incidentCount, placed, now);
  addSubtasks(ctx, placed, total - ctx.store.state.issues.length, now);
  addLinksAndComments(ctx, placed);
  for (const { issue, theme } of placed)
    tag(ctx, issue, theme, issue.sprintIds.length > 0 ? 0.6 : 0.3);

  // Rank: finished sprints first, then the active sprint, the future sprint and the backlog by priority.
  const sprintPos = (i: IssueRecord) =>
    i.sprintIds.length === 0 ? sprints.length + 1 : Math.max(...i.sprintIds);
  const order = [...ctx.store.state.issues].map((issue) => ({
    issue,
    key: sprintPos(issue) * 10 + Number(issue.priorityId) + rng.float() * 3,
  }));
  order.sort((a, b) => a.key - b.key);
  return order.map((o) => o.issue);
}

function addIncidents(ctx: SeedContext, count: number, placed: Placed[], now: number): void {
  const { rng, sprints } = ctx;
  const firstStart = Date.parse(sprints[0]?.startDate ?? '');
  for (let i = 0; i < count; i += 1) {
    const at = firstStart + Math.floor(((i + rng.float()) / count) * (now - firstStart - DAY));
    const incident = ctx.issue(
      {
        issueTypeId: TYPE.incident,
        summary: INCIDENTS[i % INCIDENTS.length] as string,
        priorityId: rng.pick(['1', '1', '2']),
        labels: ['incident', rng.pick(['sev1', 'sev2'])],
        assigneeAccountId: 'acc-lena-sre',
      },
      at,
    );
    const restored = at + rng.int(20, 8 * 60) * 60_000;
    ctx.timeline.progress(incident, at + 5 * 60_000, restored, 'acc-lena-sre', DONE);
    incident.comments.push({
      id: String(ctx.store.nextCounter('comment')),
      authorAccountId: 'acc-lena-sre',
      body: doc('Mitigated; postmortem to follow.'),
      created: new Date(restored).toISOString(),
      updated: new Date(restored).toISOString(),
    });
    const action = ctx.issue(
      {
        issueTypeId: TYPE.task,
        summary: `Postmortem action: ${rng.pick(POSTMORTEM_ACTIONS).toLowerCase()}`,
        labels: ['postmortem', 'sre'],
        priorityId: '2',
        assigneeAccountId: ctx.member(),
      },
      restored + rng.int(1, 3) * DAY,
    );
    if (!rng.chance(0.2)) action.custom[STORY_POINTS_FIELD] = rng.pick([1, 2, 3]);
    const nextSprint = sprints.findIndex(
      (s) => s.startDate !== null && Date.parse(s.startDate) > Date.parse(action.created),
    );
    if (nextSprint >= 0 && rng.chance(0.7))
      journey(
        ctx,
        action,
        nextSprint,
        Date.parse(sprints[nextSprint]?.startDate ?? '') - HOUR,
        now,
      );
    ctx.store.state.links.push({
      id: String(ctx.store.nextCounter('link')),
      typeId: '10004',
      inwardIssueId: incident.id,
      outwardIssueId: action.id,
    });
    placed.push({ issue: action, theme: 'reliability' });
  }
}

function addSubtasks(ctx: SeedContext, placed: Placed[], budget: number, now: number): void {
  const { rng } = ctx;
  let left = budget;
  // Shuffled, so sub-tasks spread over all sprints rather than filling the first ones.
  const parents = placed
    .filter((p) => p.issue.issueTypeId === TYPE.story && p.issue.sprintIds.length > 0)
    .map((p) => ({ p, k: rng.float() }))
    .sort((a, b) => a.k - b.k)
    .map(({ p }) => p);
  for (const { issue: parent } of parents) {
    if (left <= 0) break;
    const n = Math.min(left, rng.int(2, 3));
    for (let k = 0; k < n; k += 1) {
      const sub = ctx.issue(
        {
          issueTypeId: TYPE.subtask,
          summary: SUBTASKS[(k + rng.int(0, 4)) % SUBTASKS.length] as string,
          parentId: parent.id,
          assigneeAccountId: parent.assigneeAccountId,
          priorityId: parent.priorityId,
          sprintIds: [...parent.sprintIds],
        },
        Date.parse(parent.created) + HOUR,
      );
      const end =
        parent.resolutiondate === null ? now - HOUR : Date.parse(parent.resolutiondate) - HOUR;
      const final = parent.statusId === DONE ? DONE : rng.pick([TODO, IN_PROGRESS, DONE]);
      ctx.timeline.progress(
        sub,
        Date.parse(sub.created) + DAY,
        end,
        sub.assigneeAccountId ?? ctx.member(),
        final,
      );
    }
    left -= n;
  }
  // Any budget left (a seed with few sprint stories) becomes backlog tasks.
  for (let i = 0; i < left; i += 1) {
    placed.push({
      issue: ctx.issue(
        { issueTypeId: TYPE.task, summary: summaryFor('toil', i, i + 3), labels: [] },
        now - rng.int(1, 90) * DAY,
      ),
      theme: 'toil',
    });
  }
}

function addLinksAndComments(ctx: SeedContext, placed: Placed[]): void {
  const { rng, store } = ctx;
  for (let i = 1; i < placed.length; i += 1) {
    const a = placed[i] as Placed;
    const b = placed[rng.int(0, i - 1)] as Placed;
    if (rng.chance(0.04))
      store.state.links.push({
        id: String(store.nextCounter('link')),
        typeId: rng.pick(['10000', '10003']),
        inwardIssueId: a.issue.id,
        outwardIssueId: b.issue.id,
      });
    if (rng.chance(0.12)) {
      const at = a.issue.updated;
      a.issue.comments.push({
        id: String(store.nextCounter('comment')),
        authorAccountId: ctx.member(),
        body: doc(
          rng.pick([
            'Can we split this?',
            'Reviewed, looks good.',
            'Blocked on the payments team.',
            'Added acceptance criteria.',
          ]),
        ),
        created: at,
        updated: at,
      });
    }
  }
}
