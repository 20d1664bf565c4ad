import { describe, expect, it } from 'vitest';
import { aSprint, anItem } from './testing/generators';
import { velocity } from './velocity';

const sprint = (n: number, completedAt: string) =>
  aSprint({ id: `S${n}`, name: `Sprint ${n}`, completedAt });
const sprints = [
  sprint(1, '2026-01-16T17:00:00Z'),
  sprint(2, '2026-01-30T17:00:00Z'),
  sprint(3, '2026-02-13T17:00:00Z'),
  sprint(4, '2026-02-27T17:00:00Z'),
  aSprint({ id: 'S5', state: 'active', completedAt: null }),
];
// Completed points: S1 = 20, S2 = 10, S3 = 8 + 4 added, S4 = 6 (plus 5 not done, 7 removed); S5 = 99 active.
const items = [
  anItem({ sprintId: 'S1', points: 20 }),
  anItem({ sprintId: 'S2', points: 10 }),
  anItem({ sprintId: 'S3', points: 8 }),
  anItem({ sprintId: 'S3', points: 4, committed: false, addedAfterStart: true }),
  anItem({ sprintId: 'S4', points: 6 }),
  anItem({ sprintId: 'S4', points: 5, completed: false }),
  anItem({ sprintId: 'S4', points: 7, removedAfterStart: true }),
  anItem({ sprintId: 'S4', points: null }),
  anItem({ sprintId: 'S5', points: 99 }),
];

describe('velocity', () => {
  it('is the mean completed points of the last 3 closed sprints: (10 + 12 + 6) / 3', () => {
    const result = velocity(sprints, items);
    expect(result).toEqual({
      status: 'ok',
      value: 9.333333,
      unit: 'points',
      sampleSize: 3,
      sprints: [
        { sprintId: 'S2', name: 'Sprint 2', completedPoints: 10 },
        { sprintId: 'S3', name: 'Sprint 3', completedPoints: 12 },
        { sprintId: 'S4', name: 'Sprint 4', completedPoints: 6 },
      ],
    });
  });

  it.each([
    ['a window of 1 takes the last closed sprint', 1, 6, 1],
    ['a window of 0 is read as 1', 0, 6, 1],
    ['a window larger than history takes all closed sprints: 48 / 4', 10, 12, 4],
  ])('%s', (_name, window, value, sampleSize) => {
    const result = velocity(sprints, items, { window });
    expect(result.status === 'ok' && [result.value, result.sampleSize]).toEqual([
      value,
      sampleSize,
    ]);
  });

  it('orders sprints by completion time, not by list order', () => {
    const result = velocity([...sprints].reverse(), items, { window: 1 });
    expect(result.status === 'ok' && result.sprints.map((s) => s.sprintId)).toEqual(['S4']);
  });

  it('counts a closed sprint with no items as 0 points', () => {
    expect(velocity([sprint(9, '2026-01-02T00:00:00Z')], [])).toMatchObject({
      value: 0,
      sampleSize: 1,
    });
  });

  it.each([
    ['no sprints', []],
    ['only an active sprint', [aSprint({ state: 'active', completedAt: null })]],
    ['a closed sprint without a completion time', [aSprint({ completedAt: null })]],
  ])('has not enough data with %s', (_name, input) => {
    expect(velocity(input, items)).toEqual({
      status: 'not-enough-data',
      unit: 'points',
      sampleSize: 0,
      minimumSampleSize: 1,
      reason: 'needs 1 closed sprint, has 0',
    });
  });
});
