/**
 * Each sprint's capacity and buffer as the project's capacity policy would have set them at its
 * start: the domain's resolveCapacity over the completed work (the velocity chart's "Completed",
 * domain/metrics/sprint-figures.ts) of the closed sprints before it — the same function and the
 * same figures the sprint planner uses, so both show one capacity. The current policy is applied
 * to past sprints: Ballast keeps no history of policy edits, and says so on the page.
 */
import {
  resolveCapacity,
  type CapacityPolicy,
  type ClosedSprintVelocity,
} from '../../domain/capacity';
import { completedWork } from '../../domain/metrics/sprint-figures';
import { groupItemsBySprint, type SprintItemRecord, type SprintRecord } from '../../domain/metrics';

export function withCapacity(
  sprints: readonly SprintRecord[],
  items: readonly SprintItemRecord[],
  policy: CapacityPolicy,
): SprintRecord[] {
  const bySprint = groupItemsBySprint(items);
  const bufferShare = policy.buffer / 100;
  const closedBefore: ClosedSprintVelocity[] = [];
  return sprints.map((sprint) => {
    const capacity = resolveCapacity(policy.capacity, closedBefore).amount;
    if (sprint.state === 'closed')
      closedBefore.push(closedSprintVelocity(sprint, bySprint.get(sprint.id) ?? []));
    return { ...sprint, capacity, bufferShare };
  });
}

/** A closed sprint's completed work, as the capacity policy's velocity reads it. */
export function closedSprintVelocity(
  sprint: SprintRecord,
  items: readonly SprintItemRecord[],
): ClosedSprintVelocity {
  return {
    sprintId: sprint.id,
    closedAt: sprint.completedAt ?? '',
    completed: completedWork(items.filter((item) => item.sprintId === sprint.id)).points,
  };
}
