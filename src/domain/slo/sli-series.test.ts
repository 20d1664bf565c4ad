import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './duration';
import { buildSliSeries, checkSliIntervals, sumsOver } from './sli-series';
import { T0, minutes } from './testing/generators';

describe('SLI series', () => {
  const tenMinutes = { start: T0, end: T0 + 10 * MINUTE_MS, good: 90, total: 100 };

  it.each([
    ['the whole interval', T0, T0 + 10 * MINUTE_MS, 90, 100],
    ['its first half', T0, T0 + 5 * MINUTE_MS, 45, 50],
    ['a window straddling its end', T0 + 8 * MINUTE_MS, T0 + 20 * MINUTE_MS, 18, 20],
    ['a window before it', T0 - 5 * MINUTE_MS, T0, 0, 0],
    ['an empty window', T0 + MINUTE_MS, T0 + MINUTE_MS, 0, 0],
  ])('counts an interval pro rata over %s', (_, from, to, good, total) => {
    const sums = sumsOver(buildSliSeries([tenMinutes]), from, to);
    expect(sums.good).toBeCloseTo(good, 12);
    expect(sums.total).toBeCloseTo(total, 12);
  });

  it('treats missing minutes as missing: no events, no coverage, not good', () => {
    const data = minutes(T0, 10, (i) => (i % 2 === 0 ? { good: 10, total: 10 } : null));
    const sums = sumsOver(buildSliSeries(data), T0, T0 + 10 * MINUTE_MS);
    expect(sums).toEqual({
      good: 50,
      bad: 0,
      total: 50,
      coveredMs: 5 * MINUTE_MS,
      dataMinutes: 5,
      goodMinutes: 5,
    });
  });

  it('counts a minute as a good timeslice only when its ratio meets the slice target', () => {
    const data = minutes(
      T0,
      3,
      (i) =>
        [
          { good: 95, total: 100 },
          { good: 94, total: 100 },
          { good: 0, total: 0 },
        ][i]!,
    );
    const sums = sumsOver(buildSliSeries(data, 0.95), T0, T0 + 3 * MINUTE_MS);
    expect([sums.dataMinutes, sums.goodMinutes, sums.coveredMs]).toEqual([2, 1, 3 * MINUTE_MS]);
  });

  it.each([
    [
      'an interval not on whole minutes',
      { start: T0 + 1000, end: T0 + MINUTE_MS, good: 1, total: 1 },
      'whole minutes',
    ],
    ['an empty interval', { start: T0, end: T0, good: 1, total: 1 }, 'end must be after start'],
    [
      'more good than total events',
      { start: T0, end: T0 + MINUTE_MS, good: 2, total: 1 },
      'good (2) must not exceed total (1)',
    ],
    [
      'negative counts',
      { start: T0, end: T0 + MINUTE_MS, good: -1, total: 1 },
      'whole numbers from 0 to 1,000,000,000',
    ],
  ])('rejects %s', (_, interval, reason) => {
    expect(checkSliIntervals([interval])[0]?.reason).toContain(reason);
    expect(() => buildSliSeries([interval])).toThrow(reason);
  });

  it('rejects overlapping intervals, naming the later one', () => {
    const issues = checkSliIntervals([
      { start: T0 + MINUTE_MS, end: T0 + 3 * MINUTE_MS, good: 1, total: 1 },
      { start: T0, end: T0 + 2 * MINUTE_MS, good: 1, total: 1 },
    ]);
    expect(issues).toEqual([
      { index: 0, reason: 'overlaps the interval starting 2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('adds up: the sums over [a, b) and [b, c) make the sum over [a, c)', () => {
    const data = minutes(T0, 200, (i) => (i % 7 === 3 ? null : { good: (i * 13) % 50, total: 50 }));
    const series = buildSliSeries(data, 0.5);
    const instant = fc.integer({ min: T0 - 10 * MINUTE_MS, max: T0 + 210 * MINUTE_MS });
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const whole = sumsOver(series, a, c);
        const left = sumsOver(series, a, b);
        const right = sumsOver(series, b, c);
        // Tolerance 1e-9: the pro-rata parts are floating-point fractions.
        expect(left.total + right.total).toBeCloseTo(whole.total, 9);
        expect(left.bad + right.bad).toBeCloseTo(whole.bad, 9);
        expect(left.goodMinutes + right.goodMinutes).toBeCloseTo(whole.goodMinutes, 9);
      }),
    );
  });
});
