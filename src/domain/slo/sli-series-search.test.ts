/**
 * The window search of sli-series.ts (interpolation guess, galloping, bisection; issue #25) must cut
 * any series where plain bisection would: uniform minutes, long gaps, one interval, windows before,
 * inside and after the data. Checked against a direct sum over the intervals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './duration';
import { buildSliSeries, sumsOver, type SliInterval } from './sli-series';
import { T0 } from './testing/generators';

/** Events of [from, to) summed interval by interval, pro rata at the edges. */
function directTotal(intervals: readonly SliInterval[], from: number, to: number): number {
  let sum = 0;
  for (const iv of intervals) {
    const overlap = Math.min(iv.end, to) - Math.max(iv.start, from);
    if (overlap > 0) sum += (iv.total * overlap) / (iv.end - iv.start);
  }
  return sum;
}

const layout = fc.array(
  fc.record({
    gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })),
    length: fc.integer({ min: 1, max: 30 }),
    total: fc.integer({ min: 0, max: 1000 }),
  }),
  { minLength: 1, maxLength: 300 },
);

describe('the window search over a series', () => {
  it('sums every window as a direct sum does, whatever the gaps', () => {
    fc.assert(
      fc.property(
        layout,
        fc.integer({ min: -100, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (parts, fromMinute, span) => {
          let t = T0;
          const intervals = parts.map(({ gap, length, total }) => {
            const start = t + gap * MINUTE_MS;
            t = start + length * MINUTE_MS;
            return { start, end: t, good: total, total };
          });
          const from = T0 + fromMinute * MINUTE_MS;
          const to = from + span * MINUTE_MS;
          const series = buildSliSeries(intervals);
          expect(sumsOver(series, from, to).total).toBeCloseTo(directTotal(intervals, from, to), 6);
        },
      ),
      { numRuns: 500 },
    );
  });
});
