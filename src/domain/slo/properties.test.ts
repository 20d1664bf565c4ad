/** Properties that hold for any SLI data (fast-check; float tolerance 1e-9 absolute). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetBurndown } from './burndown';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';
import { computeSloStatus, sliSeriesFor } from './status';
import { T0, sloSpec } from './testing/generators';
import type { SliInterval } from './sli-interval';

const spec = sloSpec({ window: { kind: 'rolling', days: 1 }, target: 0.99 });
const minuteData = fc
  .array(
    fc.option(
      fc.record({
        total: fc.integer({ min: 0, max: 100 }),
        badShare: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    ),
    {
      minLength: 1,
      maxLength: 1440,
    },
  )
  .map((cells) =>
    cells.flatMap((c, i): SliInterval[] =>
      c === null
        ? []
        : [
            {
              start: T0 + i * MINUTE_MS,
              end: T0 + (i + 1) * MINUTE_MS,
              good: c.total - Math.floor(c.total * c.badShare),
              total: c.total,
            },
          ],
    ),
  );

describe('SLO status properties', () => {
  it('budget remaining is 1 − the whole-window burn rate, or both are null', () => {
    fc.assert(
      fc.property(minuteData, fc.integer({ min: 0, max: 1440 }), (data, minute) => {
        const status = computeSloStatus(spec, sliSeriesFor(spec, data), T0 + minute * MINUTE_MS);
        if (status.budgetRemaining === null) expect(status.burnRates.window).toBeNull();
        else
          expect(Math.abs(status.budgetRemaining - (1 - status.burnRates.window!))).toBeLessThan(
            1e-9,
          );
      }),
      { numRuns: 50 },
    );
  });

  it('the burn-down ends at the budget remaining and never rises', () => {
    fc.assert(
      fc.property(minuteData, (data) => {
        const at = T0 + DAY_MS;
        const series = sliSeriesFor(spec, data);
        const points = budgetBurndown(spec, series, at, HOUR_MS);
        const remaining = computeSloStatus(spec, series, at).budgetRemaining;
        const last = points[points.length - 1]!.budgetRemaining;
        if (remaining === null) expect(last).toBeNull();
        else expect(Math.abs(last! - remaining)).toBeLessThan(1e-9);
        points.slice(1).forEach((p, i) => {
          if (p.budgetRemaining !== null)
            expect(p.budgetRemaining).toBeLessThanOrEqual(points[i]!.budgetRemaining! + 1e-9);
        });
      }),
      { numRuns: 50 },
    );
  });
});
