/**
 * Each sprint's capacity and buffer as the project's capacity policy would have set them at its
 * start: a fixed amount, or the mean completed points of the N closed sprints before it × the
 * availability (PRODUCT.md §2). The current policy is applied to past sprints: Ballast keeps no
 * history of policy edits, and says so on the page.
 */
import type { CapacityPolicy } from '../../domain/capacity';
import type { SprintItemRecord, SprintRecord } from '../../domain/metrics';

export function withCapacity(
  sprints: readonly SprintRecord[],
  items: readonly SprintItemRecord[],
  policy: CapacityPolicy,
): SprintRecord[] {
  const completedPoints = new Map<string, number>();
  for (const item of items) {
    if (!item.completed || item.removedAfterStart) continue;
    completedPoints.set(
      item.sprintId,
      (completedPoints.get(item.sprintId) ?? 0) + (item.points ?? 0),
    );
  }
  const bufferShare = policy.buffer / 100;
  const closedBefore: number[] = [];
  return sprints.map((sprint) => {
    let capacity: number | null = null;
    if (policy.capacity.kind === 'fixed') capacity = policy.capacity.amount;
    else {
      const recent = closedBefore.slice(-policy.capacity.sprints);
      if (recent.length > 0) {
        const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
        capacity = Math.round(mean * policy.capacity.availability * 100) / 100;
      }
    }
    if (sprint.state === 'closed') closedBefore.push(completedPoints.get(sprint.id) ?? 0);
    return { ...sprint, capacity, bufferShare };
  });
}
