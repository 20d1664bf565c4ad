import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { isCompleted, itemsOfSprint, pointTotal } from './sprint-items';
import { round } from './statistics';

/**
 * The baseline a predictable team meets: completing at least 80% of what it committed to at sprint
 * start (PRODUCT.md §5; the "80% of commitment" rule of thumb of Scrum practice).
 */
export const PREDICTABILITY_BASELINE = 0.8;

/**
 * Sprint predictability = points completed in the sprint ÷ points committed at sprint start
 * (PRODUCT.md §5). "Completed" counts everything done in the sprint, including items added after
 * the start, as Jira's velocity chart does, so the ratio can exceed 1 when scope was added and done.
 * Only for a closed sprint with committed points; unestimated committed items count as 0 points
 * and are reported.
 */
export function predictability(
  sprint: SprintRecord,
  items: readonly SprintItemRecord[],
): MetricResult<
  number,
  {
    readonly committedPoints: number;
    readonly completedPoints: number;
    readonly unestimatedCommitted: number;
    readonly baseline: number;
    readonly meetsBaseline: boolean;
  }
> {
  const own = itemsOfSprint(items, sprint.id);
  const committed = pointTotal(own.filter((item) => item.committed));
  if (sprint.state !== 'closed') {
    return notEnoughData('ratio', committed.count, 1, 'the sprint has not closed yet');
  }
  if (committed.points <= 0) {
    return notEnoughData(
      'ratio',
      committed.count,
      1,
      'no estimated points were committed at sprint start',
    );
  }
  const completed = pointTotal(own.filter(isCompleted));
  const value = round(completed.points / committed.points);
  return {
    status: 'ok',
    value,
    unit: 'ratio',
    sampleSize: committed.count,
    committedPoints: committed.points,
    completedPoints: completed.points,
    unestimatedCommitted: committed.unestimated,
    baseline: PREDICTABILITY_BASELINE,
    meetsBaseline: value >= PREDICTABILITY_BASELINE,
  };
}
