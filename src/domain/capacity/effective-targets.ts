import type { GateState } from '../gate/gate-state';
import { WORK_TYPES, type WorkType } from '../work/work-type';
import type { CapacityPolicy } from './policy';

/** The band a type's share of capacity must fall in, after the gate has had its say. */
export interface EffectiveTarget {
  readonly type: WorkType;
  /** Percent of capacity. */
  readonly targetShare: number;
  readonly minShare: number;
  readonly maxShare: number;
  /** False when the gate excludes exempt items from this type's share (FROZEN feature). */
  readonly exemptItemsCount: boolean;
  /** Where the band comes from, for the planning view. */
  readonly reason: string;
}

export interface EffectiveTargets {
  readonly gateState: GateState;
  readonly targets: Readonly<Record<WorkType, EffectiveTarget>>;
  /** Percent of capacity reserved for unplanned work. */
  readonly bufferShare: number;
  readonly warnings: readonly string[];
}

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

/**
 * The targets a sprint is held to under a gate state. With no gate limit a type's band is its
 * policy target ± tolerance (clamped to 0–100). A gate limit only ever tightens: `atMost` moves the
 * target down to it and caps the band there; `atLeast` moves the target up and floors the band.
 * E.g. AT_RISK with the default policy: feature 60 ± 5 becomes 40 in [35, 40], reliability 10 ± 5
 * becomes 30 in [30, 35].
 */
export function effectiveTargets(policy: CapacityPolicy, gateState: GateState): EffectiveTargets {
  const rule = policy.gateTable[gateState];
  const entries = WORK_TYPES.map((type): [WorkType, EffectiveTarget] => {
    const policyTarget = policy.targets[type];
    const limit = rule.limits[type];
    const atLeast = limit?.atLeast ?? 0;
    const atMost = limit?.atMost ?? 100;
    const targetShare = clamp(policyTarget, atLeast, atMost);
    const reason =
      limit === undefined
        ? `policy target ${policyTarget}% ± ${policy.tolerance}`
        : `${gateState} gate: ${type} ${describeLimit(limit)} (policy target ${policyTarget}% ± ${policy.tolerance})`;
    return [
      type,
      {
        type,
        targetShare,
        minShare: Math.max(0, targetShare - policy.tolerance, atLeast),
        maxShare: Math.min(100, targetShare + policy.tolerance, atMost),
        exemptItemsCount: !(limit?.exceptExempt ?? false),
        reason,
      },
    ];
  });
  return {
    gateState,
    targets: Object.fromEntries(entries) as Record<WorkType, EffectiveTarget>,
    bufferShare: policy.buffer,
    warnings: rule.warning === undefined ? [] : [rule.warning],
  };
}

function describeLimit(limit: {
  atMost?: number;
  atLeast?: number;
  exceptExempt?: boolean;
}): string {
  const parts = [
    limit.atLeast === undefined ? null : `at least ${limit.atLeast}%`,
    limit.atMost === undefined ? null : `at most ${limit.atMost}%`,
    limit.exceptExempt ? 'except exempt items' : null,
  ];
  return parts.filter((part) => part !== null).join(', ');
}
