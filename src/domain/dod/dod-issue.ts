import type { WorkTypeOrUnclassified } from '../work/work-type';

/**
 * The facts about one issue that Definition of Done auto checks read. The backend builds it from the
 * Jira issue (fields it already fetched); the domain never fetches anything itself.
 */
export interface DodIssue {
  readonly key: string;
  /** Jira issue type name, e.g. "Story", "Bug". */
  readonly issueType: string;
  /** Already resolved (manual choice, rule or inheritance) by the work-type code. */
  readonly workType: WorkTypeOrUnclassified;
  /** Story points or original estimate on the project's basis; null when the issue has none. */
  readonly estimate: number | null;
  readonly labels: readonly string[];
  /** Field id → value, for the fields that `fieldSet` checks name; absent means not set. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly subtasks: readonly DodSubtask[];
  readonly links: readonly DodIssueLink[];
  /**
   * Postmortems this issue is an action of, under the project's postmortem convention
   * (src/domain/postmortem): the backend decides it, since a label of a linked issue is not in the
   * issue's own data. `rule` says the convention in words for the checklist's reason. Absent when
   * it was not worked out.
   */
  readonly postmortems?: { readonly rule: string; readonly keys: readonly string[] };
}

export interface DodSubtask {
  readonly key: string;
  /** True when the subtask's status is in the Done category. */
  readonly done: boolean;
}

export interface DodIssueLink {
  /** The Jira link type name, e.g. "Relates", "Blocks". */
  readonly type: string;
  readonly direction: 'inward' | 'outward';
  readonly issueKey: string;
  /** Issue type name of the linked issue, when known. */
  readonly issueType?: string;
}
