import { describe, expect, it } from 'vitest';
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
