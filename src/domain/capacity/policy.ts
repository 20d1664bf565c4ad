import { z } from 'zod';
import { GATE_STATES } from '../gate/gate-state';
import { describeZodIssues, ValidationError } from '../work/validation-error';
import { WORK_TYPES, type WorkType } from '../work/work-type';
import { effectiveTargets } from './effective-targets';
import { LIMITS, atMost } from '../limits';
import { DEFAULT_EXEMPTION, type ExemptionRules } from './exemption';
import { DEFAULT_GATE_TARGET_TABLE, type GateTargetTable } from './gate-target-table';
import { CAPACITY_BASES, type CapacityBasis } from './sprint-item';

/** A fixed number per sprint, or the mean velocity of the last N closed sprints × availability. */
export type CapacitySource =
  | { readonly kind: 'fixed'; readonly amount: number }
  | { readonly kind: 'velocity'; readonly sprints: number; readonly availability: number };

export const ENFORCEMENT_MODES = ['off', 'advise', 'enforce'] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

/** A project's (or board's) capacity split policy (PRODUCT.md §2). Shares are percent of capacity. */
export interface CapacityPolicy {
  readonly basis: CapacityBasis;
  readonly capacity: CapacitySource;
  readonly targets: Readonly<Record<WorkType, number>>;
  /** Percentage points each type may stray from its target. */
  readonly tolerance: number;
  /** Percent of capacity kept free for unplanned work; planned work may use the rest. */
  readonly buffer: number;
  readonly enforcement: EnforcementMode;
  readonly exemption: ExemptionRules;
  readonly gateTable: GateTargetTable;
}

/**
 * The capacity-allocation model's default split, as PRODUCT.md §2 states it: feature 60%, debt 10%,
 * toil 10%, reliability 10%, buffer 10%, ± 5 points. Capacity defaults to the mean velocity of the
 * last 3 closed sprints at full availability (3 is our choice: enough to smooth one odd sprint).
 */
export const DEFAULT_POLICY: CapacityPolicy = {
  basis: 'storyPoints',
  capacity: { kind: 'velocity', sprints: 3, availability: 1 },
  targets: { feature: 60, debt: 10, toil: 10, reliability: 10 },
  tolerance: 5,
  buffer: 10,
  enforcement: 'advise',
  exemption: DEFAULT_EXEMPTION,
  gateTable: DEFAULT_GATE_TARGET_TABLE,
};

const percent = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must not be negative' })
  .max(100, { error: 'must be at most 100 (percent)' });

const typeLimit = z.strictObject({
  atMost: percent.optional(),
  atLeast: percent.optional(),
  exceptExempt: z.boolean({ error: 'must be true or false' }).optional(),
});

const gateRule = z.strictObject({
  limits: z.partialRecord(z.enum(WORK_TYPES), typeLimit),
  warning: z
    .string()
    .max(LIMITS.gateWarning.limit, { error: `must be ${atMost('gateWarning')}` })
    .optional(),
});

/** Priorities or labels that exempt an item from the freeze (src/domain/limits.ts). */
const exemptionList = z
  .array(
    z.string().max(LIMITS.exemptionValueLength.limit, {
      error: `must be ${atMost('exemptionValueLength')}`,
    }),
  )
  .max(LIMITS.exemptionValues.limit, { error: `must list ${atMost('exemptionValues')}` });

const policySchema = z.strictObject({
  basis: z.enum(CAPACITY_BASES, { error: `must be one of ${CAPACITY_BASES.join(', ')}` }),
  capacity: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('fixed'),
        amount: z.number({ error: 'must be a number' }).min(0, { error: 'must not be negative' }),
      }),
      z.strictObject({
        kind: z.literal('velocity'),
        sprints: z
          .number({ error: 'must be a number' })
          .int({ error: 'must be a whole number of sprints' })
          .min(1, { error: 'must be at least 1 sprint' }),
        availability: z
          .number({ error: 'must be a number' })
          .gt(0, { error: 'must be more than 0' })
          .max(1, { error: 'must be at most 1 (full availability)' }),
      }),
    ],
    { error: 'kind must be "fixed" (with amount) or "velocity" (with sprints and availability)' },
  ),
  targets: z.strictObject(
    Object.fromEntries(WORK_TYPES.map((type) => [type, percent])) as Record<
      WorkType,
      typeof percent
    >,
  ),
  tolerance: percent,
  buffer: percent,
  enforcement: z.enum(ENFORCEMENT_MODES, {
    error: `must be one of ${ENFORCEMENT_MODES.join(', ')}`,
  }),
  exemption: z.strictObject({
    priorities: exemptionList,
    labels: exemptionList,
  }),
  gateTable: z.strictObject(
    Object.fromEntries(GATE_STATES.map((state) => [state, gateRule])) as Record<
      (typeof GATE_STATES)[number],
      typeof gateRule
    >,
  ),
});

// Shares are compared with a small tolerance so 33.3 + 33.3 + 33.4 passes despite binary floats.
const SHARE_EPSILON = 1e-9;

function crossFieldProblems(policy: CapacityPolicy): string[] {
  const problems: string[] = [];
  const sum = WORK_TYPES.reduce((total, type) => total + policy.targets[type], policy.buffer);
  if (Math.abs(sum - 100) > SHARE_EPSILON) {
    problems.push(
      `policy, field "targets": the targets plus the buffer must add up to 100%, they add up to ${Math.round(sum * 100) / 100}%`,
    );
  }
  for (const state of GATE_STATES) {
    for (const type of WORK_TYPES) {
      const limit = policy.gateTable[state].limits[type];
      if (
        limit?.atLeast !== undefined &&
        limit.atMost !== undefined &&
        limit.atLeast > limit.atMost
      ) {
        problems.push(
          `policy, field "gateTable.${state}.limits.${type}": atLeast (${limit.atLeast}) must not be above atMost (${limit.atMost})`,
        );
      }
    }
    const targets = effectiveTargets(policy, state).targets;
    const minimum =
      Math.round(WORK_TYPES.reduce((total, type) => total + targets[type].minShare, 0) * 100) / 100;
    if (minimum > 100 - policy.buffer + SHARE_EPSILON) {
      problems.push(
        `policy, field "gateTable.${state}": the minimum shares add up to ${minimum}%, more than the ${100 - policy.buffer}% left after the buffer, so no sprint could comply`,
      );
    }
  }
  return problems;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a stored or edited policy. Missing top-level fields, and missing gate states in
 * `gateTable`, take their DEFAULT_POLICY value, so `{ basis: 'issueCount' }` is a complete policy. Throws a ValidationError that lists every problem
 * with its field, e.g. `policy, field "tolerance": must not be negative`.
 */
export function parsePolicy(input: unknown): CapacityPolicy {
  const merged = isObject(input)
    ? {
        ...DEFAULT_POLICY,
        ...input,
        gateTable: isObject(input.gateTable)
          ? { ...DEFAULT_GATE_TARGET_TABLE, ...input.gateTable }
          : (input.gateTable ?? DEFAULT_GATE_TARGET_TABLE),
      }
    : input;
  const parsed = policySchema.safeParse(merged);
  if (!parsed.success) {
    const problems = describeZodIssues(parsed.error, (path) => ({ where: 'policy', rest: path }));
    throw new ValidationError('capacity policy', problems);
  }
  const problems = crossFieldProblems(parsed.data);
  if (problems.length > 0) throw new ValidationError('capacity policy', problems);
  return parsed.data;
}
