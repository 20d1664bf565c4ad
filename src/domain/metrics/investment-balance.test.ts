import { describe, expect, it } from 'vitest';
import { investmentBalance } from './investment-balance';
import { aSprint, anItem } from './testing/generators';

const row = (points: number, count: number, share: number | null) => ({ points, count, share });

describe('investment balance per sprint', () => {
  const items = [
    anItem({ workType: 'feature', points: 6 }),
    anItem({ workType: 'debt', points: 2 }),
    anItem({ workType: 'toil', points: 2, completed: false }),
    anItem({ workType: 'unclassified', points: null }),
    anItem({ workType: 'reliability', points: 4, committed: false, addedAfterStart: true }),
  ];

  it('splits planned (committed at start) points per type, unclassified on its own row', () => {
    const result = investmentBalance(aSprint(), items);
    expect(result.status === 'ok' && result.value.planned).toEqual({
      totalPoints: 10,
      unestimated: 1,
      byType: {
        feature: row(6, 1, 0.6),
        debt: row(2, 1, 0.2),
        toil: row(2, 1, 0.2),
        reliability: row(0, 0, 0),
        unclassified: row(0, 1, 0),
      },
    });
  });

  it('splits completed points per type, including work added after start', () => {
    const result = investmentBalance(aSprint(), items);
    expect(result.status === 'ok' && result.value.completed).toEqual({
      totalPoints: 12,
      unestimated: 1,
      byType: {
        feature: row(6, 1, 0.5),
        debt: row(2, 1, 0.1667),
        toil: row(0, 0, 0),
        reliability: row(4, 1, 0.3333),
        unclassified: row(0, 1, 0),
      },
    });
  });

  it('leaves shares empty when nothing has points', () => {
    const result = investmentBalance(aSprint(), [anItem({ points: null })]);
    expect(result.status === 'ok' && result.value.completed.byType.feature).toEqual(
      row(0, 1, null),
    );
  });

  it('has not enough data for a sprint with no items', () => {
    expect(investmentBalance(aSprint(), [])).toMatchObject({
      status: 'not-enough-data',
      reason: 'the sprint has no items',
    });
  });
});
