import { parsePolicy, type CapacityPolicy } from '../policy';
import type { SprintItem } from '../sprint-item';

/** An estimated, classified, non-exempt item; override only what a test is about. */
export function anItem(overrides: Partial<SprintItem> = {}): SprintItem {
  return {
    key: 'BAL-1',
    type: 'feature',
    estimate: 1,
    rank: 'a',
    priority: 'Medium',
    labels: [],
    ...overrides,
  };
}

/** `count` items of one type and size, keys `${prefix}-1…`, ranks in key order. */
export function itemsOf(
  count: number,
  type: SprintItem['type'],
  estimate: number | null,
  prefix = type.toUpperCase(),
  overrides: Partial<SprintItem> = {},
): SprintItem[] {
  return Array.from({ length: count }, (_, index) =>
    anItem({
      key: `${prefix}-${index + 1}`,
      type,
      estimate,
      rank: `${prefix}|${String(index).padStart(5, '0')}`,
      ...overrides,
    }),
  );
}

/** The default policy with a fixed capacity, so tests need no velocity history. */
export function fixedPolicy(
  amount: number,
  overrides: Partial<CapacityPolicy> = {},
): CapacityPolicy {
  return parsePolicy({ capacity: { kind: 'fixed', amount }, ...overrides });
}
