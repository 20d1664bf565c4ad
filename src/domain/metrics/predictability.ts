import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { addedAndCompleted, committedAndCompleted, committedWork } from './sprint-figures';
import { itemsOfSprint } from './sprint-items';
import { round } from './statistics';

/**
 * The baseline a predictable team meets: completing at least 80% of what it committed to at sprint
 * start (PRODUCT.md §5; the "80% of commitment" rule of thumb of Scrum practice).
 */
export const PREDICTABILITY_BASELINE = 0.8;

/**
 * Sprint predictability = committed work completed ÷ work committed at sprint start (PRODUCT.md §5,
 * "completed / committed at start"; Jira's velocity chart calls the denominator "Commitment").
 * Work added after the start and completed is reported beside it (`addedCompleted`), never inside
 * it: a sprint that finished none of its 20 committed points and 16 added points scores 0, not 0.8.
 * So the value is at most 1. Only for a closed sprint with committed work; unestimated committed
 * items count 0 and are reported.
 */
export function predictability(
  sprint: SprintRecord,
  items: readonly SprintItemRecord[],
): MetricResult<
  number,
  {
    readonly committed: number;
    readonly committedCompleted: number;
    readonly addedCompleted: number;
    readonly unestimatedCommitted: number;
    readonly baseline: number;
    readonly meetsBaseline: boolean;
  }
> {
  const own = itemsOfSprint(items, sprint.id);
  const committed = committedWork(own);
  if (sprint.state !== 'closed') {
    return notEnoughData('ratio', committed.count, 1, 'the sprint has not closed yet');
  }
  if (committed.points <= 0) {
    return notEnoughData(
      'ratio',
      committed.count,
      1,
      'no estimated work was committed at sprint start',
    );
  }
  const done = committedAndCompleted(own);
  const value = round(done.points / committed.points);
  return {
    status: 'ok',
    value,
    unit: 'ratio',
    sampleSize: committed.count,
    committed: committed.points,
    committedCompleted: done.points,
    addedCompleted: addedAndCompleted(own).points,
    unestimatedCommitted: committed.unestimated,
    baseline: PREDICTABILITY_BASELINE,
    meetsBaseline: value >= PREDICTABILITY_BASELINE,
  };
}
