import { describe, expect, it } from 'vitest';
import { budgetBurndown } from './burndown';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';
import { findPostmortemCandidates, incidentBudgetShare } from './postmortem';
import { computeSloStatus, sliSeriesFor } from './status';
import { T0, minutes, sloSpec } from './testing/generators';

const spec = sloSpec({ window: { kind: 'rolling', days: 2 } });
const at = T0 + 2 * DAY_MS;
// 100 events a minute for two days; an incident of 60 minutes with 2 bad a minute starting at
// hour 30 (120 bad of the 0.001 × 288,000 = 288 allowed: 41.7%), and a blip of 10 minutes with 1
// bad a minute at hour 40 (10 bad: 3.5%).
const data = minutes(T0, 2 * 1440, (i) => {
  if (i >= 30 * 60 && i < 31 * 60) return { good: 98, total: 100 };
  if (i >= 40 * 60 && i < 40 * 60 + 10) return { good: 99, total: 100 };
  return { good: 100, total: 100 };
});
const series = sliSeriesFor(spec, data);

describe('budget burn-down', () => {
  const points = budgetBurndown(spec, series, at, 6 * HOUR_MS);

  it('has one point per step ending at the evaluation time', () => {
    expect(points).toHaveLength(8);
    expect(points[0]?.at).toBe('2026-01-01T06:00:00.000Z');
    expect(points[7]?.at).toBe('2026-01-03T00:00:00.000Z');
  });

  it.each([
    [0, 1],
    [4, 1],
    [5, 1 - 120 / 288],
    [7, 1 - 130 / 288],
  ])('at point %i has %d of the budget left (to 1e-9)', (index, remaining) => {
    expect(points[index]?.budgetRemaining).toBeCloseTo(remaining, 9);
  });

  it('ends at the status budget remaining', () => {
    expect(points[7]?.budgetRemaining).toBeCloseTo(
      computeSloStatus(spec, series, at).budgetRemaining!,
      12,
    );
  });
});

describe('postmortem rule', () => {
  it('measures the budget share of a given incident span', () => {
    const share = incidentBudgetShare(
      spec,
      series,
      { start: T0 + 29 * HOUR_MS, end: T0 + 32 * HOUR_MS },
      at,
    );
    expect(share).toBeCloseTo(120 / 288, 12);
  });

  it('finds the incident that spent more than 20% of the budget and not the blip', () => {
    expect(findPostmortemCandidates(spec, series, at)).toEqual([
      {
        start: '2026-01-02T06:00:00.000Z',
        end: '2026-01-02T07:00:00.000Z',
        budgetShare: expect.closeTo(120 / 288, 12) as number,
      },
    ]);
  });

  it('merges burning stretches separated by less than the merge gap into one incident', () => {
    const gappy = minutes(T0, 2 * 1440, (i) =>
      (i >= 600 && i < 630) || (i >= 640 && i < 670)
        ? { good: 98, total: 100 }
        : { good: 100, total: 100 },
    );
    const found = findPostmortemCandidates(spec, sliSeriesFor(spec, gappy), at, {
      mergeGap: 15 * MINUTE_MS,
    });
    expect(found.map((c) => [c.start, c.end])).toEqual([
      ['2026-01-01T10:00:00.000Z', '2026-01-01T11:10:00.000Z'],
    ]);
    expect(found[0]?.budgetShare).toBeCloseTo(120 / 288, 12);
  });
});
