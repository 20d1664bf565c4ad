/**
 * An item's estimate at an instant, replayed from the changelog of the board's estimation field:
 * the sprint figures size committed work by the estimate it had when the sprint started and
 * completed work by the estimate it had when the sprint ended (Jira's velocity chart: "Commitment"
 * is "the total estimate of all issues in the sprint when it begins", "Completed" is "the total
 * completed estimates when the sprint ends" —
 * support.atlassian.com/jira-software-cloud/docs/view-and-understand-the-velocity-chart/).
 *
 * Jira's changelog carries a number field's old and new value as text: a story-point field in
 * `fromString`/`toString` with `from`/`to` null ("3" → "8"), the original estimate in seconds in
 * both `from` and `fromString` ("7200" → "14400") — see test/fixtures/jira/changelog-bulkfetch.json
 * and its source. An empty value means unestimated.
 */
import type { FieldChange } from './sprint-membership';

/** One estimate change: when, and the raw old and new values as the changelog holds them. */
export type EstimateChange = FieldChange;

/** A changelog value as an estimate: a finite number, or null (cleared, empty or not a number). */
export function estimateValue(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/**
 * The estimate at `at` (epoch ms): the new value of the last change at or before it, or — when
 * every change is later — the old value of the first change after it. When no change is later
 * than `at`, the value has not moved since: `current`, the value now (which also covers an
 * item with no change at all). Changes are oldest first.
 */
export function estimateAt(
  changes: readonly EstimateChange[],
  at: number,
  current: number | null,
): number | null {
  let last: EstimateChange | undefined;
  for (const change of changes) {
    if (change.at <= at) last = change;
    else return estimateValue(last ? last.to : change.from);
  }
  return current;
}
