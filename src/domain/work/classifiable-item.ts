import type { WorkType } from './work-type';

/**
 * What classification needs to know about a Jira issue. Adapters build it from the issue's fields;
 * `parent` is the parent issue (sub-task → story → epic) when it is known, itself classifiable, so a
 * child can inherit its parent's type.
 */
export interface ClassifiableItem {
  readonly key: string;
  /** Jira issue type name, e.g. "Bug", "Story", "Sub-task". */
  readonly issueType: string;
  readonly summary: string;
  readonly labels: readonly string[];
  readonly components: readonly string[];
  /** A type a person set in the issue panel; beats every rule. */
  readonly manualType?: WorkType;
  readonly parent?: ClassifiableItem;
}
