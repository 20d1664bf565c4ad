import type { GateState } from '../gate/gate-state';
import type { WorkType } from '../work/work-type';

/** How a gate state bounds one work type's share of capacity, in percent. */
export interface GateTypeLimit {
  readonly atMost?: number;
  readonly atLeast?: number;
  /** Exempt items (P0, security) of this type do not count against its share ("feature 0 except exempt"). */
  readonly exceptExempt?: boolean;
}

export interface GateTargetRule {
  readonly limits: Readonly<Partial<Record<WorkType, GateTypeLimit>>>;
  /** Shown with the targets whenever this state applies. */
  readonly warning?: string;
}

export type GateTargetTable = Readonly<Record<GateState, GateTargetRule>>;

/**
 * Defaults from issue #3 and PRODUCT.md §4: when the error budget is at risk, features give way to
 * reliability; when it is spent, feature work stops except exempt items. NO_DATA is never read as
 * healthy silently: the healthy targets apply, with a warning.
 */
export const DEFAULT_GATE_TARGET_TABLE: GateTargetTable = {
  HEALTHY: { limits: {} },
  AT_RISK: {
    limits: { feature: { atMost: 40 }, reliability: { atLeast: 30 } },
  },
  FROZEN: {
    limits: { feature: { atMost: 0, exceptExempt: true }, reliability: { atLeast: 50 } },
  },
  NO_DATA: {
    limits: {},
    warning:
      'No SLO data: the error-budget gate cannot be read, so the healthy targets apply. Connect SLI data to let the gate adjust the split.',
  },
};
