import { describe, expect, it } from 'vitest';
import { predictability } from './predictability';
import { aSprint, anItem } from './testing/generators';

describe('sprint predictability (completed ÷ committed at start, 80% baseline)', () => {
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
      committedPoints: 20,
      completedPoints: 16,
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
      'above 1 when added work is completed: (4 + 2) / 4',
      [anItem({ points: 4 }), anItem({ points: 2, committed: false, addedAfterStart: true })],
      1.5,
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
    [
      'a sprint with no items',
      aSprint(),
      [],
      'no estimated points were committed at sprint start',
      0,
    ],
    [
      'a sprint whose commitment is unestimated',
      aSprint(),
      [anItem({ points: null })],
      'no estimated points were committed at sprint start',
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
});
