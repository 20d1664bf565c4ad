import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import {
  addedAfterStart,
  committedWork,
  reestimatedAfterStart,
  removedAfterStart,
} from './sprint-figures';
import { itemsOfSprint, type PointTotal } from './sprint-items';
import { round } from './statistics';

/**
 * Scope change after sprint start (Jira's sprint report: issues added after the start, issues
 * removed from the sprint): added = addedAfterStart, removed = committed work taken out
 * (sprint-figures.ts). Value = net (added − removed), in the basis. `churnShare` = (added + removed)
 * ÷ committed, null when nothing was committed. An item added and removed again is in neither.
 * Committed and removed work is sized at the start, added work at the end (sprint-figures.ts);
 * `reestimated` is the committed work's estimate changes since the start, shown beside the net
 * (the sprint report counts an estimate change as a scope change too), so that
 * committed − removed + reestimated = planned. Needs a started sprint (active or closed).
 */
export function scopeChange(
  sprint: SprintRecord,
  items: readonly SprintItemRecord[],
): MetricResult<
  number,
  {
    readonly added: PointTotal;
    readonly removed: PointTotal;
    readonly committedPoints: number;
    readonly reestimated: number;
    readonly churnShare: number | null;
  }
> {
  const own = itemsOfSprint(items, sprint.id);
  if (sprint.state === 'future' || sprint.startedAt === null) {
    return notEnoughData('points', own.length, 1, 'the sprint has not started yet');
  }
  const added = addedAfterStart(own);
  const removed = removedAfterStart(own);
  const committedPoints = committedWork(own).points;
  return {
    status: 'ok',
    value: added.points - removed.points,
    unit: 'points',
    sampleSize: own.length,
    added,
    removed,
    committedPoints,
    reestimated: reestimatedAfterStart(own),
    churnShare:
      committedPoints > 0 ? round((added.points + removed.points) / committedPoints) : null,
  };
}
