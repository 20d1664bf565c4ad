import type { SprintItem } from './sprint-item';

/** Which items the split never moves (PRODUCT.md §2 / issue #3: P0 and security work). */
export interface ExemptionRules {
  /** Priority names, compared without regard to case. */
  readonly priorities: readonly string[];
  readonly labels: readonly string[];
}

export const DEFAULT_EXEMPTION: ExemptionRules = {
  priorities: ['P0', 'Highest'],
  labels: ['security'],
};

const lower = (value: string): string => value.trim().toLowerCase();

/**
 * A reusable test for one set of rules: an explicit `exempt` on the item wins; otherwise a listed
 * priority or label makes it exempt. Build it once per evaluation, not once per item.
 */
export function exemptionTest(rules: ExemptionRules): (item: SprintItem) => boolean {
  const priorities = new Set(rules.priorities.map(lower));
  const labels = new Set(rules.labels.map(lower));
  return (item) => {
    if (item.exempt !== undefined) return item.exempt;
    if (item.priority !== undefined && priorities.has(lower(item.priority))) return true;
    return item.labels.some((label) => labels.has(lower(label)));
  };
}

/** Whether the split must leave this item where it is (see exemptionTest). */
export function isExempt(item: SprintItem, rules: ExemptionRules): boolean {
  return exemptionTest(rules)(item);
}
