import { describe, expect, it } from 'vitest';
import { proposeRebalance, type RebalanceInput } from './rebalance';
import type { SprintItem } from './sprint-item';
import { anItem, fixedPolicy, itemsOf } from './testing/sprint-items';

// Capacity 40 points, default split: 36 plannable; feature 22–26 points, the others 2–6 each.
const policy = fixedPolicy(40);
const rebalance = (
  items: SprintItem[],
  backlog: SprintItem[] = [],
  extra: Partial<RebalanceInput> = {},
) => proposeRebalance({ policy, gateState: 'HEALTHY', items, backlog, ...extra });
const moved = (
  items: SprintItem[],
  backlog: SprintItem[] = [],
  extra: Partial<RebalanceInput> = {},
) => rebalance(items, backlog, extra).moves.map((m) => `${m.direction} ${m.key}`);
const one = (
  key: string,
  type: SprintItem['type'],
  estimate: number | null,
  rank: string,
  extra: Partial<SprintItem> = {},
) => anItem({ key, type, estimate, rank, ...extra });
const others = (debt: number, toil: number, reliability: number): SprintItem[] => [
  ...(debt ? [one('D-0', 'debt', debt, 'm')] : []),
  ...(toil ? [one('T-0', 'toil', toil, 'n')] : []),
  ...(reliability ? [one('R-0', 'reliability', reliability, 'o')] : []),
];

describe('proposeRebalance: moves', () => {
  it('proposes nothing for a plan that already complies', () => {
    const result = rebalance([...itemsOf(8, 'feature', 3, 'F'), ...others(4, 4, 4)]);
    expect([result.moves, result.compliant]).toEqual([[], true]);
  });

  it('moves the lowest-ranked items of an over-target type out', () => {
    expect(moved([...itemsOf(10, 'feature', 3, 'F'), ...others(2, 2, 2)])).toEqual([
      'out F-10',
      'out F-9',
    ]);
  });

  it('pulls in the highest-ranked backlog item of an under-target type', () => {
    const backlog = [one('D-1', 'debt', 3, 'b'), one('D-2', 'debt', 3, 'c')];
    expect(moved([...itemsOf(8, 'feature', 3, 'F'), ...others(0, 4, 4)], backlog)).toEqual([
      'in D-1',
    ]);
  });

  it('skips a higher-ranked backlog item that would overflow the capacity when nothing can make room', () => {
    const backlog = [one('D-1', 'debt', 5, 'b'), one('D-2', 'debt', 3, 'c')];
    expect(moved([...itemsOf(8, 'feature', 3, 'F'), ...others(0, 4, 4)], backlog)).toEqual([
      'in D-2',
    ]);
  });

  it('makes room for a pulled-in item by moving out the lowest-ranked item another type can spare', () => {
    const items = [...itemsOf(13, 'feature', 2, 'F'), ...others(0, 4, 6)];
    expect(moved(items, [one('D-1', 'debt', 2, 'b')])).toEqual(['out F-13', 'in D-1']);
  });

  it('moves a single item bigger than the capacity out and refills from the backlog', () => {
    const items = [one('BIG', 'feature', 50, 'a'), ...others(4, 4, 4)];
    const result = rebalance(items, itemsOf(10, 'feature', 3, 'FB'));
    expect([result.moves.map((m) => m.key), result.compliant]).toEqual([
      ['BIG', 'FB-1', 'FB-2', 'FB-3', 'FB-4', 'FB-5', 'FB-6', 'FB-7', 'FB-8'],
      true,
    ]);
  });

  it('trims planned work over the capacity after the buffer, keeping every type at its minimum', () => {
    const items = [
      ...itemsOf(13, 'feature', 2, 'F'),
      one('D-1', 'debt', 2, 'm1'),
      one('D-2', 'debt', 2, 'm2'),
      ...others(0, 4, 6),
    ];
    expect(moved(items)).toEqual(['out D-2', 'out F-13']);
  });

  it('breaks a tie in rank by issue key, whatever the backlog order', () => {
    const backlog = [one('BAL-10', 'debt', 2, 'x'), one('BAL-9', 'debt', 2, 'x')];
    expect(moved([...itemsOf(8, 'feature', 3, 'F'), ...others(0, 4, 4)], backlog)).toEqual([
      'in BAL-9',
    ]);
  });

  it.each([
    ['unestimated', one('D-1', 'debt', null, 'a')],
    ['unclassified', one('U-1', 'unclassified', 3, 'a')],
    ['exempt', one('D-1', 'debt', 3, 'a', { priority: 'P0' })],
    ['already in the sprint (same key)', one('R-0', 'debt', 3, 'a')],
  ])('never pulls in a backlog item that is %s', (_name, candidate) => {
    expect(moved([...itemsOf(8, 'feature', 3, 'F'), ...others(0, 4, 4)], [candidate])).toEqual([]);
  });

  it('explains each move', () => {
    expect(rebalance([...itemsOf(10, 'feature', 3, 'F'), ...others(2, 2, 2)]).moves[0]).toEqual({
      key: 'F-10',
      type: 'feature',
      direction: 'out',
      amount: 3,
      rank: 'F|00009',
      reason: 'feature is over its maximum of 26 points: its lowest-ranked movable item',
    });
  });
});

describe('proposeRebalance: when no compliant plan exists', () => {
  it('never moves exempt items and says they block compliance', () => {
    const items = [...itemsOf(10, 'feature', 3, 'F', { priority: 'P0' }), ...others(2, 2, 2)];
    const result = rebalance(items);
    expect([result.moves, result.compliant, result.reasons]).toEqual([
      [],
      false,
      [
        'feature is 4 points over its maximum of 26 points (65% of capacity): its exempt items, which never move, alone are 30 points',
      ],
    ]);
  });

  it('says the backlog has nothing to pull in for an under-target type', () => {
    expect(rebalance([...itemsOf(8, 'feature', 3, 'F'), ...others(0, 4, 4)]).reasons).toEqual([
      'debt is 2 points under its minimum of 2 points (5% of capacity): the backlog has no estimated, non-exempt debt item to pull in',
    ]);
  });

  it('says when backlog items exist but none fits', () => {
    const result = rebalance(
      [...itemsOf(8, 'feature', 3, 'F'), ...others(0, 4, 4)],
      [one('D-1', 'debt', 7, 'a')],
    );
    expect(result.reasons).toEqual([
      "debt is 2 points under its minimum of 2 points (5% of capacity): none of the 1 estimated debt backlog items fits within debt's maximum and the capacity left after the buffer",
    ]);
  });

  it('says capacity is unknown instead of guessing', () => {
    const velocity = fixedPolicy(0, {
      capacity: { kind: 'velocity', sprints: 3, availability: 1 },
    });
    const result = proposeRebalance({
      policy: velocity,
      gateState: 'HEALTHY',
      items: [],
      backlog: [],
    });
    expect([result.compliant, result.reasons.length]).toEqual([false, 1]);
  });
});

describe('proposeRebalance: gate and mid-sprint', () => {
  it('moves every non-exempt feature item out when FROZEN and keeps the P0 one', () => {
    const items = [
      one('F-P0', 'feature', 3, 'a', { priority: 'P0' }),
      one('F-1', 'feature', 5, 'b'),
      ...others(4, 4, 20),
    ];
    expect(moved(items, [], { gateState: 'FROZEN' })).toEqual(['out F-1']);
  });

  it('leaves items added after the sprint started to the buffer', () => {
    const items = [
      ...itemsOf(8, 'feature', 3, 'F'),
      ...others(2, 2, 2),
      one('F-LATE', 'feature', 8, 'z', { addedAt: '2026-11-03T00:00:00Z' }),
    ];
    expect(moved(items, [], { startedAt: '2026-11-02T00:00:00Z' })).toEqual([]);
  });
});
