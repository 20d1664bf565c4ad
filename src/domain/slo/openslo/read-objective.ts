/**
 * Reads an SLO's `budgetingMethod` and its single objective: `target` or `targetPercent`, and for
 * Timeslices a `timeSliceTarget` over 1-minute slices.
 */
import type { BudgetingMethod } from '../spec';
import {
  asMap,
  describeValue,
  fail,
  onlyFields,
  optionalString,
  type FieldPath,
  type ReadContext,
} from './context';

export function readMethod(ctx: ReadContext, value: unknown): 'Occurrences' | 'Timeslices' | null {
  if (value === 'Occurrences' || value === 'Timeslices') return value;
  return fail(
    ctx,
    ['spec', 'budgetingMethod'],
    `${describeValue(value)} is not allowed: Occurrences or Timeslices`,
  );
}

export interface Objective {
  readonly target: number;
  readonly asPercent: boolean;
  readonly displayName?: string;
  readonly budgeting: BudgetingMethod;
}

export function readObjective(
  ctx: ReadContext,
  value: unknown,
  method: string | null,
): Objective | null {
  const path: FieldPath = ['spec', 'objectives'];
  if (!Array.isArray(value) || value.length !== 1) {
    return fail(
      ctx,
      path,
      `must be a list of exactly one objective (Ballast budgets each SLO against one target), got ${describeValue(value)}`,
    );
  }
  const at = [...path, 0];
  const obj = asMap(ctx, value[0], at);
  if (!obj) return null;
  onlyFields(ctx, obj, at, [
    'displayName',
    'target',
    'targetPercent',
    'timeSliceTarget',
    'timeSliceWindow',
  ]);
  const displayName = optionalString(ctx, obj, 'displayName', at);
  let target: number | null = null;
  if ((obj.target === undefined) === (obj.targetPercent === undefined)) {
    fail(
      ctx,
      at,
      'needs exactly one of target (a fraction, e.g. 0.999) or targetPercent (e.g. 99.9)',
    );
  } else if (obj.target !== undefined) {
    target = fraction(
      ctx,
      obj.target,
      [...at, 'target'],
      'a number greater than 0 and less than 1, e.g. 0.999',
    );
  } else {
    const pct = fraction(
      ctx,
      typeof obj.targetPercent === 'number' ? fromPercent(obj.targetPercent) : obj.targetPercent,
      [...at, 'targetPercent'],
      'a number greater than 0 and less than 100, e.g. 99.9',
    );
    target = pct;
  }
  if (method === 'Occurrences') {
    for (const key of ['timeSliceTarget', 'timeSliceWindow']) {
      if (obj[key] !== undefined)
        fail(ctx, [...at, key], 'is only allowed with budgetingMethod: Timeslices');
    }
  }
  let budgeting: BudgetingMethod | null = method === 'Occurrences' ? { method } : null;
  if (method === 'Timeslices') {
    const slice =
      obj.timeSliceTarget === undefined
        ? fail(
            ctx,
            [...at, 'timeSliceTarget'],
            'is required for Timeslices: the share of good events that makes a minute good, greater than 0 and at most 1',
          )
        : sliceTarget(ctx, obj.timeSliceTarget, [...at, 'timeSliceTarget']);
    if (obj.timeSliceWindow !== undefined && obj.timeSliceWindow !== '1m') {
      fail(
        ctx,
        [...at, 'timeSliceWindow'],
        `${describeValue(obj.timeSliceWindow)} is not allowed: 1m (Ballast's SLI data is per minute)`,
      );
    } else if (slice !== null) budgeting = { method, sliceTarget: slice };
  }
  if (target === null || budgeting === null) return null;
  return {
    target,
    asPercent: obj.targetPercent !== undefined,
    ...(displayName === undefined ? {} : { displayName }),
    budgeting,
  };
}

function fraction(
  ctx: ReadContext,
  value: unknown,
  path: FieldPath,
  allowed: string,
): number | null {
  if (typeof value === 'number' && value > 0 && value < 1) return value;
  const shown =
    path[path.length - 1] === 'targetPercent' && typeof value === 'number' ? value * 100 : value;
  return fail(ctx, path, `${describeValue(shown)} is not allowed: ${allowed}`);
}

function sliceTarget(ctx: ReadContext, value: unknown, path: FieldPath): number | null {
  if (typeof value === 'number' && value > 0 && value <= 1) return value;
  return fail(
    ctx,
    path,
    `${describeValue(value)} is not allowed: a number greater than 0 and at most 1`,
  );
}

/** 99.9 → 0.999 without the binary rounding of 99.9 / 100 (0.9990000000000001). */
export function fromPercent(percent: number): number {
  return Number((percent / 100).toPrecision(15));
}

export function toPercent(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}
