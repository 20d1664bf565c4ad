import { describe, expect, it } from 'vitest';
import { resolveCapacity } from './capacity-resolution';
import { DEFAULT_EXEMPTION, isExempt } from './exemption';
import { compareByRank } from './rank';
import { anItem } from './testing/sprint-items';

describe('compareByRank', () => {
  it.each([
    [
      'LexoRank strings by code unit',
      anItem({ key: 'A-2', rank: '0|i0001:' }),
      anItem({ key: 'A-1', rank: '0|i0002:' }),
    ],
    ['numbers by value', anItem({ key: 'A-2', rank: 9 }), anItem({ key: 'A-1', rank: 10 })],
    ['numbers before strings', anItem({ key: 'A-2', rank: 99 }), anItem({ key: 'A-1', rank: '0' })],
    [
      'equal ranks by key number',
      anItem({ key: 'BAL-9', rank: 'a' }),
      anItem({ key: 'BAL-10', rank: 'a' }),
    ],
    [
      'equal ranks, other projects, by key text',
      anItem({ key: 'ABC-9', rank: 'a' }),
      anItem({ key: 'BAL-1', rank: 'a' }),
    ],
  ])('orders %s', (_name, first, second) => {
    expect([compareByRank(first, second) < 0, compareByRank(second, first) > 0]).toEqual([
      true,
      true,
    ]);
  });
});

describe('isExempt with the default exemption (P0/Highest, security)', () => {
  it.each([
    ['priority P0', anItem({ priority: 'P0' }), true],
    ['priority highest in lower case', anItem({ priority: 'highest' }), true],
    ['the security label', anItem({ labels: ['frontend', 'Security'] }), true],
    ['priority High', anItem({ priority: 'High' }), false],
    ['an explicit exempt flag on a Medium item', anItem({ exempt: true }), true],
    ['an explicit non-exempt flag on a P0 item', anItem({ priority: 'P0', exempt: false }), false],
  ])('decides %s: %s', (_name, item, expected) => {
    expect(isExempt(item, DEFAULT_EXEMPTION)).toBe(expected);
  });
});

describe('resolveCapacity', () => {
  const history = [
    { sprintId: 's1', closedAt: '2026-09-01T00:00:00Z', completed: 100 },
    { sprintId: 's2', closedAt: '2026-10-01T00:00:00Z', completed: 30 },
    { sprintId: 's3', closedAt: '2026-10-15T00:00:00Z', completed: 20 },
  ];

  it('uses the most recent N sprints, in any input order', () => {
    const result = resolveCapacity(
      { kind: 'velocity', sprints: 2, availability: 1 },
      [...history].reverse(),
    );
    expect([result.amount, result.sprintsUsed]).toEqual([25, ['s3', 's2']]);
  });

  it('says when fewer closed sprints exist than the policy asks for', () => {
    expect(
      resolveCapacity({ kind: 'velocity', sprints: 5, availability: 0.5 }, history).explanation,
    ).toBe(
      'mean velocity 50 of the last 3 closed sprints (only 3 of the 5 asked for exist) × availability 0.5 = 25',
    );
  });

  it('returns a fixed capacity as it is', () => {
    expect(resolveCapacity({ kind: 'fixed', amount: 42 }).amount).toBe(42);
  });
});
