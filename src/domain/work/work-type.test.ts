import { describe, expect, it } from 'vitest';
import { isWorkType, WORK_TYPES } from './work-type';

describe('work types', () => {
  it('are exactly feature, debt, toil and reliability, in that order', () => {
    expect(WORK_TYPES).toEqual(['feature', 'debt', 'toil', 'reliability']);
  });

  it.each([
    ['feature', true],
    ['toil', true],
    ['unclassified', false],
    ['Feature', false],
    [undefined, false],
    [3, false],
  ])('recognises %j as a work type: %s', (value, expected) => {
    expect(isWorkType(value)).toBe(expected);
  });
});
