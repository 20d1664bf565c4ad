import { AMOUNT_EPSILON, tidy } from './amounts';
import { sizeOf, type CapacityBasis, type SprintItem } from './sprint-item';

export interface BufferUsage {
  /** capacity × buffer share, in basis units. */
  readonly reserved: number;
  readonly used: number;
  /** Negative when the buffer is overspent. */
  readonly remaining: number;
  readonly spent: boolean;
  /** Unplanned items, in the order they were added. */
  readonly unplannedKeys: readonly string[];
  /** The unplanned items that no longer fit in the buffer, to be flagged. */
  readonly overflowKeys: readonly string[];
}

/** Mid-sprint: how much of the buffer the items added after the start have used (PRODUCT.md §2). */
export function bufferUsage(
  unplanned: readonly SprintItem[],
  reserved: number,
  basis: CapacityBasis,
): BufferUsage {
  const ordered = [...unplanned].sort(
    (a, b) =>
      Date.parse(a.addedAt ?? '') - Date.parse(b.addedAt ?? '') ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  let used = 0;
  const overflowKeys: string[] = [];
  for (const item of ordered) {
    used += sizeOf(item, basis);
    if (used > reserved + AMOUNT_EPSILON) overflowKeys.push(item.key);
  }
  return {
    reserved: tidy(reserved),
    used: tidy(used),
    remaining: tidy(reserved - used),
    spent: used > reserved + AMOUNT_EPSILON,
    unplannedKeys: ordered.map((item) => item.key),
    overflowKeys,
  };
}
