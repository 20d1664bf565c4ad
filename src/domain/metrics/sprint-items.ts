import type { SprintItemRecord, SprintRecord } from './records';
import { toMs } from './time';

/** Shared helpers for the sprint metrics. Unestimated items count as 0 points and are reported. */
export interface PointTotal {
  readonly count: number;
  readonly points: number;
  readonly unestimated: number;
}

/** The item's size when the sprint ended (its `points`). */
export const sizeAtEnd = (item: SprintItemRecord): number | null => item.points;

/** The item's size when the sprint started: `pointsAtStart`, or `points` when absent. */
export const sizeAtStart = (item: SprintItemRecord): number | null =>
  item.pointsAtStart === undefined ? item.points : item.pointsAtStart;

/** Total size of the items, each sized at the sprint's end unless `sizeOf` says otherwise. */
export function pointTotal(
  items: readonly SprintItemRecord[],
  sizeOf: (item: SprintItemRecord) => number | null = sizeAtEnd,
): PointTotal {
  let points = 0;
  let unestimated = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (size === null || !Number.isFinite(size)) unestimated += 1;
    else points += size;
  }
  return { count: items.length, points, unestimated };
}

/** Completed within the sprint: done at close and not taken out of it. */
export const isCompleted = (item: SprintItemRecord): boolean =>
  item.completed && !item.removedAfterStart;

/** Still in the sprint when it closed, done or not. */
export const isInSprintAtClose = (item: SprintItemRecord): boolean => !item.removedAfterStart;

export function itemsOfSprint(
  items: readonly SprintItemRecord[],
  sprintId: string,
): SprintItemRecord[] {
  return items.filter((item) => item.sprintId === sprintId);
}

/** One pass over all items, for callers that compute every sprint's figures. */
export function groupItemsBySprint(
  items: readonly SprintItemRecord[],
): ReadonlyMap<string, readonly SprintItemRecord[]> {
  const groups = new Map<string, SprintItemRecord[]>();
  for (const item of items) {
    const group = groups.get(item.sprintId);
    if (group) group.push(item);
    else groups.set(item.sprintId, [item]);
  }
  return groups;
}

/** Closed sprints with a valid completion time, oldest first (ties by id, so the order is stable). */
export function closedSprintsOldestFirst(sprints: readonly SprintRecord[]): SprintRecord[] {
  return sprints
    .filter((sprint) => sprint.state === 'closed' && toMs(sprint.completedAt) !== undefined)
    .sort((a, b) => toMs(a.completedAt)! - toMs(b.completedAt)! || a.id.localeCompare(b.id));
}
