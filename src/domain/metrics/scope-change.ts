import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { itemsOfSprint, pointTotal, type PointTotal } from './sprint-items';
import { round } from './statistics';

/**
 * Scope change after sprint start: items added and items removed once the sprint had started.
 * Value = net points (added − removed). `churnShare` = (added + removed points) ÷ committed points,
 * null when nothing was committed. An item added and then removed again counts in both. Needs a
 * started sprint (active or closed).
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
    readonly churnShare: number | null;
  }
> {
  const own = itemsOfSprint(items, sprint.id);
  if (sprint.state === 'future' || sprint.startedAt === null) {
    return notEnoughData('points', own.length, 1, 'the sprint has not started yet');
  }
  const added = pointTotal(own.filter((item) => item.addedAfterStart));
  const removed = pointTotal(own.filter((item) => item.removedAfterStart));
  const committedPoints = pointTotal(own.filter((item) => item.committed)).points;
  return {
    status: 'ok',
    value: added.points - removed.points,
    unit: 'points',
    sampleSize: own.length,
    added,
    removed,
    committedPoints,
    churnShare:
      committedPoints > 0 ? round((added.points + removed.points) / committedPoints) : null,
  };
}
