import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord, SprintRecord } from './records';
import {
  closedSprintsOldestFirst,
  groupItemsBySprint,
  isCompleted,
  pointTotal,
} from './sprint-items';
import { round } from './statistics';

export interface VelocitySprint {
  readonly sprintId: string;
  readonly name: string;
  readonly completedPoints: number;
}

/**
 * Velocity: story points completed per closed sprint, averaged (arithmetic mean) over the last
 * `window` closed sprints, 3 by default (issue 5; Scrum's "yesterday's weather" and Jira's velocity
 * chart). Completed points include items added after the start, as in Jira's velocity chart.
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
    completedPoints: pointTotal((bySprint.get(sprint.id) ?? []).filter(isCompleted)).points,
  }));
  const total = perSprint.reduce((acc, sprint) => acc + sprint.completedPoints, 0);
  return {
    status: 'ok',
    value: round(total / perSprint.length),
    unit: 'points',
    sampleSize: perSprint.length,
    sprints: perSprint,
  };
}
