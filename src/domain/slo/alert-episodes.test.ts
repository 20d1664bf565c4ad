import { describe, expect, it } from 'vitest';
import { alertEpisodes } from './alert-episodes';
import { DAY_MS, MINUTE_MS } from './duration';
import { sliSeriesFor } from './status';
import { T0, minutes, sloSpec } from './testing/generators';

// A 99.9% SLO over 30 days, 100 events a minute. One incident of 60 minutes with 2 bad a minute
// (burn rate 2% ÷ 0.1% = 20) starting on day 29 at 12:00.
const spec = sloSpec();
const start = T0 + 29 * DAY_MS + 12 * 60 * MINUTE_MS;
const incidentMinute = (start - T0) / MINUTE_MS;
const series = sliSeriesFor(
  spec,
  minutes(T0, 30 * 1440, (i) =>
    i >= incidentMinute && i < incidentMinute + 60
      ? { good: 98, total: 100 }
      : { good: 100, total: 100 },
  ),
);

describe('alert episodes', () => {
  it('fires the 1h/5m page from the first step its 1h burn passes 14.4 until the 5m window is clean', () => {
    // The 1h burn rate k minutes in is 2k ÷ 6,000 ÷ 0.001 = k/3: above 14.4 from k = 44, so the
    // first 5-minute step is k = 45; at k = 65 the 5m window (60–65) holds no bad event.
    // The 6h page (k/18 ≤ 3.3 < 6) and both tickets (0.83 < 3, 0.28 < 1) never fire.
    const episodes = alertEpisodes(
      spec,
      series,
      start - 60 * MINUTE_MS,
      start + 3 * 60 * MINUTE_MS,
    );
    expect(episodes).toEqual([
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        from: new Date(start + 45 * MINUTE_MS).toISOString(),
        to: new Date(start + 65 * MINUTE_MS).toISOString(),
        ongoing: false,
      },
    ]);
  });

  it('cuts an episode still firing at the end of the span there, as ongoing', () => {
    const end = start + 50 * MINUTE_MS;
    expect(alertEpisodes(spec, series, start, end)).toEqual([
      expect.objectContaining({
        from: new Date(start + 45 * MINUTE_MS).toISOString(),
        to: new Date(end).toISOString(),
        ongoing: true,
      }),
    ]);
  });

  it('finds nothing where nothing burns, and refuses a step that is not positive', () => {
    expect(alertEpisodes(spec, series, T0 + 10 * DAY_MS, T0 + 11 * DAY_MS)).toEqual([]);
    expect(() => alertEpisodes(spec, series, start, start + 1, 0)).toThrow(/positive/);
  });
});
