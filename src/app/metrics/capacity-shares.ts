import type { CapacityData, SprintRow } from '../../contract/project-page';
import { shareOf } from '../../domain/capacity/amounts';
import { WORK_TYPES } from '../../domain/work/work-type';

/** shareOf's percent (two decimals) as a fraction with four, exactly. */
const asFraction = (percent: number | null): number =>
  percent === null ? 0 : Math.round(percent * 100) / 10_000;

/**
 * Each category's committed work as a share of the sprint's capacity — the one definition of "share
 * per category" (domain/capacity/amounts.ts `shareOf`, the planner's), as a fraction 0–1 for the
 * charts. The capacity policy's targets are written in these shares (PRODUCT.md §2).
 */
export function capacitySharesOf(sprints: readonly SprintRow[]): CapacityData['capacityShares'] {
  return sprints.map((sprint) => {
    const capacity = sprint.capacity;
    const row = { sprintId: sprint.sprintId, name: sprint.name, capacity };
    if (sprint.balance.reason !== null)
      return { ...row, byType: [], reason: sprint.balance.reason };
    if (capacity === null || capacity <= 0)
      return {
        ...row,
        byType: [],
        reason:
          'Capacity unknown: the policy takes it from the velocity of closed sprints before this one.',
      };
    return {
      ...row,
      byType: WORK_TYPES.map((type) => ({
        type,
        share: asFraction(
          // The share on the unrounded amounts when the snapshot has it (build-snapshot.ts).
          sprint.balance.percentOfCapacity !== undefined
            ? (sprint.balance.percentOfCapacity.find((entry) => entry.type === type)?.percent ??
                null)
            : shareOf(
                sprint.balance.planned.find((split) => split.type === type)?.points ?? 0,
                capacity,
              ),
        ),
      })),
      reason: null,
    };
  });
}
