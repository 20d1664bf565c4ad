import type { WorkTypeOrUnclassified } from '../work/work-type';

/**
 * What capacity is counted in (PRODUCT.md §2):
 * - `storyPoints`: the board's estimation field, in points;
 * - `issueCount`: every item counts 1, estimates are ignored;
 * - `originalEstimate`: Jira's original estimate, in seconds (as the REST API returns it).
 * Capacity, buffer and every amount in results are in the same unit.
 */
export const CAPACITY_BASES = ['storyPoints', 'issueCount', 'originalEstimate'] as const;
export type CapacityBasis = (typeof CAPACITY_BASES)[number];

/** Jira ranks are LexoRank strings ("0|i0003b:"), compared as plain strings; numbers are allowed too. */
export type Rank = string | number;

/** An item in a sprint or the backlog, as the capacity engine sees it. */
export interface SprintItem {
  readonly key: string;
  readonly type: WorkTypeOrUnclassified;
  /** Points or seconds, per the policy basis; null when not estimated. Ignored for `issueCount`. */
  readonly estimate: number | null;
  /** Smaller ranks are higher in the backlog (Jira order). */
  readonly rank: Rank;
  /** Jira priority name, e.g. "Highest", "P0". */
  readonly priority?: string;
  readonly labels: readonly string[];
  /** Set to force (true) or deny (false) exemption; otherwise the policy's exemption rules decide. */
  readonly exempt?: boolean;
  /** ISO instant the item entered the sprint; items added after the sprint started use the buffer. */
  readonly addedAt?: string;
  /**
   * Jira's status: its name and its category's key, `fields.status.statusCategory.key` of the issue
   * (StatusDetails → StatusCategory in ../shared/jira-openapi/platform.v3.json). Jira has three
   * categories, To Do, In Progress and Done (support.atlassian.com/jira-cloud-administration/docs/
   * what-are-issue-statuses-priorities-and-resolutions/), keyed `new`, `indeterminate` and `done`.
   * A rebalance never moves started or Done work out of a running sprint (committed-work.ts).
   */
  readonly status?: ItemStatus;
  /**
   * Its sub-tasks with their statuses (Jira's `subtasks` field). Jira moves sub-tasks with their
   * parent, so a parent whose sub-task has started has started too (committed-work.ts).
   */
  readonly subtasks?: readonly { readonly key: string; readonly status?: ItemStatus }[];
}

export interface ItemStatus {
  readonly name: string;
  /** `new`, `indeterminate` or `done`; kept as Jira sent it, so an unknown key is seen as such. */
  readonly category: string;
}

/** The item's size in the basis unit; an unestimated item counts 0 (it is reported as not ready). */
export function sizeOf(item: SprintItem, basis: CapacityBasis): number {
  if (basis === 'issueCount') return 1;
  return item.estimate ?? 0;
}

export function isEstimated(item: SprintItem, basis: CapacityBasis): boolean {
  return basis === 'issueCount' || item.estimate !== null;
}
