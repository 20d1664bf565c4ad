/**
 * The sprint planner (jira:backlogAction and jira:sprintAction, PRODUCT.md §2): what each `planner/*`
 * resolver takes and returns. Everything the UI shows is computed by the backend; the UI renders it.
 */
import type {
  CapacityBasis,
  EnforcementMode,
  RebalanceProposal,
  SprintPlanEvaluation,
} from '../domain/capacity';
import type { GateState } from '../domain/gate/gate-state';
import { LIMITS } from '../domain/limits';
import type { GateStatement } from './gate';
import type { ScopeChangeView } from './project-page';
import type { WorkTypeOrUnclassified } from '../domain/work/work-type';

export type { CapacityBasis, EnforcementMode, GateState, RebalanceProposal, SprintPlanEvaluation };

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
   * A time-boxed override of the freeze within its time box (src/contract/gate.ts). While the gate
   * is FROZEN it `counts`: feature work may start until `until` and the normal split applies
   * (domain/gate/gate-in-force.ts). In any other state it is shown, and does not count.
   */
  readonly override: {
    readonly accountId: string;
    readonly until: string;
    readonly reason: string;
    readonly counts: boolean;
  } | null;
}

/**
 * An item as the planner lists it, read from Jira by the backend: its summary, its status (name and
 * category key — `new`, `indeterminate` or `done`, StatusDetails.statusCategory.key in
 * ../shared/jira-openapi/platform.v3.json) and the display name of its assignee (UserDetails).
 */
export interface PlannerIssueView {
  readonly key: string;
  readonly summary: string;
  /** Null when Jira did not send it. */
  readonly status: { readonly name: string; readonly category: string } | null;
  /** The assignee's display name; null when unassigned. */
  readonly assignee: string | null;
  readonly type: WorkTypeOrUnclassified;
  /** Its size in the policy's basis (rounded six decimals; the UI rounds for reading). */
  readonly amount: number;
}

export interface MoveView extends PlannerIssueView {
  readonly direction: 'out' | 'in';
  readonly reason: string;
}

/** A started or Done item of a running sprint the proposal would have moved out, and why it stays. */
export interface HeldView extends PlannerIssueView {
  readonly reason: string;
}

/** A rebalance the viewer can apply: the moves, the plan after them, and the sprint it was computed on. */
export interface ProposalView {
  readonly moves: readonly MoveView[];
  /** What it may not move out of a running sprint (started or Done work), with why. */
  readonly held: readonly HeldView[];
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
  /** Absent on entries written before the log kept rebalances too: every one of those is an override. */
  readonly kind?: 'override';
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

/** An override of the split as the planner shows it: whether it still covers the sprint, and why not. */
export interface OverrideView extends OverrideEntry {
  /** True while the sprint's items and the gate state are those it was recorded on and under. */
  readonly counts: boolean;
  /** Why it no longer counts, in words; null while it counts. */
  readonly notCountingBecause: string | null;
}

/** How many moves one audit entry keeps; a bigger rebalance is kept in several entries (`part`). */
export const AUDIT_MOVES_PER_ENTRY = 30;

/**
 * A rebalance applied or undone, as the audit log keeps it (issue #18): who, when, the sprint and
 * the moves, with each item's size in the policy's basis at the time (null when not known).
 */
export interface RebalanceAuditEntry {
  readonly kind: 'rebalanceApplied' | 'rebalanceUndone';
  readonly id: string;
  readonly accountId: string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly projectKey: string;
  readonly sprint: { readonly id: number; readonly name: string };
  readonly basis: CapacityBasis;
  readonly moves: readonly {
    readonly key: string;
    /** out: sprint → backlog; in: backlog → sprint (for an undo, the direction it moved back). */
    readonly direction: 'out' | 'in';
    readonly amount: number | null;
  }[];
  /** Present when one rebalance took several entries: which one of how many (from 1). */
  readonly part?: { readonly index: number; readonly of: number };
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
  /** The newest override recorded for this sprint, if any, and whether it still counts. */
  readonly override: OverrideView | null;
  /** True when enforcement is `enforce` and the plan breaks the split or a freeze holds feature work. */
  readonly overrideNeeded: boolean;
  /** Null when the capacity is fixed (no closed sprint is read) or no sprint has closed. */
  readonly lastClosedSprint: LastClosedSprintView | null;
  /**
   * An active sprint's scope change since its start — added, removed, re-estimated — the figure the
   * project page shows for the same sprint (one function: app/metrics/scope-change-view.ts); null
   * for a sprint that has not started.
   */
  readonly scopeChange: ScopeChangeView | null;
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

/** One changed field of the error-budget policy, as a person reads it (e.g. "25%" → "20%"). */
export interface PolicyFieldChange {
  /** The field's label on the settings page, e.g. "At risk below". */
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

/** A change to the project's SLOs or error-budget policy, as the audit log keeps it (issue #18). */
export type SettingsChange =
  | {
      readonly kind: 'slo-import';
      /** SLO names, each list sorted: new in the file, changed by it, removed by it. */
      readonly added: readonly string[];
      readonly replaced: readonly string[];
      readonly deleted: readonly string[];
    }
  | { readonly kind: 'slo-save'; readonly name: string; readonly added: boolean }
  | { readonly kind: 'slo-delete'; readonly name: string }
  | { readonly kind: 'policy-change'; readonly changes: readonly PolicyFieldChange[] };

export interface SettingsChangeEntry {
  readonly id: string;
  readonly accountId: string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly projectKey: string;
  readonly change: SettingsChange;
}

/**
 * What let a release through while the project's gate was FROZEN (issue #22): an admin's freeze
 * override, every carried item exempt (or not feature work), or nothing — the pipeline did not ask,
 * or went on although the gate held it.
 */
export interface FreezeRelease {
  readonly allowedBy: 'override' | 'exempt' | null;
  /**
   * The override in force when it was recorded (who recorded it, why, until when). Who is an
   * account id only: names are looked up in Jira when shown, never stored (app/privacy).
   */
  readonly override: {
    readonly accountId: string;
    readonly reason: string;
    readonly until: string;
  } | null;
  /** The carried items of the project as the gate judged them (checkWorkStart's rule and words). */
  readonly items: readonly {
    readonly key: string;
    readonly allowed: boolean;
    readonly rule: string;
    readonly message: string;
  }[];
  /** The SLOs that froze the gate. */
  readonly frozenBy: readonly string[];
  /** Set when the items could not be judged (Jira unavailable): the release is marked all the same. */
  readonly note?: string;
}

/** The deployment a release during a freeze was, as CI/CD pushed it. */
export interface ReleasedDeployment {
  readonly id: string;
  readonly service: string;
  readonly environment: string;
  readonly status: 'success' | 'failed' | 'rolled_back';
  readonly finishedAt: string;
  readonly issueKeys: readonly string[];
}

/** A deployment recorded while the project's gate was FROZEN, as the audit log keeps it (issue #22). */
export interface ReleaseDuringFreezeEntry extends FreezeRelease {
  readonly kind: 'releaseDuringFreeze';
  readonly id: string;
  /** No person: a pipeline recorded it (empty); the deployment says which. */
  readonly accountId: '';
  /** ISO-8601 instant: when the deployment was recorded. */
  readonly at: string;
  readonly projectKey: string;
  readonly deployment: ReleasedDeployment;
}

/**
 * An entry of the project's audit log: an override, a rebalance, a change to its SLOs or policy,
 * or a release made while its gate was FROZEN.
 */
export type AuditEntry =
  OverrideEntry | RebalanceAuditEntry | SettingsChangeEntry | ReleaseDuringFreezeEntry;

/** A release made while the gate was FROZEN (kind `releaseDuringFreeze`). */
export const isReleaseDuringFreezeEntry = (entry: AuditEntry): entry is ReleaseDuringFreezeEntry =>
  'kind' in entry && entry.kind === 'releaseDuringFreeze';

/** Overrides are the entries with neither a `change` (SLO and policy changes) nor a rebalance `kind`. */
export const isOverrideEntry = (entry: AuditEntry): entry is OverrideEntry =>
  !('change' in entry) && (entry.kind === undefined || entry.kind === 'override');

export interface AuditPage {
  /** Newest first: overrides, rebalances applied or undone, and SLO and policy changes. */
  readonly entries: readonly AuditEntry[];
  readonly total: number;
  /** Pass back as `cursor` for the next (older) page; absent on the last page. */
  readonly nextCursor?: number;
}

export interface SprintTarget {
  /** Taken from the module's context when Jira gives one (backlog/sprint actions do). */
  readonly boardId?: number;
  readonly sprintId: number;
}

export const OVERRIDE_REASON_MAX = LIMITS.overrideReason.limit;
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
