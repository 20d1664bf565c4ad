/** Pieces the seed's work-item builders share: issue type ids, ADF text, and an issue's sprint journey. */
import type { IssueRecord, SprintRecord } from '../state/types';
import type { SeedContext } from './build';
import type { Theme } from './texts';
import { DONE, HOUR, IN_PROGRESS, IN_REVIEW, TODO } from './timeline';

export const TYPE = {
  epic: '10000',
  story: '10001',
  task: '10002',
  bug: '10003',
  subtask: '10004',
  incident: '10005',
} as const;

export const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

export interface Placed {
  issue: IssueRecord;
  theme: Theme;
}

/** Follows an issue from the sprint it was planned into until it is done, carried over, or dropped. */
export function journey(
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
