/**
 * The four kinds of work Ballast balances (PRODUCT.md §1). An item with none of them is
 * `unclassified` and is shown as such everywhere — never silently counted as feature.
 */
export const WORK_TYPES = ['feature', 'debt', 'toil', 'reliability'] as const;

export type WorkType = (typeof WORK_TYPES)[number];

/** A work type, or the explicit absence of one. */
export type WorkTypeOrUnclassified = WorkType | 'unclassified';

export function isWorkType(value: unknown): value is WorkType {
  return typeof value === 'string' && (WORK_TYPES as readonly string[]).includes(value);
}
