import { describe, expect, it } from 'vitest';
import { debtRatio, toilShare } from './toil-and-debt';
import { anItem } from './testing/generators';

const done = (workType: 'feature' | 'debt' | 'toil' | 'unclassified', points: number) =>
  anItem({ workType, points });

describe('toil share against the 50% cap', () => {
  it.each([
    ['2 of 10 completed points', [done('toil', 2), done('feature', 8)], 0.2, false],
    ['exactly half is not over the cap', [done('toil', 5), done('feature', 5)], 0.5, false],
    ['6 of 10 is over the cap', [done('toil', 6), done('unclassified', 4)], 0.6, true],
    [
      'unfinished toil does not count',
      [anItem({ workType: 'toil', points: 5, completed: false }), done('feature', 5)],
      0,
      false,
    ],
  ])('is %s', (_name, items, value, overCap) => {
    expect(toilShare(items)).toMatchObject({ status: 'ok', value, cap: 0.5, overCap });
  });

  it('has not enough data with nothing completed', () => {
    expect(toilShare([anItem({ completed: false })])).toEqual({
      status: 'not-enough-data',
      unit: 'ratio',
      sampleSize: 0,
      minimumSampleSize: 1,
      reason: 'no completed points to share out',
    });
  });
});

describe('debt ratio against the 10–20% guideline', () => {
  it.each([
    ['1 of 20 points is below', [done('debt', 1), done('feature', 19)], 0.05, 'below'],
    [
      '2 of 20 points is within (the edge counts)',
      [done('debt', 2), done('feature', 18)],
      0.1,
      'within',
    ],
    [
      '4 of 20 points is within (the edge counts)',
      [done('debt', 4), done('feature', 16)],
      0.2,
      'within',
    ],
    ['5 of 20 points is above', [done('debt', 5), done('toil', 15)], 0.25, 'above'],
  ])('%s', (_name, items, value, position) => {
    expect(debtRatio(items)).toMatchObject({
      status: 'ok',
      value,
      sampleSize: 2,
      guideline: { min: 0.1, max: 0.2 },
      position,
    });
  });

  it('has not enough data with no items', () => {
    expect(debtRatio([]).status).toBe('not-enough-data');
  });
});
