import type { GateState } from '../gate/gate-state';
import { WORK_TYPES, type WorkType } from '../work/work-type';
import { shareOf, tidy } from './amounts';
import { availableForPlanned, bufferUsage, type BufferUsage } from './buffer-usage';
import {
  resolveCapacity,
  type ClosedSprintVelocity,
  type ResolvedCapacity,
} from './capacity-resolution';
import { effectiveTargets, type EffectiveTarget, type EffectiveTargets } from './effective-targets';
import { exemptionTest } from './exemption';
import { planBands } from './plan-bands';
import { compareByRank } from './rank';
import { assertValidItems, isUnplanned } from './plan-items';
import type { CapacityPolicy } from './policy';
import { isEstimated, sizeOf, type CapacityBasis, type SprintItem } from './sprint-item';
import { verdictFor, type Verdict } from './verdict';
import { capacityViolation, shareViolation, type Violation } from './violations';

export interface SprintPlanInput {
  readonly policy: CapacityPolicy;
  /** The gate state whose limits are in force (domain/gate/gate-in-force.ts `limitsOf`). */
  readonly gateState: GateState;
  /** Every item in the sprint, committed or added later. Order does not matter. */
  readonly items: readonly SprintItem[];
  /** Needed when the policy's capacity is velocity-based. */
  readonly velocityHistory?: readonly ClosedSprintVelocity[];
  /** ISO instant the sprint started; omit while it is being planned. */
  readonly startedAt?: string;
}

/** One work type's line in the planning view. Amounts in basis units, shares in percent of capacity. */
export interface TypeAllocation {
  readonly type: WorkType;
  readonly itemCount: number;
  readonly planned: number;
  readonly exempt: number;
  /** What the split counts: `planned`, minus exempt items when the gate excludes them. */
  readonly counted: number;
  readonly share: number | null;
  readonly target: EffectiveTarget;
  readonly min: number;
  readonly max: number;
  /** `unknown` while capacity is unknown. */
  readonly status: 'within' | 'over' | 'under' | 'unknown';
  /** Added after the start; counted against the buffer, not here. */
  readonly unplanned: number;
}

export interface NotReadyItem {
  readonly key: string;
  readonly reasons: readonly ('noEstimate' | 'unclassified')[];
}

export interface SprintPlanEvaluation {
  readonly basis: CapacityBasis;
  readonly capacity: ResolvedCapacity;
  /** capacity × (1 − buffer); 0 when capacity is unknown. */
  readonly plannable: number;
  /**
   * What planned work may use: `plannable`, less what the items added after the start use beyond
   * the buffer (`buffer.overflow`) — so planned plus unplanned work never exceeds the capacity.
   * Equal to `plannable` while the buffer holds. The capacity check and `remaining` use it.
   */
  readonly available: number;
  /** Committed work, all types and unclassified. */
  readonly used: number;
  /** available − used; negative when planned work is over it. */
  readonly remaining: number;
  readonly byType: readonly TypeAllocation[];
  readonly unclassified: {
    readonly itemCount: number;
    readonly planned: number;
    readonly share: number | null;
  };
  readonly violations: readonly Violation[];
  readonly notReady: readonly NotReadyItem[];
  readonly buffer: BufferUsage;
  readonly targets: EffectiveTargets;
  readonly verdict: Verdict;
  readonly warnings: readonly string[];
}

function notReady(items: readonly SprintItem[], basis: CapacityBasis): NotReadyItem[] {
  return items
    .map((item) => ({
      key: item.key,
      reasons: [
        ...(isEstimated(item, basis) ? [] : (['noEstimate'] as const)),
        ...(item.type === 'unclassified' ? (['unclassified'] as const) : []),
      ],
    }))
    .filter((entry) => entry.reasons.length > 0)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Checks a sprint against the policy under the current gate (PRODUCT.md §2, issue #3): planned
 * amount and share per type against the gate-adjusted band, capacity used against what is left
 * after the buffer, items not ready, and mid-sprint buffer use. Independent of item order.
 */
export function evaluateSprintPlan(input: SprintPlanInput): SprintPlanEvaluation {
  assertValidItems(input.items, 'sprint');
  const { policy, gateState } = input;
  // Summing in one canonical order keeps float results identical whatever order items came in.
  const items = [...input.items].sort(compareByRank);
  const basis = policy.basis;
  const capacity = resolveCapacity(policy.capacity, input.velocityHistory);
  const targets = effectiveTargets(policy, gateState);
  const bands = planBands(targets, capacity.amount ?? 0);
  const committed = items.filter((item) => !isUnplanned(item, input.startedAt));
  const unplanned = items.filter((item) => isUnplanned(item, input.startedAt));

  const isExempt = exemptionTest(policy.exemption);
  const known = capacity.amount !== null;
  const violations: Violation[] = [];
  const byType = WORK_TYPES.map((type): TypeAllocation => {
    const mine = committed.filter((item) => item.type === type);
    const planned = mine.reduce((sum, item) => sum + sizeOf(item, basis), 0);
    const exempt = mine.filter(isExempt).reduce((sum, item) => sum + sizeOf(item, basis), 0);
    const target = targets.targets[type];
    const counted = target.exemptItemsCount ? planned : planned - exempt;
    const band = bands.byType[type];
    // Shares are checked in list order (feature, debt, toil, reliability), so violations are too.
    const violation = shareViolation(
      type,
      counted,
      band,
      { min: target.minShare, max: target.maxShare },
      bands.capacity,
      basis,
    );
    if (known && violation) violations.push(violation);
    return {
      type,
      itemCount: mine.length,
      planned: tidy(planned),
      exempt: tidy(exempt),
      counted: tidy(counted),
      share: shareOf(counted, bands.capacity),
      target,
      min: tidy(band.min),
      max: tidy(band.max),
      status: known ? (violation?.direction ?? 'within') : 'unknown',
      unplanned: tidy(
        unplanned
          .filter((item) => item.type === type)
          .reduce((sum, item) => sum + sizeOf(item, basis), 0),
      ),
    };
  });

  const unclassifiedItems = committed.filter((item) => item.type === 'unclassified');
  const unclassifiedAmount = unclassifiedItems.reduce((sum, item) => sum + sizeOf(item, basis), 0);
  const used = committed.reduce((sum, item) => sum + sizeOf(item, basis), 0);
  const buffer = bufferUsage(unplanned, bands.reserved, basis);
  const available = availableForPlanned(bands, buffer);
  if (known) {
    const overCapacity = capacityViolation(used, available, basis, {
      capacity: bands.capacity,
      buffer,
    });
    if (overCapacity) violations.push(overCapacity);
  }

  const warnings = [...targets.warnings];
  if (!known) warnings.push(capacity.explanation);
  if (known && bands.capacity === 0) warnings.push('Capacity is 0: any planned work is over it.');

  return {
    basis,
    capacity,
    plannable: tidy(bands.plannable),
    available: tidy(available),
    used: tidy(used),
    remaining: tidy(available - used),
    byType,
    unclassified: {
      itemCount: unclassifiedItems.length,
      planned: tidy(unclassifiedAmount),
      share: shareOf(unclassifiedAmount, bands.capacity),
    },
    violations,
    notReady: notReady(items, basis),
    buffer,
    targets,
    verdict: verdictFor(policy.enforcement, known, violations),
    warnings,
  };
}
