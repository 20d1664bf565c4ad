/**
 * The sprint figures every screen shows, each defined once, over one sprint's item records
 * (sprint-membership.ts decides each item's part). Amounts are in the capacity policy's basis
 * (points, items or hours: sprint-size.ts); an unestimated item counts 0 and is reported.
 * Source: Jira's velocity chart and sprint report
 * (support.atlassian.com/jira-software-cloud/docs/view-and-understand-the-velocity-chart/,
 * …/view-and-understand-the-sprint-report/).
 */
import type { SprintItemRecord } from './records';
import { isCompleted, pointTotal, type PointTotal } from './sprint-items';

/** Committed: the work in the sprint when it started (the velocity chart's "Commitment"). */
export const committedWork = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => item.committed));

/**
 * Planned: the committed work still in the sprint at its end (now, for the active sprint) —
 * committed minus removed after start. What the planner checks against the split and capacity
 * (it sees the sprint as it is), and what the investment balance and shares of capacity count.
 */
export const plannedWork = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => item.committed && !item.removedAfterStart));

/**
 * Completed: the work in the sprint and done when it closed, whether committed or added later
 * (the velocity chart's "Completed": "any scope changes made after the sprint started are included").
 */
export const completedWork = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter(isCompleted));

/** Committed and completed: the part of the commitment done at close (strict predictability's numerator). */
export const committedAndCompleted = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => item.committed && item.completed && !item.removedAfterStart));

/**
 * Added after start: joined after the sprint started and still in it at its end (now, for the
 * active sprint) — the sprint report's "issues added after sprint start"; what the buffer pays for.
 */
export const addedAfterStart = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => item.addedAfterStart && !item.removedAfterStart));

/** Added and completed: work added after the start and done at close, shown beside predictability. */
export const addedAndCompleted = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(
    items.filter((item) => item.addedAfterStart && item.completed && !item.removedAfterStart),
  );

/** Removed after start: committed work taken out of the sprint before it ended. */
export const removedAfterStart = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => item.committed && item.removedAfterStart));

/**
 * Carry-over: in the sprint when it closed and not done — what Jira's "Complete sprint" moves to the
 * next sprint or the backlog (support.atlassian.com/jira-software-cloud/docs/complete-a-sprint/).
 */
export const carriedOver = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => !item.removedAfterStart && !item.completed));
