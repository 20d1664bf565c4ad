import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GATE_STATES } from '../gate/gate-state';
import { WORK_TYPES } from '../work/work-type';
import { effectiveTargets } from './effective-targets';
import { evaluateSprintPlan } from './evaluate-sprint-plan';
import { isExempt } from './exemption';
import { isUnplanned } from './plan-items';
import { DEFAULT_POLICY } from './policy';
import { proposeRebalance } from './rebalance';
import type { SprintItem } from './sprint-item';
import { fixedPolicy } from './testing/sprint-items';

const STATUSES = fc.constantFrom(
  { name: 'To Do', category: 'new' },
  { name: 'To Do', category: 'new' },
  { name: 'In Progress', category: 'indeterminate' },
  { name: 'In Review', category: 'indeterminate' },
  { name: 'Done', category: 'done' },
  { name: 'Parked', category: 'undefined' },
);

// Small alphabets on purpose: ranks tie often, and exempt, unestimated and unclassified items are common.
const itemFields = fc.record({
  type: fc.constantFrom(...WORK_TYPES, 'unclassified' as const),
  estimate: fc.option(fc.integer({ min: 0, max: 13 }), { freq: 8 }),
  rank: fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 2 }),
    fc.integer({ min: 0, max: 5 }),
  ),
  priority: fc.constantFrom('P0', 'High', 'Medium'),
  labels: fc.subarray(['security', 'ops']),
  addedAt: fc.option(fc.constantFrom('2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z'), {
    nil: undefined,
  }),
  // Jira's three categories, one it might add, and no status at all (sprint-item.ts `status`).
  status: fc.option(STATUSES, { nil: undefined, freq: 8 }),
  subtasks: fc.option(
    fc.array(fc.record({ key: fc.constant('SUB'), status: STATUSES }), { maxLength: 2 }),
    {
      nil: undefined,
    },
  ),
});
const itemsWithPrefix = (prefix: string, maxLength: number) =>
  fc
    .array(itemFields, { maxLength })
    .map((fields): SprintItem[] =>
      fields.map((f, index) => ({ ...f, key: `${prefix}-${index + 1}` })),
    );

const scenario = fc.record({
  capacity: fc.integer({ min: 0, max: 80 }),
  gateState: fc.constantFrom(...GATE_STATES),
  items: itemsWithPrefix('S', 25),
  backlog: itemsWithPrefix('B', 40),
  // Sometimes mid-sprint (items added on Nov 3 are unplanned), sometimes still planning.
  startedAt: fc.option(fc.constant('2026-11-02T00:00:00Z'), { nil: undefined }),
});

const shuffled = <T>(values: readonly T[]) =>
  fc.shuffledSubarray([...values], { minLength: values.length, maxLength: values.length });

describe('capacity properties', () => {
  it('a rebalanced plan complies, or the engine gives one reason per remaining violation', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, gateState, items, backlog, startedAt }) => {
        const result = proposeRebalance({
          policy: fixedPolicy(capacity),
          gateState,
          items,
          backlog,
          startedAt,
        });
        expect(result.compliant).toBe(result.after.verdict.status === 'compliant');
        expect(result.reasons).toHaveLength(result.compliant ? 0 : result.after.violations.length);
      }),
    );
  });

  it('no exempt or mid-sprint item ever moves; moves take sprint items out and backlog items in', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, gateState, items, backlog, startedAt }) => {
        const policy = fixedPolicy(capacity);
        const byKey = new Map([...items, ...backlog].map((item) => [item.key, item]));
        for (const move of proposeRebalance({ policy, gateState, items, backlog, startedAt })
          .moves) {
          const item = byKey.get(move.key)!;
          expect(isExempt(item, policy.exemption)).toBe(false);
          expect(move.key.startsWith(move.direction === 'out' ? 'S-' : 'B-')).toBe(true);
          expect(move.direction === 'out' && isUnplanned(item, startedAt)).toBe(false);
        }
      }),
    );
  });

  it('no proposal for a running sprint moves a started or Done item out, and each one it passed over says why', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, gateState, items, backlog }) => {
        const startedAt = '2026-11-02T00:00:00Z';
        const byKey = new Map(items.map((item) => [item.key, item]));
        const result = proposeRebalance({
          policy: fixedPolicy(capacity),
          gateState,
          items,
          backlog,
          startedAt,
        });
        for (const move of result.moves.filter((m) => m.direction === 'out')) {
          const item = byKey.get(move.key);
          expect(item?.status?.category).toBe('new');
          // Its sub-tasks move with it: none of them has started either.
          for (const subtask of item?.subtasks ?? []) expect(subtask.status?.category).toBe('new');
        }
        for (const held of result.held) {
          const item = byKey.get(held.key);
          const started = [item?.status, ...(item?.subtasks ?? []).map((t) => t.status)].some(
            (status) => status?.category !== 'new',
          );
          expect(started).toBe(true);
          expect(held.reason).toContain(held.key);
        }
      }),
    );
  });

  it('a plan the engine calls compliant mid-sprint never holds more than the capacity', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, gateState, items, backlog }) => {
        const result = proposeRebalance({
          policy: fixedPolicy(capacity),
          gateState,
          items,
          backlog,
          startedAt: '2026-11-02T00:00:00Z',
        });
        for (const plan of [result.before, result.after])
          if (plan.verdict.status === 'compliant')
            expect(plan.used + plan.buffer.used).toBeLessThanOrEqual(capacity + 1e-6);
      }),
    );
  });

  it('a rebalance never pushes a plan that fits the capacity over it', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, gateState, items, backlog, startedAt }) => {
        const result = proposeRebalance({
          policy: fixedPolicy(capacity),
          gateState,
          items,
          backlog,
          startedAt,
        });
        const overBefore = result.before.violations.some((v) => v.kind === 'capacity');
        const overAfter = result.after.violations.some((v) => v.kind === 'capacity');
        expect(overBefore || !overAfter).toBe(true);
      }),
    );
  });

  it('evaluation does not depend on the order of the items', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), shuffled(s.items))),
        ([{ capacity, gateState, items, startedAt }, reordered]) => {
          const policy = fixedPolicy(capacity);
          expect(evaluateSprintPlan({ policy, gateState, items: reordered, startedAt })).toEqual(
            evaluateSprintPlan({ policy, gateState, items, startedAt }),
          );
        },
      ),
    );
  });

  it('the rebalance proposal does not depend on the order of sprint or backlog items', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), shuffled(s.items), shuffled(s.backlog))),
        ([{ capacity, gateState, items, backlog, startedAt }, items2, backlog2]) => {
          const policy = fixedPolicy(capacity);
          expect(
            proposeRebalance({ policy, gateState, items: items2, backlog: backlog2, startedAt })
              .moves,
          ).toEqual(proposeRebalance({ policy, gateState, items, backlog, startedAt }).moves);
        },
      ),
    );
  });

  it('effective targets always keep min ≤ target ≤ max within 0–100 for the default policy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GATE_STATES),
        fc.constantFrom(...WORK_TYPES),
        (state, type) => {
          const t = effectiveTargets(DEFAULT_POLICY, state).targets[type];
          expect(
            0 <= t.minShare &&
              t.minShare <= t.targetShare &&
              t.targetShare <= t.maxShare &&
              t.maxShare <= 100,
          ).toBe(true);
        },
      ),
    );
  });
});
