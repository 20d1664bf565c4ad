import { describe, expect, it } from 'vitest';
import { mean, median, round, sum } from './statistics';

describe('statistics', () => {
  it.each([
    ['no values', [], undefined],
    ['one value', [7], 7],
    ['an odd count, unsorted', [9, 1, 5], 5],
    ['an even count: the lower middle value (DevLake)', [1, 10, 2, 4], 2],
    ['two values: the lower one', [8, 3], 3],
    ['repeated values', [2, 2, 2, 8], 2],
  ])('the median of %s', (_name, values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves the input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([
    [[], undefined],
    [[1, 2, 6], 3],
  ])('the mean of %j is %s', (values, expected) => {
    expect(mean(values)).toBe(expected);
  });

  it('sums and rounds to 4 decimals by default', () => {
    expect([sum([0.1, 0.2]), round(2 / 3), round(2 / 3, 1)]).toEqual([
      0.30000000000000004, 0.6667, 0.7,
    ]);
  });
});
