/**
 * The sprint planner (jira:backlogAction and jira:sprintAction, PRODUCT.md §2): what each `planner/*`
 * resolver takes and returns. Everything the UI shows is computed by the backend; the UI renders it.
 */
import type { EnforcementMode, RebalanceProposal, SprintPlanEvaluation } from '../domain/capacity';
import type { GateState } from '../domain/gate/gate-state';
import type { GateStatement } from './gate';
import type { WorkTypeOrUnclassified } from '../domain/work/work-type';

export type { EnforcementMode, GateState, RebalanceProposal, SprintPlanEvaluation };

export interface PlannerSprint {
  readonly id: number;
  readonly name: string;
  readonly state: 'active' | 'future' | 'closed';
  readonly startDate?: string;
  readonly endDate?: string;
}

/** The board the planner runs on: its open sprints, the project's enforcement, what the viewer may do. */
export interface PlannerBoard {
  readonly projectKey: string;
  readonly boardId: number;
  /** Active first, then future sprints in the board's order. */
  readonly sprints: readonly PlannerSprint[];
  /** The sprint the action was opened on (sprint action), else the active one, else the first. */
  readonly selectedSprintId: number | null;
  readonly enforcement: EnforcementMode;
  /** Jira's "Schedule issues": moving items between the sprint and the backlog. */
  readonly canSchedule: boolean;
  /** Jira's "Manage sprints" (the Product Owner's permission): recording an override. */
  readonly canOverride: boolean;
}

export interface GateView {
  readonly state: GateState;
  /** The policy's entry and exit rule with today's figures (src/domain/gate/gate-words.ts). */
  readonly statement: GateStatement;
  /**
   * A time-boxed override in force (src/contract/gate.ts): feature work may start despite the
   * freeze until `until`. The split's targets stay those of the state.
   */
  readonly override: {
    readonly accountId: string;
    readonly until: string;
    readonly reason: string;
  } | null;
}

export interface MoveView {
  readonly key: string;
  readonly type: WorkTypeOrUnclassified;
  readonly direction: 'out' | 'in';
  readonly amount: number;
  readonly reason: string;
}

/** A rebalance the viewer can apply: the moves, the plan after them, and the sprint it was computed on. */
export interface ProposalView {
  readonly moves: readonly MoveView[];
  readonly after: SprintPlanEvaluation;
  readonly compliant: boolean;
  readonly reasons: readonly string[];
  /** The sprint's items (keys, types, estimates) the proposal was computed on: apply refuses if they changed. */
  readonly fingerprint: string;
}

/** The last rebalance applied to this sprint, while it can still be undone. */
export interface UndoView {
  readonly appliedAt: string;
  readonly appliedBy: string;
  readonly moves: readonly { readonly key: string; readonly direction: 'out' | 'in' }[];
}

export interface OverrideEntry {
  readonly id: string;
  readonly accountId: string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly projectKey: string;
  readonly sprint: { readonly id: number; readonly name: string };
  /** What was overridden: the verdict and the violations as they stood, and the gate. */
  readonly overridden: {
    readonly gateState: GateState;
    readonly headline: string;
    readonly violations: readonly string[];
    readonly fingerprint: string;
  };
  readonly reason: string;
}

/**
 * The last closed sprint's strict predictability (domain/metrics/predictability.ts), as the project
 * page shows it: committed and completed ÷ committed, with the work added and completed beside it.
 * Amounts in the policy's basis. Read with the velocity (a velocity-based capacity policy).
 */
export interface LastClosedSprintView {
  readonly name: string;
  readonly committed: number;
  readonly committedCompleted: number;
  readonly addedCompleted: number;
  /** 0–1; null with `reason` when nothing estimated was committed. */
  readonly predictability: number | null;
  readonly meetsBaseline: boolean | null;
  readonly reason: string | null;
}

export interface SprintEvaluation {
  readonly sprint: PlannerSprint;
  readonly gateState: GateState;
  readonly gate: GateView;
  readonly enforcement: EnforcementMode;
  readonly evaluation: SprintPlanEvaluation;
  /** The sprint's items as evaluated (see ProposalView.fingerprint). */
  readonly fingerprint: string;
  readonly proposal?: ProposalView;
  readonly undo: UndoView | null;
  /** The newest override recorded for this sprint, if any. */
  readonly override: OverrideEntry | null;
  /** True when enforcement is `enforce` and the plan breaks the split or the gate is FROZEN. */
  readonly overrideNeeded: boolean;
  /** Null when the capacity is fixed (no closed sprint is read) or no sprint has closed. */
  readonly lastClosedSprint: LastClosedSprintView | null;
  readonly notes: readonly string[];
  /**
   * Display names of the account ids this view carries (the override's author, who applied the
   * rebalance), as Jira returns them to the viewer; an id Jira does not name is left out.
   */
  readonly people: Readonly<Record<string, string>>;
}

/** What was applied or undone, and the sprint evaluated afterwards (with a fresh proposal). */
export interface PlannerChange {
  readonly moved: readonly { readonly key: string; readonly direction: 'out' | 'in' }[];
  readonly view: SprintEvaluation;
}

export interface AuditPage {
  readonly entries: readonly OverrideEntry[];
  readonly total: number;
  /** Pass back as `cursor` for the next (older) page; absent on the last page. */
  readonly nextCursor?: number;
}

export interface SprintTarget {
  /** Taken from the module's context when Jira gives one (backlog/sprint actions do). */
  readonly boardId?: number;
  readonly sprintId: number;
}

export const OVERRIDE_REASON_MAX = 500;
export const AUDIT_PAGE_SIZE = 50;

export interface PlannerContract {
  'planner/board': { request: { boardId?: number }; response: PlannerBoard };
  'planner/evaluate': {
    request: SprintTarget & { withProposal?: boolean };
    response: SprintEvaluation;
  };
  'planner/apply': {
    request: SprintTarget & {
      fingerprint: string;
      moves: readonly { readonly key: string; readonly direction: 'out' | 'in' }[];
    };
    response: PlannerChange;
  };
  'planner/undo': { request: SprintTarget; response: PlannerChange };
  'planner/override': {
    request: SprintTarget & { reason: string; fingerprint: string };
    response: { entry: OverrideEntry; view: SprintEvaluation };
  };
  'planner/audit': { request: { cursor?: number }; response: AuditPage };
}
