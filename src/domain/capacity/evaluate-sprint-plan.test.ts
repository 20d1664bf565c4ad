import { describe, expect, it } from 'vitest';
import { evaluateSprintPlan, type SprintPlanInput } from './evaluate-sprint-plan';
import type { SprintItem } from './sprint-item';
import { anItem, fixedPolicy, itemsOf } from './testing/sprint-items';

// Capacity 40 points with the default split: 36 plannable, 4 buffer; feature may be 22–26 points,
// debt, toil and reliability 2–6 points each.
const policy = fixedPolicy(40);
const evaluate = (items: readonly SprintItem[], extra: Partial<SprintPlanInput> = {}) =>
  evaluateSprintPlan({ policy, gateState: 'HEALTHY', items, ...extra });

const mix = (feature: number, debt: number, toil: number, reliability: number): SprintItem[] => [
  ...(feature ? [anItem({ key: 'F-1', type: 'feature', estimate: feature, rank: 'a' })] : []),
  ...(debt ? [anItem({ key: 'D-1', type: 'debt', estimate: debt, rank: 'b' })] : []),
  ...(toil ? [anItem({ key: 'T-1', type: 'toil', estimate: toil, rank: 'c' })] : []),
  ...(reliability
    ? [anItem({ key: 'R-1', type: 'reliability', estimate: reliability, rank: 'd' })]
    : []),
];

describe('evaluateSprintPlan: the split', () => {
  it('finds a 24/4/4/4 plan of a 40-point sprint compliant at 60/10/10/10 percent', () => {
    const result = evaluate(mix(24, 4, 4, 4));
    expect([result.verdict.status, result.byType.map((line) => line.share)]).toEqual([
      'compliant',
      [60, 10, 10, 10],
    ]);
  });

  it('reports capacity used, plannable and remaining after the 10% buffer', () => {
    const result = evaluate(mix(20, 4, 4, 4));
    expect([result.used, result.plannable, result.remaining]).toEqual([32, 36, 4]);
  });

  it.each<[string, SprintItem[], unknown[]]>([
    ['feature over its maximum', mix(30, 2, 2, 2), [['share', 'feature', 'over', 4, 10]]],
    ['debt under its minimum', mix(24, 0, 4, 4), [['share', 'debt', 'under', 2, 5]]],
    [
      'planned work over the capacity after the buffer',
      mix(26, 6, 6, 6),
      [['capacity', undefined, 'over', 8, undefined]],
    ],
    [
      'an empty sprint, every type under its minimum',
      [],
      [
        ['share', 'feature', 'under', 22, 55],
        ['share', 'debt', 'under', 2, 5],
        ['share', 'toil', 'under', 2, 5],
        ['share', 'reliability', 'under', 2, 5],
      ],
    ],
    [
      'a single item bigger than the whole capacity',
      [...mix(0, 4, 4, 4), anItem({ key: 'BIG', estimate: 50 })],
      [
        ['share', 'feature', 'over', 24, 60],
        ['capacity', undefined, 'over', 26, undefined],
      ],
    ],
  ])(
    'reports %s as [kind, type, direction, amount, percentage points]',
    (_name, items, expected) => {
      const violations = evaluate(items).violations.map((v) => [
        v.kind,
        v.kind === 'share' ? v.type : undefined,
        v.direction,
        v.amount,
        v.kind === 'share' ? v.shareBeyond : undefined,
      ]);
      expect(violations).toEqual(expected);
    },
  );

  it('says in words what a violation is', () => {
    expect(evaluate(mix(30, 2, 2, 2)).violations[0]?.message).toBe(
      'feature is 4 points over its maximum of 26 points (65% of capacity)',
    );
  });

  it('counts an unclassified item against capacity but in no type', () => {
    const result = evaluate([
      ...mix(24, 4, 4, 4),
      anItem({ key: 'U-1', type: 'unclassified', estimate: 4 }),
    ]);
    expect([result.unclassified, result.used]).toEqual([
      { itemCount: 1, planned: 4, share: 10 },
      40,
    ]);
  });

  it('lists every item of an all-unclassified sprint as not ready', () => {
    const result = evaluate(itemsOf(3, 'unclassified', 2, 'U'));
    expect(result.notReady).toEqual([
      { key: 'U-1', reasons: ['unclassified'] },
      { key: 'U-2', reasons: ['unclassified'] },
      { key: 'U-3', reasons: ['unclassified'] },
    ]);
  });

  it('counts an item without an estimate as 0 and lists it as not ready', () => {
    const result = evaluate([...mix(24, 4, 4, 4), anItem({ key: 'F-9', estimate: null })]);
    expect([result.byType[0]?.planned, result.notReady]).toEqual([
      24,
      [{ key: 'F-9', reasons: ['noEstimate'] }],
    ]);
  });

  it('gives both reasons for an item with neither estimate nor type', () => {
    const result = evaluate([anItem({ key: 'X-1', type: 'unclassified', estimate: null })]);
    expect(result.notReady).toEqual([{ key: 'X-1', reasons: ['noEstimate', 'unclassified'] }]);
  });
});

describe('evaluateSprintPlan: capacity edge cases', () => {
  it('finds an empty sprint with zero capacity compliant, with a warning', () => {
    const result = evaluateSprintPlan({ policy: fixedPolicy(0), gateState: 'HEALTHY', items: [] });
    expect([result.verdict.status, result.warnings]).toEqual([
      'compliant',
      ['Capacity is 0: any planned work is over it.'],
    ]);
  });

  it('puts any item over a zero capacity and reports no shares', () => {
    const result = evaluateSprintPlan({
      policy: fixedPolicy(0),
      gateState: 'HEALTHY',
      items: [anItem({ estimate: 1 })],
    });
    expect([result.violations.map((v) => v.kind), result.byType[0]?.share]).toEqual([
      ['share', 'capacity'],
      null,
    ]);
  });

  it('does not judge the split while velocity capacity has no history', () => {
    const result = evaluateSprintPlan({
      policy: fixedPolicy(0, { capacity: { kind: 'velocity', sprints: 3, availability: 1 } }),
      gateState: 'HEALTHY',
      items: mix(24, 4, 4, 4),
    });
    expect([result.verdict.status, result.violations, result.byType[0]?.status]).toEqual([
      'unknownCapacity',
      [],
      'unknown',
    ]);
  });

  it('takes capacity from the mean velocity times availability', () => {
    const velocityPolicy = fixedPolicy(0, {
      capacity: { kind: 'velocity', sprints: 3, availability: 0.8 },
    });
    const velocityHistory = [
      { sprintId: 's1', closedAt: '2026-10-01T00:00:00Z', completed: 30 },
      { sprintId: 's2', closedAt: '2026-10-15T00:00:00Z', completed: 40 },
      { sprintId: 's3', closedAt: '2026-10-29T00:00:00Z', completed: 50 },
    ];
    const result = evaluateSprintPlan({
      policy: velocityPolicy,
      gateState: 'HEALTHY',
      items: [],
      velocityHistory,
    });
    expect([result.capacity.amount, result.plannable]).toEqual([32, 28.8]);
  });

  it('counts each item as 1 on the issueCount basis, whatever its estimate', () => {
    const result = evaluateSprintPlan({
      policy: fixedPolicy(10, { basis: 'issueCount' }),
      gateState: 'HEALTHY',
      items: [anItem({ key: 'A-1', estimate: 8 }), anItem({ key: 'A-2', estimate: null })],
    });
    expect([result.used, result.notReady]).toEqual([2, []]);
  });

  it('speaks of hours on the originalEstimate basis (seconds)', () => {
    const result = evaluateSprintPlan({
      policy: fixedPolicy(36_000, { basis: 'originalEstimate' }),
      gateState: 'HEALTHY',
      items: [anItem({ estimate: 36_000 })],
    });
    expect(result.violations.find((v) => v.kind === 'capacity')?.message).toBe(
      'planned work is 1 h over the 9 h available after the buffer',
    );
  });
});

describe('evaluateSprintPlan: verdict and gate', () => {
  it.each([
    ['off', 'none'],
    ['advise', 'warn'],
    ['enforce', 'enforce'],
  ] as const)('asks for action "%s" → %s on a non-compliant plan', (enforcement, action) => {
    const result = evaluateSprintPlan({
      policy: fixedPolicy(40, { enforcement }),
      gateState: 'HEALTHY',
      items: mix(30, 2, 2, 2),
    });
    expect(result.verdict.action).toBe(action);
  });

  it('holds feature to at most 40% when the gate is AT_RISK', () => {
    const result = evaluate(mix(24, 4, 4, 4), { gateState: 'AT_RISK' });
    expect(
      result.violations.map((v) =>
        v.kind === 'share' ? `${v.type} ${v.direction} ${v.amount}` : v.kind,
      ),
    ).toEqual(['feature over 8', 'reliability under 8']);
  });

  it('lets exempt feature items through a FROZEN gate without counting them', () => {
    const items = [anItem({ key: 'P0-1', estimate: 3, priority: 'P0' }), ...mix(0, 4, 4, 20)];
    const feature = evaluate(items, { gateState: 'FROZEN' }).byType[0];
    expect([feature?.planned, feature?.exempt, feature?.counted, feature?.status]).toEqual([
      3,
      3,
      0,
      'within',
    ]);
  });

  it('carries the NO_DATA warning into the evaluation', () => {
    expect(evaluate(mix(24, 4, 4, 4), { gateState: 'NO_DATA' }).warnings).toHaveLength(1);
  });
});

describe('evaluateSprintPlan: mid-sprint buffer', () => {
  const startedAt = '2026-11-02T09:00:00Z';
  const added = (key: string, estimate: number, addedAt: string) =>
    anItem({ key, type: 'reliability', estimate, rank: 'z', addedAt });

  it('counts items added after the start against the buffer, not the split', () => {
    const result = evaluate([...mix(24, 4, 4, 4), added('R-9', 3, '2026-11-03T10:00:00Z')], {
      startedAt,
    });
    expect([
      result.buffer.used,
      result.buffer.remaining,
      result.byType[3]?.planned,
      result.byType[3]?.unplanned,
    ]).toEqual([3, 1, 4, 3]);
  });

  it('flags the items that overspend the buffer, in the order they were added', () => {
    const items = [
      ...mix(24, 4, 4, 4),
      added('R-9', 3, '2026-11-03T10:00:00Z'),
      added('R-8', 2, '2026-11-04T10:00:00Z'),
    ];
    const buffer = evaluate(items, { startedAt }).buffer;
    expect([buffer.spent, buffer.remaining, buffer.unplannedKeys, buffer.overflowKeys]).toEqual([
      true,
      -1,
      ['R-9', 'R-8'],
      ['R-8'],
    ]);
  });

  it('treats items added before the start as committed', () => {
    const result = evaluate([...mix(24, 4, 4, 4), added('R-9', 1, '2026-11-01T10:00:00Z')], {
      startedAt,
    });
    expect([result.buffer.used, result.byType[3]?.planned]).toEqual([0, 5]);
  });
});

describe('evaluateSprintPlan: input checks', () => {
  it.each([
    [
      'a negative estimate',
      [anItem({ estimate: -1 })],
      'sprint: item BAL-1, field "estimate": must be a number ≥ 0, or null when not estimated',
    ],
    ['a duplicate key', [anItem(), anItem()], 'sprint: item BAL-1 appears twice'],
  ])('rejects %s', (_name, items, message) => {
    expect(() => evaluate(items)).toThrow(message);
  });
});
