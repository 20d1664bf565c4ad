import { describe, expect, it } from 'vitest';
import {
  nearestRankPercentile,
  recommendBuffer,
  type SprintUnplannedWork,
} from './buffer-recommendation';

/** Sprints s1…sN closed two weeks apart, each with 100 units of work of which `unplanned` were added late. */
const history = (...unplanned: number[]): SprintUnplannedWork[] =>
  unplanned.map((late, index) => ({
    sprintId: `s${index + 1}`,
    closedAt: new Date(Date.UTC(2026, 0, 1 + 14 * index)).toISOString(),
    committed: 100 - late,
    unplanned: late,
  }));

describe('nearestRankPercentile', () => {
  it.each([
    [[5, 8, 10, 12, 20, 30], 80, 20],
    [[5, 8, 10, 12, 20, 30], 100, 30],
    [[5, 8, 10, 12, 20, 30], 50, 10],
    [[5, 8, 10, 12, 20, 30], 0, 5],
    [[7], 80, 7],
  ])('takes from %j the %ith percentile as %i', (values, percentile, expected) => {
    expect(nearestRankPercentile(values, percentile)).toBe(expected);
  });
});

describe('recommendBuffer', () => {
  it('recommends the 80th percentile of the last six sprints by default', () => {
    const result = recommendBuffer(history(30, 5, 12, 8, 20, 10, 15));
    // The last six are 5, 12, 8, 20, 10, 15 → sorted 5, 8, 10, 12, 15, 20 → the 5th is 15.
    expect(result.kind === 'recommendation' && result.bufferShare).toBe(15);
  });

  it('rounds a fractional share up to whole points', () => {
    const sprints = [0, 1, 2].map((index) => ({
      sprintId: `s${index}`,
      closedAt: `2026-0${index + 1}-01T00:00:00Z`,
      committed: 90,
      unplanned: 10 + index,
    }));
    // Shares 10, 10.89, 11.76 percent: the 80th percentile is 11.76, so 12.
    expect(recommendBuffer(sprints)).toMatchObject({ kind: 'recommendation', bufferShare: 12 });
  });

  it('reports each sprint share, most recent first', () => {
    const result = recommendBuffer(history(5, 10, 25));
    expect(result.sprints.map((s) => [s.sprintId, s.share])).toEqual([
      ['s3', 25],
      ['s2', 10],
      ['s1', 5],
    ]);
  });

  it.each([
    [10, 'raise', 'Raise the buffer from 10% to 15%.'],
    [20, 'lower', 'Lower the buffer from 20% to 15%.'],
    [15, 'keep', 'The current 15% buffer fits.'],
  ] as const)('compares with a current buffer of %i%%: %s', (currentBuffer, change, advice) => {
    const result = recommendBuffer(history(5, 12, 8, 20, 10, 15), { currentBuffer });
    expect(
      result.kind === 'recommendation' && [result.change, result.explanation.endsWith(advice)],
    ).toEqual([change, true]);
  });

  it('gives no recommendation with fewer than three sprints of history', () => {
    expect(recommendBuffer(history(10, 20))).toMatchObject({
      kind: 'insufficientHistory',
      explanation:
        'A buffer recommendation needs at least 3 closed sprints with work; there are 2.',
    });
  });

  it('leaves empty sprints out of the percentile', () => {
    const empty = { sprintId: 'e', closedAt: '2027-01-01T00:00:00Z', committed: 0, unplanned: 0 };
    const result = recommendBuffer([...history(10, 20), empty]);
    expect([result.kind, result.sprints[0]?.share]).toEqual(['insufficientHistory', null]);
  });

  it('honours another window and percentile', () => {
    const result = recommendBuffer(history(40, 5, 12, 8), { sprints: 3, percentile: 100 });
    expect(result.kind === 'recommendation' && result.bufferShare).toBe(12);
  });
});
