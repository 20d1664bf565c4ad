/**
 * Threshold SLIs (threshold.ts) against an independent computation from the raw points: the SLI
 * of Occurrences is good points / points, of Timeslices good minutes / minutes with points, a
 * minute being good when its share of good points reaches the slice target. Exact expectations;
 * the property compares fractions of integers computed two ways (tolerance 1e-12).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from './duration';
import { computeSloStatus, sliSeriesFor } from './status';
import { T0, sloSpec } from './testing/generators';
import type { ObjectiveOp } from './spec';
import {
  meetsThreshold,
  thresholdIntervals,
  thresholdObjectiveText,
  type ThresholdPoint,
} from './threshold';

describe('meetsThreshold', () => {
  it.each([
    ['lt', 0.3, 0.3, false],
    ['lt', 0.29, 0.3, true],
    ['lte', 0.3, 0.3, true],
    ['gt', 0.3, 0.3, false],
    ['gte', 0.3, 0.3, true],
    ['gt', 0.31, 0.3, true],
  ] as const)('%s: %d against %d is %s', (op, value, threshold, good) => {
    expect(meetsThreshold(value, op, threshold)).toBe(good);
  });
});

describe('thresholdIntervals', () => {
  it('counts each minute’s points, good when p99 is below 300 ms, and skips NaN as no data', () => {
    const points: ThresholdPoint[] = [
      { at: T0 + 15_000, value: 0.21 },
      { at: T0 + 45_000, value: 0.35 },
      { at: T0 + MINUTE_MS, value: Number.NaN },
      { at: T0 + 2 * MINUTE_MS + 59_999, value: 0.29 },
    ];
    expect(thresholdIntervals(points, 'lt', 0.3)).toEqual([
      { start: T0, end: T0 + MINUTE_MS, good: 1, total: 2 },
      { start: T0 + 2 * MINUTE_MS, end: T0 + 3 * MINUTE_MS, good: 1, total: 1 },
    ]);
  });
});

const day = { kind: 'rolling', days: 1 } as const;
const at = T0 + DAY_MS;

/** Independent: the SLI straight from the points, without the engine. */
function expectedSli(
  points: readonly ThresholdPoint[],
  op: ObjectiveOp,
  threshold: number,
  sliceTarget: number | null,
): number | null {
  const good = (p: ThresholdPoint) =>
    op === 'lt'
      ? p.value < threshold
      : op === 'lte'
        ? p.value <= threshold
        : op === 'gt'
          ? p.value > threshold
          : p.value >= threshold;
  if (points.length === 0) return null;
  if (sliceTarget === null) return points.filter(good).length / points.length;
  const byMinute = new Map<number, ThresholdPoint[]>();
  for (const p of points) {
    const m = Math.floor(p.at / MINUTE_MS);
    byMinute.set(m, [...(byMinute.get(m) ?? []), p]);
  }
  const minutes = [...byMinute.values()];
  return (
    minutes.filter((ps) => ps.filter(good).length / ps.length >= sliceTarget).length /
    minutes.length
  );
}

describe('a threshold SLO through the engine', () => {
  const pointsArb = fc.array(
    fc.record({
      at: fc.integer({ min: T0, max: at - 1 }),
      value: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 300 },
  );

  it.each([
    ['Occurrences', null],
    ['Timeslices', 0.5],
    ['Timeslices', 1],
  ] as const)(
    '%s (slice target %s) gives the SLI computed from the points',
    (method, sliceTarget) => {
      fc.assert(
        fc.property(
          pointsArb,
          fc.constantFrom<ObjectiveOp>('lt', 'lte', 'gt', 'gte'),
          (points, op) => {
            const spec = sloSpec({
              window: day,
              target: 0.99,
              budgeting:
                sliceTarget === null
                  ? { method: 'Occurrences' }
                  : { method: 'Timeslices', sliceTarget },
            });
            const intervals = thresholdIntervals(points, op, 0.3);
            const status = computeSloStatus(spec, sliSeriesFor(spec, intervals), at);
            const expected = expectedSli(points, op, 0.3, sliceTarget);
            if (expected === null) expect(status.sli).toBeNull();
            else expect(status.sli).toBeCloseTo(expected, 12);
          },
        ),
        { numRuns: 100 },
      );
    },
  );

  it('“p99 below 300 ms in 99% of minutes”: 1,440 minutes with 20 slow ones leave 1 − 20/14.4 of the budget', () => {
    const points = Array.from({ length: 1440 }, (_, i) => ({
      at: T0 + i * MINUTE_MS,
      value: i < 20 ? 0.45 : 0.12,
    }));
    const spec = sloSpec({
      window: day,
      target: 0.99,
      budgeting: { method: 'Timeslices', sliceTarget: 1 },
    });
    const status = computeSloStatus(
      spec,
      sliSeriesFor(spec, thresholdIntervals(points, 'lt', 0.3)),
      at,
    );
    expect([status.sli, status.budget.unit, status.budget.consumed]).toEqual([
      1420 / 1440,
      'minutes',
      20,
    ]);
    expect(status.budgetRemaining).toBeCloseTo(1 - 20 / 14.4, 12);
  });
});

describe('thresholdObjectiveText', () => {
  const latency = (budgeting: 'Occurrences' | 'Timeslices') =>
    sloSpec({
      indicator: { kind: 'threshold', name: 'p99', source: { type: 'Prometheus', spec: {} } },
      objectiveOp: 'gte',
      objectiveValue: 0.95,
      budgeting:
        budgeting === 'Occurrences'
          ? { method: 'Occurrences' }
          : { method: 'Timeslices', sliceTarget: 1 },
    });

  it('says the rule for good minutes or good data points, and nothing for a ratio SLO', () => {
    expect(thresholdObjectiveText(latency('Timeslices'))).toBe(
      'A minute is good when its value is ≥ 0.95; SLI = good minutes / minutes with data',
    );
    expect(thresholdObjectiveText(latency('Occurrences'))).toBe(
      'A data point is good when its value is ≥ 0.95; SLI = good points / points',
    );
    expect(thresholdObjectiveText(sloSpec({}))).toBeNull();
  });
});
