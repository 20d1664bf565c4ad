/**
 * What the issue panel and issue context show, computed by the backend (the UI only renders it).
 */
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

export interface IssueView {
  readonly issueKey: string;
  readonly workType: WorkTypeView;
  readonly dod: DodEvaluation;
  /** Problems with stored data that the user should know about (shown, never hidden). */
  readonly problems: readonly string[];
}

export interface IssueRequest {
  readonly issueKey: string;
}

export interface SetWorkTypeRequest extends IssueRequest {
  /** A work type, or null to clear the manual choice and let the rules decide again. */
  readonly workType: WorkType | null;
}

export interface TickDodItemRequest extends IssueRequest {
  readonly itemId: string;
  readonly done: boolean;
}
