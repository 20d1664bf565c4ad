import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { bufferReserved } from '../capacity/buffer-reserve';
import { addedAfterStart } from './sprint-figures';
import { itemsOfSprint } from './sprint-items';
import { round } from './statistics';

/**
 * Interrupts: the work added after sprint start (sprint-figures.ts `addedAfterStart`; PRODUCT.md §2:
 * "items added mid-sprint are counted against the buffer"), in the basis. Against the sprint's
 * capacity and buffer:
 * - shareOfCapacity = added ÷ capacity;
 * - bufferPoints = the buffer's reserve (capacity/buffer-reserve.ts); bufferUsed = added ÷ it;
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
  const interrupt = addedAfterStart(own);
  const capacity = sprint.capacity !== null && sprint.capacity > 0 ? sprint.capacity : null;
  const bufferPoints =
    capacity !== null && sprint.bufferShare !== null && sprint.bufferShare > 0
      ? bufferReserved(capacity, sprint.bufferShare * 100)
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
