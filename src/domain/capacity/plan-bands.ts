import { WORK_TYPES, type WorkType } from '../work/work-type';
import { bufferReserved } from './buffer-reserve';
import type { EffectiveTargets } from './effective-targets';

/** A type's allowed amount, in basis units: capacity × its min and max share. */
export interface AmountBand {
  readonly min: number;
  readonly max: number;
}

export interface PlanBands {
  readonly capacity: number;
  /** What planned work may use: capacity × (1 − buffer) (PRODUCT.md §2). */
  readonly plannable: number;
  /** capacity × buffer, kept for unplanned work. */
  readonly reserved: number;
  readonly byType: Readonly<Record<WorkType, AmountBand>>;
}

export function planBands(targets: EffectiveTargets, capacity: number): PlanBands {
  const byType = Object.fromEntries(
    WORK_TYPES.map((type) => {
      const target = targets.targets[type];
      return [
        type,
        { min: (capacity * target.minShare) / 100, max: (capacity * target.maxShare) / 100 },
      ];
    }),
  ) as Record<WorkType, AmountBand>;
  return {
    capacity,
    plannable: (capacity * (100 - targets.bufferShare)) / 100,
    reserved: bufferReserved(capacity, targets.bufferShare),
    byType,
  };
}
