import type { WorkType } from '../work/work-type';
import { AMOUNT_EPSILON, formatAmount, shareOf, tidy } from './amounts';
import type { BufferUsage } from './buffer-usage';
import type { AmountBand } from './plan-bands';
import type { CapacityBasis } from './sprint-item';

/** A type outside its band: which type, which way, by how much (units and percentage points). */
export interface ShareViolation {
  readonly kind: 'share';
  readonly type: WorkType;
  readonly direction: 'over' | 'under';
  /** Amount beyond the band's edge, in basis units: what must move to comply. */
  readonly amount: number;
  /** The same in percentage points of capacity; null when capacity is 0. */
  readonly shareBeyond: number | null;
  readonly counted: number;
  /** The band edge that is broken, in units and percent. */
  readonly limit: number;
  readonly limitShare: number;
  readonly message: string;
}

/** Planned work above what it may use: capacity × (1 − buffer), less any buffer overspend. */
export interface CapacityViolation {
  readonly kind: 'capacity';
  readonly direction: 'over';
  readonly amount: number;
  readonly used: number;
  /** The limit that is broken: what planned work may use (the evaluation's `available`). */
  readonly plannable: number;
  /** Unplanned work beyond the buffer, taken from the plan (0 when the buffer holds). */
  readonly bufferOverflow: number;
  /** Planned plus unplanned work, and the capacity it is held against. */
  readonly sprintTotal: number;
  readonly capacity: number;
  readonly message: string;
}

export type Violation = ShareViolation | CapacityViolation;

export function shareViolation(
  type: WorkType,
  counted: number,
  band: AmountBand,
  limitShares: { min: number; max: number },
  capacity: number,
  basis: CapacityBasis,
): ShareViolation | null {
  const over = counted > band.max + AMOUNT_EPSILON;
  const under = counted < band.min - AMOUNT_EPSILON;
  if (!over && !under) return null;
  const limit = over ? band.max : band.min;
  const amount = tidy(Math.abs(counted - limit));
  const limitShare = over ? limitShares.max : limitShares.min;
  const edge = over ? 'maximum' : 'minimum';
  return {
    kind: 'share',
    type,
    direction: over ? 'over' : 'under',
    amount,
    shareBeyond: shareOf(amount, capacity),
    counted: tidy(counted),
    limit: tidy(limit),
    limitShare,
    message: `${type} is ${formatAmount(amount, basis)} ${over ? 'over' : 'under'} its ${edge} of ${formatAmount(limit, basis)} (${limitShare}% of capacity)`,
  };
}

export function capacityViolation(
  used: number,
  available: number,
  basis: CapacityBasis,
  sprint: { readonly capacity: number; readonly buffer: BufferUsage },
): CapacityViolation | null {
  if (used <= available + AMOUNT_EPSILON) return null;
  const amount = tidy(used - available);
  const { buffer } = sprint;
  const total = tidy(used + buffer.used);
  const units = (value: number): string => formatAmount(value, basis);
  const message =
    buffer.overflow > AMOUNT_EPSILON
      ? `planned work is ${units(amount)} over the ${units(available)} left for it: the items added after the start use ${units(buffer.used)} of a ${units(buffer.reserved)} buffer, so the sprint holds ${units(total)} against a capacity of ${units(sprint.capacity)}`
      : `planned work is ${units(amount)} over the ${units(available)} available after the buffer`;
  return {
    kind: 'capacity',
    direction: 'over',
    amount,
    used: tidy(used),
    plannable: tidy(available),
    bufferOverflow: buffer.overflow,
    sprintTotal: total,
    capacity: tidy(sprint.capacity),
    message,
  };
}
