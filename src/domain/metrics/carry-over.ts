import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { carriedOver } from './sprint-figures';
import { isInSprintAtClose, itemsOfSprint } from './sprint-items';

/**
 * Carry-over: items still in the sprint when it closed but not done (they move to the next sprint
 * or the backlog). Value = their count; their points are given too. Sample = items in the sprint at
 * close. Only for a closed sprint.
 */
export function carryOver(
  sprint: SprintRecord,
  items: readonly SprintItemRecord[],
): MetricResult<number, { readonly points: number; readonly issueKeys: readonly string[] }> {
  const atClose = itemsOfSprint(items, sprint.id).filter(isInSprintAtClose);
  if (sprint.state !== 'closed') {
    return notEnoughData('count', atClose.length, 1, 'the sprint has not closed yet');
  }
  const carried = carriedOver(atClose);
  return {
    status: 'ok',
    value: carried.count,
    unit: 'count',
    sampleSize: atClose.length,
    points: carried.points,
    issueKeys: atClose.filter((item) => !item.completed).map((item) => item.issueKey),
  };
}
