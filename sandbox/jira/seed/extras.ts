/** Incidents with postmortem actions, sub-tasks, links and comments for the demo seed. */
import { STORY_POINTS_FIELD } from '../state/catalog';
import type { SeedContext } from './build';
import { doc, journey, TYPE, type Placed } from './shared';
import { INCIDENTS, POSTMORTEM_ACTIONS, SUBTASKS, summaryFor } from './texts';
import { DAY, DONE, HOUR, IN_PROGRESS, TODO } from './timeline';

export function addIncidents(ctx: SeedContext, count: number, placed: Placed[], now: number): void {
  const { rng, sprints } = ctx;
  const firstStart = Date.parse(sprints[0]?.startDate ?? '');
  for (let i = 0; i < count; i += 1) {
    const at = firstStart + Math.floor(((i + rng.float()) / count) * (now - firstStart - DAY));
    const kind = INCIDENTS[i % INCIDENTS.length]!;
    const incident = ctx.issue(
      {
        issueTypeId: TYPE.incident,
        summary: kind.summary,
        priorityId: rng.pick(['1', '1', '2']),
        labels: ['incident', rng.pick(['sev1', 'sev2'])],
        assigneeAccountId: 'acc-lena-sre',
      },
      at,
    );
    // The outage lasts what its summary says (texts.ts). The seed still draws the random length it
    // once used (the follow-up is still filed 1–3 days after that instant) and the jittered step
    // times, so every later draw — and the rest of the demo — is as before; the Done step is then
    // put at the restore time.
    const followUpFrom = at + rng.int(20, 8 * 60) * 60_000;
    const restored = at + kind.minutes * 60_000;
    ctx.timeline.progress(incident, at + 5 * 60_000, restored, 'acc-lena-sre', DONE);
    ctx.timeline.resolvedAt(incident, restored);
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
        // Not labelled `postmortem`: under the default postmortem convention a Task with that label
        // is a postmortem itself (src/domain/postmortem/convention.ts); `sre` keeps it reliability.
        labels: ['sre'],
        priorityId: '2',
        assigneeAccountId: ctx.member(),
      },
      followUpFrom + rng.int(1, 3) * DAY,
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
    // "Relates" (10003), a link type every new site has; the follow-up is not a postmortem action
    // under the convention (no postmortem), the demo's postmortem comes from Ballast (app-seed).
    ctx.store.state.links.push({
      id: String(ctx.store.nextCounter('link')),
      typeId: '10003',
      inwardIssueId: incident.id,
      outwardIssueId: action.id,
    });
    placed.push({ issue: action, theme: 'reliability' });
  }
}

export function addSubtasks(ctx: SeedContext, placed: Placed[], budget: number, now: number): void {
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

export function addLinksAndComments(ctx: SeedContext, placed: Placed[]): void {
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
