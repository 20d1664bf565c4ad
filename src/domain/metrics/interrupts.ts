import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { itemsOfSprint, pointTotal } from './sprint-items';
import { round } from './statistics';

/**
 * Interrupts: unplanned items added after sprint start (PRODUCT.md §2: "items added mid-sprint are
 * counted against the buffer"). Value = their points. Against the sprint's capacity and buffer:
 * - shareOfCapacity = interrupt points ÷ capacity;
 * - bufferPoints = capacity × bufferShare; bufferUsed = interrupt points ÷ bufferPoints;
 * - overBuffer when interrupt points exceed the buffer.
 * These are null when the sprint's capacity or buffer is unknown (or zero), never guessed.
 */
export function interrupts(
  sprint: SprintRecord,
  items: readonly SprintItemRecord[],
): MetricResult<
  number,
  {
    readonly count: number;
    readonly unestimated: number;
    readonly capacity: number | null;
    readonly shareOfCapacity: number | null;
    readonly bufferPoints: number | null;
    readonly bufferUsed: number | null;
    readonly overBuffer: boolean | null;
  }
> {
  const own = itemsOfSprint(items, sprint.id);
  if (sprint.state === 'future' || sprint.startedAt === null) {
    return notEnoughData('points', own.length, 1, 'the sprint has not started yet');
  }
  const interrupt = pointTotal(own.filter((item) => item.unplanned && item.addedAfterStart));
  const capacity = sprint.capacity !== null && sprint.capacity > 0 ? sprint.capacity : null;
  const bufferPoints =
    capacity !== null && sprint.bufferShare !== null && sprint.bufferShare > 0
      ? round(capacity * sprint.bufferShare)
      : null;
  return {
    status: 'ok',
    value: interrupt.points,
    unit: 'points',
    sampleSize: own.length,
    count: interrupt.count,
    unestimated: interrupt.unestimated,
    capacity,
    shareOfCapacity: capacity === null ? null : round(interrupt.points / capacity),
    bufferPoints,
    bufferUsed: bufferPoints === null ? null : round(interrupt.points / bufferPoints),
    overBuffer: bufferPoints === null ? null : interrupt.points > bufferPoints,
  };
}
