/**
 * The sprint figures every screen shows, each defined once, over one sprint's item records
 * (sprint-membership.ts decides each item's part). Amounts are in the capacity policy's basis
 * (points, items or hours: sprint-size.ts); an unestimated item counts 0 and is reported.
 * Source: Jira's velocity chart and sprint report
 * (support.atlassian.com/jira-software-cloud/docs/view-and-understand-the-velocity-chart/,
 * …/view-and-understand-the-sprint-report/).
 */
import type { SprintItemRecord } from './records';
import { isCompleted, pointTotal, sizeAtStart, type PointTotal } from './sprint-items';

/**
 * Committed: the work in the sprint when it started, each item at its estimate then (the velocity
 * chart's "Commitment": "the total estimate of all issues in the sprint when it begins"). An item
 * estimated 3 at the start and re-estimated 8 later counts 3 here.
 */
export const committedWork = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(
    items.filter((item) => item.committed),
    sizeAtStart,
  );

/**
 * Planned: the committed work still in the sprint at its end (now, for the active sprint), at its
 * estimate then —
 * committed minus removed after start. What the planner checks against the split and capacity
 * (it sees the sprint as it is), and what the investment balance and shares of capacity count.
 */
export const plannedWork = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => item.committed && !item.removedAfterStart));

/**
 * Completed: the work in the sprint and done when it closed, whether committed or added later, at
 * its estimate when the sprint ended (the velocity chart's "Completed": "the total completed
 * estimates when the sprint ends"; "any scope changes made after the sprint started are included").
 * The item estimated 3 at the start and 8 at the close, done, counts 8 here.
 */
export const completedWork = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter(isCompleted));

/**
 * Committed and completed: the part of the commitment done at close, at the estimates committed
 * (strict predictability's numerator, so the ratio is the share of the commitment delivered and a
 * re-estimate cannot push it past 1 — the item 3 at the start and 8 at the close counts 3, as the
 * sprint-close trigger counts it from the start snapshot: app/sprint/on-sprint-closed.ts).
 */
export const committedAndCompleted = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(
    items.filter((item) => item.committed && item.completed && !item.removedAfterStart),
    sizeAtStart,
  );

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

/**
 * Removed after start: committed work taken out of the sprint before it ended, at its estimate when
 * the sprint started (what left the commitment; the sprint report's "issues removed from sprint").
 */
export const removedAfterStart = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(
    items.filter((item) => item.committed && item.removedAfterStart),
    sizeAtStart,
  );

/**
 * Re-estimated: how the committed work still in the sprint grew (+) or shrank (−) by estimate
 * changes after the start — what Jira's sprint report and burndown show as a scope change of an
 * estimate. committed − removed + re-estimated = planned.
 */
export const reestimatedAfterStart = (items: readonly SprintItemRecord[]): number => {
  const kept = items.filter((item) => item.committed && !item.removedAfterStart);
  return pointTotal(kept).points - pointTotal(kept, sizeAtStart).points;
};

/**
 * Carry-over: in the sprint when it closed and not done — what Jira's "Complete sprint" moves to the
 * next sprint or the backlog (support.atlassian.com/jira-software-cloud/docs/complete-a-sprint/).
 */
export const carriedOver = (items: readonly SprintItemRecord[]): PointTotal =>
  pointTotal(items.filter((item) => !item.removedAfterStart && !item.completed));
