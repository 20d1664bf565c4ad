/**
 * What the issue panel and issue context show, computed by the backend (the UI only renders it).
 */
import type { GateStatement } from './gate';
import type { DodEvaluation } from '../domain/dod';
import type { WorkType, WorkTypeOrUnclassified } from '../domain/work';

export interface WorkTypeView {
  readonly type: WorkTypeOrUnclassified;
  /** How it was decided: by a person, by a rule, inherited from the parent, or not at all. */
  readonly source: 'manual' | 'rule' | 'parent' | 'none';
  /** One sentence for people, e.g. `Rule #1 "bug-is-reliability" (reliability): issue type is "Bug".` */
  readonly reason: string;
  /** Who set it by hand and when (ISO-8601), for manual choices. */
  readonly setBy?: string;
  readonly setAt?: string;
}

/**
 * A type suggested for an unclassified item by the project's naive-Bayes model (PRODUCT.md §1).
 * Only shown, never applied: a person applies it with `issue/setWorkType`.
 */
export interface WorkTypeSuggestionView {
  readonly type: WorkType;
  /**
   * Calibrated confidence in `type`, in (0, 1), three decimals, rounded down: the naive-Bayes
   * posterior capped by what the evidence supports (src/domain/work/work-type-suggestion.ts).
   */
  readonly confidence: number;
  /** How many tagged items of the project the model learned from. */
  readonly basedOn: number;
  /** How often the item's words and labels occur in those tagged items (the evidence). */
  readonly evidenceCount: number;
  /** The features that weighed most, e.g. `word "refactor"`, `label "ops"` (at most three). */
  readonly evidence: readonly string[];
}

/** The error-budget gate as it concerns this item: only for feature work while the gate is FROZEN. */
export interface IssueGateView {
  readonly state: 'FROZEN';
  /** False while the item may not start; true when it is exempt (P0, security) or overridden. */
  readonly mayStart: boolean;
  /**
   * Why it may start anyway: `exempt` by the project's exemption rules, or `override` (an admin's
   * time-boxed override of the freeze); null while it may not start.
   */
  readonly allowedBy: 'exempt' | 'override' | null;
  /** What the freeze means for this item: held, exempt (and why), or under an override. */
  readonly message: string;
  /** The SLOs that froze the project. */
  readonly slos: readonly string[];
  /** The gate in words: the policy's rule with today's figures, as on the planner and project page. */
  readonly statement: GateStatement;
  /** The freeze override in force (who, until when, why), when it is what lets the item start. */
  readonly override: {
    readonly accountId: string;
    /** ISO-8601. */
    readonly until: string;
    readonly reason: string;
  } | null;
  /** What would let the item start; null when it may start. */
  readonly wayOut: string | null;
}

/** An item closed before Ballast (src/domain/dod/closed-before-ballast.ts); dates ISO-8601. */
export interface ClosedBeforeBallastView {
  readonly closedBeforeBallast: true;
  /** Jira's resolution date of the item. */
  readonly resolvedAt: string;
  /** When Ballast first saw the project (its first pass over the project's issues). */
  readonly firstSeenAt: string;
}

export interface IssueView {
  readonly issueKey: string;
  readonly workType: WorkTypeView;
  /** Only for unclassified items, and only when the project's model has enough tagged items. */
  readonly suggestion: WorkTypeSuggestionView | null;
  /**
   * Why an unclassified item has no suggestion although the project has a model, e.g. `No
   * suggestion: the words and labels of this item appear only 3 times …`; null otherwise.
   */
  readonly noSuggestion: string | null;
  /** Only when the item is feature work and the project's gate is FROZEN. */
  readonly gate: IssueGateView | null;
  readonly dod: DodEvaluation;
  /**
   * Set when the item was already Done (resolved) before Ballast first saw the project: no
   * Definition of Done applies to it and it is left out of the DoD figures; `dod` is then only
   * what the checklist would say, not shown. Null for every other item.
   */
  readonly history: ClosedBeforeBallastView | null;
  /** Problems with stored data that the user should know about (shown, never hidden). */
  readonly problems: readonly string[];
  /** Display names of the account ids this view carries (who chose the type, ticked, overrode). */
  readonly people: Readonly<Record<string, string>>;
}

export interface IssueRequest {
  readonly issueKey: string;
}

/**
 * `issue/get`: without `issueKey`, the issue of the frame's Forge context — so an app can ask as
 * its bundle starts, without waiting for `view.getContext()` (issue #21, static/shared/first-load.ts).
 */
export interface IssueGetRequest {
  readonly issueKey?: string;
}

export interface SetWorkTypeRequest extends IssueRequest {
  /** A work type, or null to clear the manual choice and let the rules decide again. */
  readonly workType: WorkType | null;
}

export interface TickDodItemRequest extends IssueRequest {
  readonly itemId: string;
  readonly done: boolean;
}
