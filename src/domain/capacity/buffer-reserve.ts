import { tidy } from './amounts';

/**
 * The buffer: the part of the sprint's capacity reserved for unplanned work, capacity × buffer %
 * (PRODUCT.md §2: "planned work may use at most capacity × (1 − buffer)"), in the policy's basis.
 * The planner's buffer use and the project page's interrupts both measure against this amount.
 */
export function bufferReserved(capacity: number, bufferPercent: number): number {
  return tidy((capacity * bufferPercent) / 100);
}
