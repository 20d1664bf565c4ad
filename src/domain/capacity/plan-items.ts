import { ValidationError } from '../work/validation-error';
import { isWorkType } from '../work/work-type';
import type { SprintItem } from './sprint-item';

/**
 * Checks items coming from adapters before any arithmetic: unique keys, a known type, and an
 * estimate that is null or a finite number ≥ 0. Throws one ValidationError naming every bad item.
 */
export function assertValidItems(items: readonly SprintItem[], where: string): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.key)) problems.push(`${where}: item ${item.key} appears twice`);
    seen.add(item.key);
    if (item.type !== 'unclassified' && !isWorkType(item.type)) {
      problems.push(
        `${where}: item ${item.key}, field "type": must be a category (feature, debt, toil, reliability) or "unclassified"`,
      );
    }
    if (item.estimate !== null && !(Number.isFinite(item.estimate) && item.estimate >= 0)) {
      problems.push(
        `${where}: item ${item.key}, field "estimate": must be a number ≥ 0, or null when not estimated`,
      );
    }
    if (item.addedAt !== undefined && Number.isNaN(Date.parse(item.addedAt))) {
      problems.push(`${where}: item ${item.key}, field "addedAt": must be an ISO date-time`);
    }
  }
  if (problems.length > 0) throw new ValidationError('sprint items', problems);
}

/**
 * Items added after the sprint started are unplanned: they count against the buffer, not the split
 * (PRODUCT.md §2). Without a start time every item is committed (the sprint is still being planned).
 */
export function isUnplanned(item: SprintItem, startedAt: string | undefined): boolean {
  if (startedAt === undefined || item.addedAt === undefined) return false;
  return Date.parse(item.addedAt) > Date.parse(startedAt);
}
