/**
 * The project's one exemption rule (PRODUCT.md §4: while FROZEN, "no feature work except exempt items
 * (P0, security)"; the "Example Error Budget Policy" of the SRE Workbook: "other than P0 issues or
 * security fixes"). The planner, the issue panel and the error-budget validator all ask
 * `exemptionMatcher` with the project's `capacity.exemption`, so an item is exempt everywhere or
 * nowhere. Names are compared trimmed and without regard to case: Jira's priority names and labels
 * are typed by people (`Highest`, `highest`; `security`, `Security`).
 */
import type { SprintItem } from './sprint-item';

/** Which items the split never moves and a freeze never holds. */
export interface ExemptionRules {
  /** Priority names, compared without regard to case. */
  readonly priorities: readonly string[];
  /** Labels, compared without regard to case. */
  readonly labels: readonly string[];
}

export const DEFAULT_EXEMPTION: ExemptionRules = {
  priorities: ['P0', 'Highest'],
  labels: ['security'],
};

/** The parts of an item the exemption rule reads. */
export interface ExemptionSubject {
  readonly priority?: string;
  readonly labels?: readonly string[];
}

/** Why an item is exempt: the item's own priority or label (as the item spells it). */
export interface ExemptionMatch {
  readonly by: 'priority' | 'label';
  readonly value: string;
}

const folded = (value: string): string => value.trim().toLowerCase();

/**
 * The matcher for one set of rules: a listed priority, else the first listed label, else null.
 * Build it once per evaluation, not once per item.
 */
export function exemptionMatcher(
  rules: ExemptionRules,
): (subject: ExemptionSubject) => ExemptionMatch | null {
  const priorities = new Set(rules.priorities.map(folded));
  const labels = new Set(rules.labels.map(folded));
  return (subject) => {
    if (subject.priority !== undefined && priorities.has(folded(subject.priority)))
      return { by: 'priority', value: subject.priority };
    const label = subject.labels?.find((l) => labels.has(folded(l)));
    return label === undefined ? null : { by: 'label', value: label };
  };
}

/**
 * The planner's test: an explicit `exempt` on the item wins; otherwise the rules decide
 * (exemptionMatcher).
 */
export function exemptionTest(rules: ExemptionRules): (item: SprintItem) => boolean {
  const match = exemptionMatcher(rules);
  return (item) => item.exempt ?? match(item) !== null;
}

/** Whether the split must leave this item where it is (see exemptionTest). */
export function isExempt(item: SprintItem, rules: ExemptionRules): boolean {
  return exemptionTest(rules)(item);
}
