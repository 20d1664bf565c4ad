import { describe, expect, it } from 'vitest';
import { scopeChange } from './scope-change';
import { aSprint, anItem } from './testing/generators';

describe('scope added and removed after sprint start', () => {
  it('gives net points and churn against the commitment: +5 + 2 added, −4 removed of 20', () => {
    const items = [
      anItem({ points: 16 }),
      anItem({ points: 4, removedAfterStart: true }),
      anItem({ points: 5, committed: false, addedAfterStart: true }),
      anItem({ points: 2, committed: false, addedAfterStart: true, completed: false }),
      anItem({ points: null, committed: false, addedAfterStart: true }),
    ];
    expect(scopeChange(aSprint(), items)).toEqual({
      status: 'ok',
      value: 3,
      unit: 'points',
      sampleSize: 5,
      added: { count: 3, points: 7, unestimated: 1 },
      removed: { count: 1, points: 4, unestimated: 0 },
      committedPoints: 20,
      reestimated: 0,
      churnShare: 0.55,
    });
  });

  it('sizes removed work at the start, added work at the end, and shows re-estimates beside the net', () => {
    const items = [
      // Committed at 3, re-estimated to 8 and still in: +5 re-estimated, not "added".
      anItem({ points: 8, pointsAtStart: 3 }),
      // Committed at 5, cut to 2 and then taken out: 5 left the commitment.
      anItem({ points: 2, pointsAtStart: 5, removedAfterStart: true }),
      // Added at 1, re-estimated to 2 before the end: added 2.
      anItem({ points: 2, committed: false, addedAfterStart: true }),
    ];
    expect(scopeChange(aSprint({ state: 'active' }), items)).toMatchObject({
      value: -3,
      added: { count: 1, points: 2 },
      removed: { count: 1, points: 5 },
      committedPoints: 8,
      reestimated: 5,
      churnShare: 0.875,
    });
  });

  it('counts an item added and then removed in neither (it is not in the sprint at its end)', () => {
    const item = anItem({
      points: 3,
      committed: false,
      addedAfterStart: true,
      removedAfterStart: true,
    });
    expect(scopeChange(aSprint({ state: 'active' }), [item])).toMatchObject({
      value: 0,
      added: { count: 0, points: 0 },
      removed: { count: 0, points: 0 },
      churnShare: null,
    });
  });

  it('has not enough data before the sprint starts', () => {
    expect(scopeChange(aSprint({ state: 'future', startedAt: null }), [])).toMatchObject({
      status: 'not-enough-data',
      reason: 'the sprint has not started yet',
    });
  });
});
