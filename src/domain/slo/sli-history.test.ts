import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from './duration';
import { sliHistory, sliHistoryStep } from './sli-history';
import { sliSeriesFor } from './status';
import { T0, minutes, sloSpec } from './testing/generators';

describe('SLI history step', () => {
  it.each([
    [2 * DAY_MS, HOUR_MS], // 48 buckets
    [7 * DAY_MS, 2 * HOUR_MS], // 84
    [28 * DAY_MS, 6 * HOUR_MS], // 112
    [30 * DAY_MS, 6 * HOUR_MS], // 120
    [31 * DAY_MS, 12 * HOUR_MS], // 62
    [92 * DAY_MS, DAY_MS], // 92
  ])('a %d ms window gets %d ms buckets', (span, step) => {
    expect(sliHistoryStep(span)).toBe(step);
  });
});

describe('SLI history', () => {
  const spec = sloSpec({ window: { kind: 'rolling', days: 2 } });
  // Evaluated half an hour before the data ends, so every bucket straddles two hours of data.
  const at = T0 + 2 * DAY_MS - 30 * 60_000;
  // 100 events a minute from T0; hour 30 at 98%, the first ten minutes of hour 40 at 99%, hour 45
  // missing.
  const data = minutes(T0, 2 * 1440, (i) => {
    const hour = Math.floor(i / 60);
    if (hour === 30) return { good: 98, total: 100 };
    if (hour === 40 && i % 60 < 10) return { good: 99, total: 100 };
    if (hour === 45) return null;
    return { good: 100, total: 100 };
  });
  const history = sliHistory(spec, sliSeriesFor(spec, data), at);

  it('splits the window into hourly buckets, the last one ending at the evaluation time', () => {
    expect(history.step).toBe(HOUR_MS);
    expect(history.points).toHaveLength(48);
    expect(history.points[0]).toMatchObject({
      from: at - 2 * DAY_MS,
      to: at - 2 * DAY_MS + HOUR_MS,
    });
    expect(history.points[47]?.to).toBe(at);
  });

  it('gives each bucket its own SLI (to 1e-12)', () => {
    // Bucket k = [T0 + (k − ½)h, T0 + (k + ½)h): the second half of hour k − 1, the first of k.
    expect(history.points[0]?.sli).toBe(1); // the first half hour has no data before T0
    expect(history.points[30]?.sli).toBeCloseTo((3000 + 2940) / 6000, 12);
    expect(history.points[31]?.sli).toBeCloseTo((2940 + 3000) / 6000, 12);
    expect(history.points[32]?.sli).toBe(1);
    expect(history.points[40]?.sli).toBeCloseTo((6000 - 10) / 6000, 12);
  });

  it('leaves a bucket without data empty, never good', () => {
    // Hour 45 is missing: buckets 45 and 46 keep the half hour of data they have.
    expect(history.points[45]?.sli).toBe(1);
    expect(history.points[46]?.sli).toBe(1);
    const empty = sliHistory(spec, sliSeriesFor(spec, []), at);
    expect(empty.points.every((p) => p.sli === null)).toBe(true);
  });
});
