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

/** An explicit `exempt` on the item wins; otherwise a listed priority or label makes it exempt. */
export function isExempt(item: SprintItem, rules: ExemptionRules): boolean {
  if (item.exempt !== undefined) return item.exempt;
  const priority = item.priority === undefined ? undefined : lower(item.priority);
  if (priority !== undefined && rules.priorities.some((p) => lower(p) === priority)) return true;
  const labels = new Set(rules.labels.map(lower));
  return item.labels.some((label) => labels.has(lower(label)));
}
