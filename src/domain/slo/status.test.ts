import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';
import { computeSloStatus, sliSeriesFor } from './status';
import { T0, minutes, sloSpec } from './testing/generators';
import type { SloSpec } from './spec';

const at = T0 + 28 * DAY_MS;
const spec28 = sloSpec({ window: { kind: 'rolling', days: 28 } });
const n = 28 * 24 * 60;
const statusOf = (
  spec: SloSpec,
  data: ReturnType<typeof minutes>,
  when = at,
  forecastAt?: number,
) =>
  computeSloStatus(
    spec,
    sliSeriesFor(spec, data),
    when,
    forecastAt === undefined ? {} : { forecastAt },
  );

describe('SLO status (Occurrences)', () => {
  // 1,000 events a minute over 28 days; 10 bad a minute during the last 6 hours (burn rate 10).
  const data = minutes(T0, n, (i) => ({ good: i >= n - 360 ? 990 : 1000, total: 1000 }));
  const status = statusOf(spec28, data, at, at + 7 * DAY_MS);

  it.each([
    ['totalEvents', 40_320_000],
    ['badEvents', 3600],
    ['allowedBadEvents', 40_320],
    ['budgetRemaining', 1 - 3600 / 40_320],
    ['sli', 1 - 3600 / 40_320_000],
    ['budgetMinutes', 40.32],
    ['dataCoverage', 1],
  ] as const)('reports %s as %d (to 1e-9)', (key, expected) => {
    expect(status[key]).toBeCloseTo(expected, 9);
  });

  it.each([
    ['5m', 10],
    ['1h', 10],
    ['6h', 10],
    ['1d', 2.5],
    ['3d', 10 / 12],
    ['window', 3600 / 40_320],
  ] as const)('reports the %s burn rate as %d', (key, expected) => {
    expect(status.burnRates[key]).toBeCloseTo(expected, 9);
  });

  it('fires the pages (factors 13.44 and 5.6 for 28 days) and the 1d ticket, not the 3d ticket', () => {
    expect(status.alerts.map((a) => [a.factor.toFixed(4), a.firing])).toEqual([
      ['13.4400', false],
      ['5.6000', true],
      ['2.8000', false],
      ['0.9333', false],
    ]);
  });

  it('does not fire an alert whose long window burns but whose short window does not', () => {
    // Burn 20× for 50 minutes, then nothing for the last 10: 1h burn 16.7, 5m burn 0.
    const recovered = minutes(T0, n, (i) => ({
      good: i >= n - 60 && i < n - 10 ? 980 : 1000,
      total: 1000,
    }));
    const page = statusOf(spec28, recovered).alerts[0]!;
    expect([page.longBurnRate! > page.factor, page.shortBurnRate, page.firing]).toEqual([
      true,
      0,
      false,
    ]);
  });

  it('exhausts the remaining budget at the 1h burn rate: remaining × 28 days / 10', () => {
    const expected = ((1 - 3600 / 40_320) * 28 * DAY_MS) / 10 / 1000;
    expect(status.exhaustsInSeconds).toBeCloseTo(expected, 6);
    expect(status.exhaustionWindow).toBe('1h');
  });

  it('forecasts the budget a week ahead at the current burn rate: remaining − 10 × 7/28', () => {
    expect(status.forecast?.at).toBe('2026-02-05T00:00:00.000Z');
    expect(status.forecast?.budgetRemaining).toBeCloseTo(1 - 3600 / 40_320 - 2.5, 9);
  });

  it('reports a spent budget as below zero and exhausted now', () => {
    const spent = statusOf(
      spec28,
      minutes(T0, n, (i) => ({ good: i >= n - 1440 ? 900 : 1000, total: 1000 })),
    );
    expect(spent.budgetRemaining).toBeCloseTo(1 - 144_000 / 40_320, 9);
    expect(spent.exhaustsInSeconds).toBe(0);
  });

  it('reports a spent budget as exhausted even when nothing burns now', () => {
    const spentEarlier = statusOf(
      spec28,
      minutes(T0, n, (i) => ({ good: i < 1440 ? 900 : 1000, total: 1000 })),
    );
    expect([spentEarlier.burnRates['1h'], spentEarlier.exhaustsInSeconds]).toEqual([0, 0]);
  });

  it('reports null figures, not zeros, for a window without events', () => {
    const empty = statusOf(spec28, []);
    expect([
      empty.sli,
      empty.budgetRemaining,
      empty.burnRates['5m'],
      empty.burnRates.window,
      empty.exhaustsInSeconds,
    ]).toEqual([null, null, null, null, null]);
    expect(empty.alerts.every((a) => !a.firing)).toBe(true);
  });

  it('is not burning when the last hour had no errors: no time to exhaustion', () => {
    const calm = statusOf(
      spec28,
      minutes(T0, n, () => ({ good: 1000, total: 1000 })),
    );
    expect([calm.budgetRemaining, calm.burnRates['1h'], calm.exhaustsInSeconds]).toEqual([
      1,
      0,
      null,
    ]);
  });

  it('is plain JSON: serialising and parsing gives the same object', () => {
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });
});

describe('SLO status (Timeslices)', () => {
  it('counts good minutes over minutes with data, and burns in minutes', () => {
    const spec = sloSpec({ target: 0.99, budgeting: { method: 'Timeslices', sliceTarget: 0.95 } });
    const at30 = T0 + 30 * DAY_MS;
    // 100 minutes below the slice target, a day missing entirely.
    const data = minutes(T0, 30 * 1440, (i) =>
      i < 1440 ? null : i >= 30 * 1440 - 100 ? { good: 90, total: 100 } : { good: 99, total: 100 },
    );
    const status = statusOf(spec, data, at30);
    expect([status.budget.unit, status.budget.consumed]).toEqual(['minutes', 100]);
    expect(status.budget.allowed).toBeCloseTo(0.01 * 29 * 1440, 9);
    expect(status.budgetRemaining).toBeCloseTo(1 - 100 / (0.01 * 29 * 1440), 9);
    expect(status.sli).toBeCloseTo(1 - 100 / (29 * 1440), 12);
    expect(status.burnRates['1h']).toBeCloseTo(100, 9);
    expect(status.dataCoverage).toBeCloseTo(29 / 30, 12);
  });
});

describe('SLO status (calendar windows)', () => {
  it.each([
    [
      'a month in UTC',
      'month',
      'UTC',
      Date.UTC(2026, 2, 10, 12),
      '2026-03-01T00:00:00.000Z',
      '31d',
    ],
    [
      'a month in Berlin',
      'month',
      'Europe/Berlin',
      Date.UTC(2026, 2, 10, 12),
      '2026-02-28T23:00:00.000Z',
      '743h',
    ],
    [
      'a quarter in New York',
      'quarter',
      'America/New_York',
      Date.UTC(2026, 4, 1),
      '2026-04-01T04:00:00.000Z',
      '91d',
    ],
  ] as const)(
    'starts %s at the period start in that zone',
    (_, unit, timeZone, when, windowStart, period) => {
      const spec = sloSpec({
        window: { kind: 'calendar', unit, timeZone, startTime: '2026-01-01 00:00:00' },
      });
      const status = statusOf(spec, [], when);
      expect([status.windowStart, status.period, status.window]).toEqual([
        windowStart,
        period,
        unit,
      ]);
    },
  );

  it('budgets only the events since the period started', () => {
    const spec = sloSpec({
      window: {
        kind: 'calendar',
        unit: 'month',
        timeZone: 'UTC',
        startTime: '2026-01-01 00:00:00',
      },
    });
    const when = Date.UTC(2026, 1, 1, 1);
    const data = minutes(when - 2 * HOUR_MS, 120, (i) => ({ good: i < 60 ? 0 : 999, total: 1000 }));
    const status = statusOf(spec, data, when);
    expect([status.totalEvents, status.badEvents]).toEqual([60_000, 60]);
    expect(status.budgetRemaining).toBeCloseTo(0, 12);
    expect(status.burnRates['2h']).toBeCloseTo((60_000 + 60) / 120_000 / 0.001, 9);
    expect(status.dataCoverage).toBe(1);
    expect(MINUTE_MS).toBe(60_000);
  });
});
