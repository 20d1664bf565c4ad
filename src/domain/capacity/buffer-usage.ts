import { AMOUNT_EPSILON, tidy } from './amounts';
import { sizeOf, type CapacityBasis, type SprintItem } from './sprint-item';

export interface BufferUsage {
  /** capacity × buffer share, in basis units. */
  readonly reserved: number;
  readonly used: number;
  /** Negative when the buffer is overspent. */
  readonly remaining: number;
  readonly spent: boolean;
  /** What the unplanned items use beyond the buffer (0 while it holds): taken from planned work. */
  readonly overflow: number;
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
    overflow: tidy(Math.max(0, used - reserved)),
    unplannedKeys: ordered.map((item) => item.key),
    overflowKeys,
  };
}

/**
 * What planned work may use in a sprint whose unplanned work is `buffer`: capacity × (1 − buffer),
 * less the unplanned work beyond the buffer. Work added after the start does not leave the sprint
 * (it is the team's call, PRODUCT.md §2), so once it overspends the buffer it takes its room from the
 * plan: planned + unplanned never exceeds the capacity (issue #18: a rebalance had filled the plan
 * to 82 of 82.2 points beside 14 unplanned, 96 in a sprint of 91.3, and called it a fit). Negative
 * when the unplanned work alone is over the capacity.
 */
export function availableForPlanned(
  bands: { readonly plannable: number },
  buffer: Pick<BufferUsage, 'overflow'>,
): number {
  return bands.plannable - buffer.overflow;
}
