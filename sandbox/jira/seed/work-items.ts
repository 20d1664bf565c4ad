/**
 * The demo backlog: epics, stories, bugs, tasks, sub-tasks, incidents with postmortem actions,
 * links, comments and the app's `ballast` property on some issues. Returns the issues in rank order.
 */
import { STORY_POINTS_FIELD } from '../state/catalog';
import type { IssueRecord } from '../state/types';
import type { SeedContext } from './build';
import { BALLAST_PROPERTY_KEY, WORK_TYPE_FIELD } from './people';
import { addIncidents, addLinksAndComments, addSubtasks } from './extras';
import { doc, journey, TYPE, type Placed } from './shared';
import { EPIC_NAMES, LABELS, summaryFor, type Theme } from './texts';
import { DAY, DONE, HOUR, IN_PROGRESS, TODO } from './timeline';

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
    // Work for the future sprint (no start date yet) was planned before "now", never after it.
    const sprintStart =
      sprint?.startDate === null || sprint === undefined ? now : Date.parse(sprint.startDate);
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
  const own = () => ctx.store.state.issues.filter((i) => i.projectId === ctx.placement.projectId);
  addSubtasks(ctx, placed, total - own().length, now);
  addLinksAndComments(ctx, placed);
  for (const { issue, theme } of placed)
    tag(ctx, issue, theme, issue.sprintIds.length > 0 ? 0.6 : 0.3);

  // Rank: finished sprints first, then the active sprint, the future sprint and the backlog by priority.
  const sprintPos = (i: IssueRecord) =>
    i.sprintIds.length === 0 ? sprints.length + 1 : Math.max(...i.sprintIds);
  const order = own().map((issue) => ({
    issue,
    key: sprintPos(issue) * 10 + Number(issue.priorityId) + rng.float() * 3,
  }));
  order.sort((a, b) => a.key - b.key);
  return order.map((o) => o.issue);
}
