import { describe, expect, it } from 'vitest';
import { carryOver } from './carry-over';
import { aSprint, anItem } from './testing/generators';

describe('carry-over', () => {
  it('counts items in the sprint at close that are not done, with their points', () => {
    const items = [
      anItem({ issueKey: 'BAL-1' }),
      anItem({ issueKey: 'BAL-2', points: 5, completed: false }),
      anItem({ issueKey: 'BAL-3', points: null, completed: false }),
      anItem({ issueKey: 'BAL-4', points: 8, completed: false, removedAfterStart: true }),
    ];
    expect(carryOver(aSprint(), items)).toEqual({
      status: 'ok',
      value: 2,
      unit: 'count',
      sampleSize: 3,
      points: 5,
      issueKeys: ['BAL-2', 'BAL-3'],
    });
  });

  it('is 0 of 0 for a closed sprint with no items', () => {
    expect(carryOver(aSprint(), [])).toMatchObject({
      status: 'ok',
      value: 0,
      sampleSize: 0,
      points: 0,
    });
  });

  it('has not enough data while the sprint is open', () => {
    expect(carryOver(aSprint({ state: 'active' }), [anItem()])).toMatchObject({
      status: 'not-enough-data',
      reason: 'the sprint has not closed yet',
    });
  });
});
