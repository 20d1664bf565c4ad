/**
 * What a sprint committed to when it started, and how it ended: the basis of predictability
 * (completed ÷ committed at start, PRODUCT.md §5) and of the record of what enforcement did.
 * Written once per sprint (the first start wins, so trigger retries change nothing).
 */
import type { CapacityBasis } from '../../domain/capacity';
import type { GateState } from '../../domain/gate';
import type { WorkTypeOrUnclassified } from '../../domain/work';
import type { KeyValueStore } from '../../ports/key-value-store';

export interface CommittedItem {
  readonly key: string;
  readonly type: WorkTypeOrUnclassified;
  /** In the policy's basis; null when unestimated. */
  readonly size: number | null;
  /**
   * The issue id, so the close can reconcile it in Jira's eventually consistent search (an item
   * finished a moment before the close still counts). Absent in commitments written before.
   */
  readonly id?: string;
}

export interface SprintCommitment {
  readonly v: 1;
  readonly projectKey: string;
  readonly boardId: number;
  readonly sprintId: number;
  readonly sprintName: string;
  readonly startedAt: string;
  readonly basis: CapacityBasis;
  /** Capacity × (1 − buffer) at the start; 0 when capacity was unknown. */
  readonly plannable: number;
  readonly gateState: GateState;
  readonly verdict: { readonly status: string; readonly headline: string };
  /** Committed after enforcement: the items left in the sprint. */
  readonly items: readonly CommittedItem[];
  /** What enforcement moved back to the backlog (empty unless enforce mode acted). */
  readonly movedOut: readonly string[];
  /**
   * Ids of the issues enforcement moved (sub-tasks included) and when: the planner's reads right
   * after the start reconcile them (planner/moved-issues.ts). Absent in commitments written before.
   */
  readonly movedIds?: readonly string[];
  readonly movedAt?: string;
  /** Why enforcement did not act although the plan broke the split (an override, a mode). */
  readonly notEnforcedBecause: string | null;
}

export interface SprintOutcome {
  readonly v: 1;
  readonly sprintId: number;
  readonly closedAt: string;
  /** Done when the sprint closed. */
  readonly completed: readonly CommittedItem[];
  /** Of the commitment at start, how much was completed (same basis); null without a commitment. */
  readonly committedCompleted: number | null;
  readonly committed: number | null;
  /** Done work that was not committed (added after the start), beside predictability; absent before. */
  readonly addedCompleted?: number | null;
  /** committedCompleted ÷ committed; null when either is unknown or nothing was committed. */
  readonly predictability: number | null;
}

export const commitmentKey = (sprintId: number): string => `sprint-commitment:${sprintId}`;
export const outcomeKey = (sprintId: number): string => `sprint-outcome:${sprintId}`;

export const loadCommitment = (kv: KeyValueStore, sprintId: number) =>
  kv.get<SprintCommitment>(commitmentKey(sprintId));

export const loadOutcome = (kv: KeyValueStore, sprintId: number) =>
  kv.get<SprintOutcome>(outcomeKey(sprintId));
