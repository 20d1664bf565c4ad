import { WORK_TYPES, type WorkTypeOrUnclassified } from '../work/work-type';
import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { isCompleted, itemsOfSprint, pointTotal } from './sprint-items';
import { round } from './statistics';

export const BALANCE_TYPES: readonly WorkTypeOrUnclassified[] = [...WORK_TYPES, 'unclassified'];

export interface TypeShare {
  readonly points: number;
  readonly count: number;
  /** points ÷ all points of the breakdown; null when the breakdown has no points. */
  readonly share: number | null;
}

export interface Breakdown {
  readonly totalPoints: number;
  readonly unestimated: number;
  readonly byType: Readonly<Record<WorkTypeOrUnclassified, TypeShare>>;
}

/** Points and share per work type; unclassified is its own row, never folded into feature. */
export function breakdownByType(items: readonly SprintItemRecord[]): Breakdown {
  const total = pointTotal(items);
  const entries = BALANCE_TYPES.map((type) => {
    const ofType = pointTotal(items.filter((item) => item.workType === type));
    const share = total.points > 0 ? round(ofType.points / total.points) : null;
    return [type, { points: ofType.points, count: ofType.count, share }] as const;
  });
  return {
    totalPoints: total.points,
    unestimated: total.unestimated,
    byType: Object.fromEntries(entries) as Record<WorkTypeOrUnclassified, TypeShare>,
  };
}

/**
 * Investment balance of one sprint (PRODUCT.md §5, the stacked chart): points and share per work
 * type, for what was planned (committed at sprint start and still in it: sprint-figures.ts
 * `plannedWork`) and what was completed in the sprint.
 * Sample = items that were in the sprint at any time.
 */
export function investmentBalance(
  sprint: SprintRecord,
  items: readonly SprintItemRecord[],
): MetricResult<
  { readonly planned: Breakdown; readonly completed: Breakdown },
  { readonly sprintId: string }
> {
  const own = itemsOfSprint(items, sprint.id);
  if (own.length === 0) return notEnoughData('points', 0, 1, 'the sprint has no items');
  return {
    status: 'ok',
    value: {
      // Planned = committed and still in the sprint (sprint-figures.ts plannedWork), as the planner counts.
      planned: breakdownByType(own.filter((item) => item.committed && !item.removedAfterStart)),
      completed: breakdownByType(own.filter(isCompleted)),
    },
    unit: 'points',
    sampleSize: own.length,
    sprintId: sprint.id,
  };
}
