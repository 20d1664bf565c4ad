import { describe, expect, it } from 'vitest';
import { predictability } from './predictability';
import { aSprint, anItem } from './testing/generators';

describe('sprint predictability (committed and completed ÷ committed at start, 80% baseline)', () => {
  it('is 16 / 20 = 0.8 and meets the baseline', () => {
    const items = [
      anItem({ points: 8 }),
      anItem({ points: 8 }),
      anItem({ points: 4, completed: false }),
      anItem({ sprintId: 'OTHER', points: 50 }),
    ];
    expect(predictability(aSprint(), items)).toEqual({
      status: 'ok',
      value: 0.8,
      unit: 'ratio',
      sampleSize: 3,
      committed: 20,
      committedCompleted: 16,
      addedCompleted: 0,
      unestimatedCommitted: 0,
      baseline: 0.8,
      meetsBaseline: true,
    });
  });

  it.each([
    [
      'below the baseline: 3 / 4',
      [anItem({ points: 3 }), anItem({ points: 1, completed: false })],
      0.75,
      false,
    ],
    [
      'never above 1: added work completed is beside it, 4 / 4',
      [anItem({ points: 4 }), anItem({ points: 2, committed: false, addedAfterStart: true })],
      1,
      true,
    ],
    [
      'a removed committed item is not completed: 2 / 5',
      [anItem({ points: 2 }), anItem({ points: 3, removedAfterStart: true })],
      0.4,
      false,
    ],
    [
      'an unestimated committed item counts as 0 points: 2 / 2',
      [anItem({ points: 2 }), anItem({ points: null, completed: false })],
      1,
      true,
    ],
  ])('is %s', (_name, items, value, meetsBaseline) => {
    expect(predictability(aSprint(), items)).toMatchObject({ status: 'ok', value, meetsBaseline });
  });

  it.each([
    [
      'an active sprint',
      aSprint({ state: 'active' }),
      [anItem()],
      'the sprint has not closed yet',
      1,
    ],
    ['a sprint with no items', aSprint(), [], 'no estimated work was committed at sprint start', 0],
    [
      'a sprint whose commitment is unestimated',
      aSprint(),
      [anItem({ points: null })],
      'no estimated work was committed at sprint start',
      1,
    ],
  ])('has not enough data for %s', (_name, sprint, items, reason, sampleSize) => {
    expect(predictability(sprint, items)).toEqual({
      status: 'not-enough-data',
      unit: 'ratio',
      sampleSize,
      minimumSampleSize: 1,
      reason,
    });
  });

  it('scores 0, not 0.8, when none of 20 committed points and all 16 added points were done (issue 17)', () => {
    const items = [
      anItem({ points: 8, completed: false }),
      anItem({ points: 12, completed: false }),
      anItem({ points: 16, committed: false, addedAfterStart: true, unplanned: true }),
    ];
    expect(predictability(aSprint(), items)).toEqual({
      status: 'ok',
      value: 0,
      unit: 'ratio',
      sampleSize: 2,
      committed: 20,
      committedCompleted: 0,
      addedCompleted: 16,
      unestimatedCommitted: 0,
      baseline: 0.8,
      meetsBaseline: false,
    });
  });

  it('is 13 / 20 = 0.65 with 5 added points done beside it, and a removed committed item counts as not done', () => {
    const items = [
      anItem({ points: 8 }),
      anItem({ points: 5 }),
      anItem({ points: 4, removedAfterStart: true }),
      anItem({ points: 3, completed: false }),
      anItem({ points: 5, committed: false, addedAfterStart: true }),
      anItem({ points: 2, committed: false, addedAfterStart: true, completed: false }),
    ];
    expect(predictability(aSprint(), items)).toMatchObject({
      value: 0.65,
      committed: 20,
      committedCompleted: 13,
      addedCompleted: 5,
      meetsBaseline: false,
    });
  });
});
