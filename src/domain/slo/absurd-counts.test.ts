/**
 * Nothing fails open (issue #19, item 2): counts are whole numbers from 0 to MAX_SLI_COUNT, so no
 * sum can round or overflow. The property over what the push API accepts is in
 * test/reliability/sli-counts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './duration';
import {
  MAX_SLI_COUNT,
  checkSliIntervals,
  isUsableCount,
  withinCountLimit,
  type SliInterval,
} from './sli-interval';
import { buildSliSeries } from './sli-series';
import { T0 } from './testing/generators';

const minute = (i: number, good: number, total: number): SliInterval => ({
  start: T0 + i * MINUTE_MS,
  end: T0 + (i + 1) * MINUTE_MS,
  good,
  total,
});

describe('SLI counts Ballast accepts', () => {
  it.each([
    ['1e308', 1e308],
    ['Infinity', Infinity],
    ['NaN', NaN],
    ['a fraction', 1.5],
    ['a negative count', -1],
    ['one more than the limit', MAX_SLI_COUNT + 1],
    ['2^53', 2 ** 53],
  ])('refuses %s as good or total, naming the interval', (_, value) => {
    expect(isUsableCount(value)).toBe(false);
    const [asTotal] = checkSliIntervals([minute(0, 0, value)]);
    expect(asTotal?.index).toBe(0);
    expect(asTotal?.reason).toMatch(/whole numbers from 0 to/);
    const [asGood] = checkSliIntervals([minute(3, value, MAX_SLI_COUNT)]);
    expect(asGood?.index).toBe(0);
  });

  it('accepts 0 and the limit itself', () => {
    expect(checkSliIntervals([minute(0, 0, 0), minute(1, MAX_SLI_COUNT, MAX_SLI_COUNT)])).toEqual(
      [],
    );
  });

  it('builds no series from a count above the limit (stored data from before the check)', () => {
    expect(() => buildSliSeries([minute(0, 1e308, 1e308)])).toThrow(/SLI interval 0/);
  });

  it('sums a year of minutes at the limit exactly', () => {
    const year = Array.from({ length: 366 * 1440 }, (_, i) => minute(i, 0, MAX_SLI_COUNT));
    const series = buildSliSeries(year);
    expect(series.prefixTotal[year.length]).toBe(366 * 1440 * MAX_SLI_COUNT);
    expect(Number.isSafeInteger(series.prefixBad[year.length])).toBe(true);
  });
});

describe('stored intervals from before the limit', () => {
  it.each<[string, SliInterval, { good: number; total: number }]>([
    ['a usable interval is unchanged', minute(0, 7, 10), { good: 7, total: 10 }],
    [
      '1e308 of 1e308 keeps its ratio at the limit',
      minute(0, 1e308, 1e308),
      { good: MAX_SLI_COUNT, total: MAX_SLI_COUNT },
    ],
    [
      'half of 4e9 keeps its ratio at the limit',
      minute(0, 2e9, 4e9),
      { good: MAX_SLI_COUNT / 2, total: MAX_SLI_COUNT },
    ],
    [
      'a ratio is rounded down, never up',
      minute(0, 1e10 - 1, 1e10),
      { good: MAX_SLI_COUNT - 1, total: MAX_SLI_COUNT },
    ],
    [
      'Infinity counts as all bad',
      minute(0, Infinity, Infinity),
      { good: 0, total: MAX_SLI_COUNT },
    ],
    ['NaN counts as all bad', minute(0, NaN, 5), { good: 0, total: MAX_SLI_COUNT }],
    ['good above total counts as all bad', minute(0, 6, 5), { good: 0, total: MAX_SLI_COUNT }],
  ])('%s', (_, stored, expected) => {
    const bounded = withinCountLimit(stored);
    expect({ good: bounded.good, total: bounded.total }).toEqual(expected);
    expect(() => buildSliSeries([bounded])).not.toThrow();
    expect(bounded.good / bounded.total).toBeLessThanOrEqual(
      Number.isFinite(stored.good / stored.total) ? stored.good / stored.total : 0,
    );
  });
});
