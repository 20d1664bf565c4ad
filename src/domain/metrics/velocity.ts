import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import { completedWork } from './sprint-figures';
import { closedSprintsOldestFirst, groupItemsBySprint } from './sprint-items';
import { round } from './statistics';

export interface VelocitySprint {
  readonly sprintId: string;
  readonly name: string;
  readonly completedPoints: number;
}

/**
 * Velocity: the work completed per closed sprint (sprint-figures.ts `completedWork`: in the sprint
 * and done when it closed, items added after the start included), averaged (arithmetic mean) over
 * the last `window` closed sprints, 3 by default. Jira's velocity chart: "Velocity is calculated by
 * taking the average of the total completed estimates over the last several sprints"
 * (support.atlassian.com/jira-software-cloud/docs/view-and-understand-the-velocity-chart/). The
 * planner's capacity (capacity/capacity-resolution.ts) takes its mean from these same figures.
 * Amounts are in the capacity policy's basis.
 * The sample size is the number of sprints averaged; with fewer closed sprints than the window the
 * mean is over those there are; with none there is not enough data.
 */
export function velocity(
  sprints: readonly SprintRecord[],
  items: readonly SprintItemRecord[],
  { window = 3 }: { readonly window?: number } = {},
): MetricResult<number, { readonly sprints: readonly VelocitySprint[] }> {
  // A window below 1 would make slice(-0) take every sprint: read it as 1.
  const recent = closedSprintsOldestFirst(sprints).slice(-Math.max(1, Math.floor(window)));
  if (recent.length === 0) return notEnoughData('points', 0, 1, 'needs 1 closed sprint, has 0');
  const bySprint = groupItemsBySprint(items);
  const perSprint = recent.map((sprint): VelocitySprint => ({
    sprintId: sprint.id,
    name: sprint.name,
    completedPoints: completedWork(bySprint.get(sprint.id) ?? []).points,
  }));
  const total = perSprint.reduce((acc, sprint) => acc + sprint.completedPoints, 0);
  return {
    status: 'ok',
    // Six decimals, as the capacity engine tidies amounts: velocity and capacity are one number.
    value: round(total / perSprint.length, 6),
    unit: 'points',
    sampleSize: perSprint.length,
    sprints: perSprint,
  };
}
