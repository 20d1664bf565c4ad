/**
 * Reads an SLO's `budgetingMethod` and its objective (OpenSLO README "Objectives" and its notes):
 * `target` in [0, 1) or `targetPercent` in [0, 100); `op` (lte | gte | lt | gt) and `value`, kept
 * as written; for Timeslices a `timeSliceTarget` in (0, 1] and a `timeSliceWindow`, both required
 * ("required only when budgetingMethod is set to Timeslices"; go-sdk `sloTimeSlicesObjectiveValidation`).
 */
import type { BudgetingMethod, ObjectiveOp } from '../spec';
import {
  asMap,
  describeValue,
  fail,
  onlyFields,
  optionalString,
  type FieldPath,
  type ReadContext,
} from './context';
import { readSliceWindow } from './read-slice-window';

const METHODS = ['Occurrences', 'Timeslices'];
const OPS: readonly ObjectiveOp[] = ['lte', 'gte', 'lt', 'gt'];

export function readMethod(ctx: ReadContext, value: unknown): 'Occurrences' | 'Timeslices' | null {
  const path = ['spec', 'budgetingMethod'];
  if (value === 'Occurrences' || value === 'Timeslices') return value;
  if (value === undefined) return fail(ctx, path, 'is required: Occurrences or Timeslices');
  if (value === 'RatioTimeslices')
    return fail(
      ctx,
      path,
      'RatioTimeslices is valid OpenSLO v1, but Ballast budgets Occurrences or Timeslices only',
    );
  return fail(
    ctx,
    path,
    `${describeValue(value)} is not allowed: ${METHODS.join(' or ')} (OpenSLO also defines RatioTimeslices)`,
  );
}

export interface Objective {
  readonly target: number;
  readonly asPercent: boolean;
  readonly displayName?: string;
  readonly op?: ObjectiveOp;
  readonly value?: number;
  readonly budgeting: BudgetingMethod;
}

export function readObjective(
  ctx: ReadContext,
  value: unknown,
  method: string | null,
): Objective | null {
  const path: FieldPath = ['spec', 'objectives'];
  if (value === undefined) return fail(ctx, path, 'is required: a list with one objective');
  if (!Array.isArray(value)) return fail(ctx, path, `must be a list, got ${describeValue(value)}`);
  if (value.length !== 1) {
    return fail(
      ctx,
      path,
      value.length === 0
        ? 'is empty: it needs one objective with target or targetPercent'
        : `has ${value.length} objectives; OpenSLO allows several on a ratioMetric SLO, but Ballast budgets each SLO against one: write one SLO per objective`,
    );
  }
  const at = [...path, 0];
  const obj = asMap(ctx, value[0], at);
  if (!obj) return null;
  onlyFields(ctx, obj, at, [
    'displayName',
    'op',
    'value',
    'target',
    'targetPercent',
    'timeSliceTarget',
    'timeSliceWindow',
  ]);
  const displayName = optionalString(ctx, obj, 'displayName', at);
  const op = obj.op === undefined ? undefined : readOp(ctx, obj.op, [...at, 'op']);
  if (obj.value !== undefined && typeof obj.value !== 'number')
    fail(ctx, [...at, 'value'], `must be a number, got ${describeValue(obj.value)}`);
  const target = readTarget(ctx, obj, at);
  if (method === 'Occurrences') {
    for (const key of ['timeSliceTarget', 'timeSliceWindow']) {
      if (obj[key] !== undefined)
        fail(ctx, [...at, key], 'is only used with budgetingMethod: Timeslices');
    }
  }
  let budgeting: BudgetingMethod | null = method === 'Occurrences' ? { method } : null;
  if (method === 'Timeslices') {
    const slice =
      obj.timeSliceTarget === undefined
        ? fail(
            ctx,
            [...at, 'timeSliceTarget'],
            'is required for Timeslices: the share of good events that makes a slice good, greater than 0 and at most 1',
          )
        : sliceTarget(ctx, obj.timeSliceTarget, [...at, 'timeSliceTarget']);
    const window = readSliceWindow(ctx, obj.timeSliceWindow, [...at, 'timeSliceWindow']);
    if (slice !== null && window) budgeting = { method, sliceTarget: slice };
  }
  if (target === null || budgeting === null || op === null) return null;
  return {
    target,
    asPercent: obj.targetPercent !== undefined,
    ...(displayName === undefined ? {} : { displayName }),
    ...(op === undefined ? {} : { op }),
    ...(typeof obj.value === 'number' ? { value: obj.value } : {}),
    budgeting,
  };
}

function readOp(ctx: ReadContext, value: unknown, path: FieldPath): ObjectiveOp | null {
  if (typeof value === 'string' && (OPS as readonly string[]).includes(value))
    return value as ObjectiveOp;
  return fail(ctx, path, `${describeValue(value)} is not allowed: ${OPS.join(', ')}`);
}

/** "target numeric [0.0, 1.0)" / "targetPercent numeric [0.0, 100)", exactly one of them. */
function readTarget(
  ctx: ReadContext,
  obj: Readonly<Record<string, unknown>>,
  at: FieldPath,
): number | null {
  if ((obj.target === undefined) === (obj.targetPercent === undefined)) {
    return fail(
      ctx,
      at,
      `needs exactly one of target (a fraction in [0, 1), e.g. 0.999) or targetPercent (in [0, 100), e.g. 99.9); got ${obj.target === undefined ? 'neither' : 'both'}`,
    );
  }
  if (obj.target !== undefined) {
    const t = obj.target;
    if (typeof t === 'number' && t >= 0 && t < 1) return t;
    return fail(
      ctx,
      [...at, 'target'],
      `${describeValue(t)} is not allowed: a number from 0 up to but excluding 1, e.g. 0.999`,
    );
  }
  const pct = obj.targetPercent;
  if (typeof pct === 'number' && pct >= 0 && pct < 100) {
    const target = fromPercent(pct);
    if (target < 1) return target;
    // e.g. 99.99999999999996: below 100, but 15 significant digits (fromPercent) make it 1.
    return fail(
      ctx,
      [...at, 'targetPercent'],
      `${describeValue(pct)} is too close to 100: Ballast keeps 15 significant digits, which make it 100%; allowed: below 100, e.g. 99.9999`,
    );
  }
  return fail(
    ctx,
    [...at, 'targetPercent'],
    `${describeValue(pct)} is not allowed: a number from 0 up to but excluding 100, e.g. 99.9`,
  );
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
