import { describe, expect, it } from 'vitest';
import { minuteCounts, minuteValues, noneSkipped } from './minutes';
import type { Sample } from './prometheus';

const M = 60_000;
const series = (values: readonly (number | undefined)[]): Sample[] =>
  values.flatMap((v, i) => (v === undefined ? [] : [[i * M, v] as const]));

function run(
  counts: 'good' | 'bad',
  counter: boolean,
  numerator: readonly (number | undefined)[],
  total: readonly (number | undefined)[],
  minutes: number,
) {
  const skipped = noneSkipped();
  const out = minuteCounts(
    { counts, counter },
    series(numerator),
    series(total),
    0,
    minutes * M,
    skipped,
  );
  return { out: out.map((m) => [m.start / M, m.good, m.total]), skipped };
}

describe('per-minute counts from counters (counter: true)', () => {
  it('gives each minute the difference of the samples at its end and its start', () => {
    expect(run('good', true, [100, 190, 290], [100, 200, 300], 2).out).toEqual([
      [0, 90, 100],
      [1, 100, 100],
    ]);
  });

  it('turns bad/total into good = total − bad', () => {
    expect(run('bad', true, [0, 5, 5], [100, 200, 300], 2).out).toEqual([
      [0, 95, 100],
      [1, 100, 100],
    ]);
  });

  it('leaves a minute with a counter reset missing, and counts it', () => {
    const r = run('good', true, [1000, 1100, 40, 140], [1000, 1100, 50, 150], 3);
    expect(r.out).toEqual([
      [0, 100, 100],
      [2, 100, 100],
    ]);
    expect(r.skipped).toEqual({ gap: 0, reset: 1, inconsistent: 0 });
  });

  it('leaves the minutes around a scrape gap missing: a minute needs both samples', () => {
    const r = run('good', true, [0, 10, undefined, 30, 40], [0, 10, undefined, 30, 40], 4);
    expect(r.out).toEqual([
      [0, 10, 10],
      [3, 10, 10],
    ]);
    expect(r.skipped).toEqual({ gap: 2, reset: 0, inconsistent: 0 });
  });

  it('counts a minute without traffic as data with no events, not as missing', () => {
    expect(run('good', true, [5, 5], [5, 5], 1).out).toEqual([[0, 0, 0]]);
  });

  it('refuses a minute with more good than total events', () => {
    const r = run('good', true, [0, 20], [0, 10], 1);
    expect([r.out, r.skipped.inconsistent]).toEqual([[], 1]);
  });
});

describe('per-minute counts from per-minute gauges (counter: false)', () => {
  it('gives minute [t − 1m, t) the value at t', () => {
    expect(run('good', false, [undefined, 9, 10], [undefined, 10, 10], 2).out).toEqual([
      [0, 9, 10],
      [1, 10, 10],
    ]);
  });

  it('leaves a minute without a sample missing and a negative count inconsistent', () => {
    const r = run('good', false, [undefined, 9, undefined, -1], [undefined, 10, 10, 10], 3);
    expect(r.out).toEqual([[0, 9, 10]]);
    expect(r.skipped).toEqual({ gap: 1, reset: 0, inconsistent: 1 });
  });

  it('forgives float noise of good over total within 1e-9 and keeps good ≤ total', () => {
    const r = run('good', false, [undefined, 100.00000000001], [undefined, 100], 1);
    expect(r.out).toEqual([[0, 100, 100]]);
  });
});

describe('per-minute values of a threshold SLI', () => {
  it('gives the minute [t − 1m, t) the sample at t, and counts a minute without one as a gap', () => {
    const skipped = noneSkipped();
    // Samples at 1m (minute 0), 2m (minute 1), none at 3m (NaN dropped), 4m (minute 3).
    const samples = series([undefined, 0.21, 0.45, undefined, 0.3]);
    expect(minuteValues(samples, 0, 4 * M, skipped)).toEqual([
      { start: 0, value: 0.21 },
      { start: M, value: 0.45 },
      { start: 3 * M, value: 0.3 },
    ]);
    expect(skipped).toEqual({ gap: 1, reset: 0, inconsistent: 0 });
  });
});
