/**
 * Test vectors from the SRE Workbook ("Implementing SLOs" and "Alerting on SLOs", tables 5-4 and
 * 5-8) and Sloth's `internal/alert/windows/google-30d.yaml`.
 * Float tolerance: 1e-9 absolute unless stated.
 */
import { describe, expect, it } from 'vitest';
import { SLOTH_ALERT_RULES, WORKBOOK_ALERT_RULES, alertFactor } from './alert-table';
import { budgetMinutes } from './budget';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';
import { timeToExhaustion } from './exhaustion';
import { computeSloStatus, sliSeriesFor } from './status';
import { T0, minutes, sloSpec } from './testing/generators';

describe('SRE Workbook test vectors', () => {
  it('99.9% over 30 days allows 43.2 minutes of budget', () => {
    expect(budgetMinutes(0.999, 30 * DAY_MS)).toBeCloseTo(43.2, 9);
  });

  it.each([
    [1, 30 * DAY_MS, '30 days'],
    [2, 15 * DAY_MS, '15 days'],
    [10, 3 * DAY_MS, '3 days'],
    [1000, 43.2 * MINUTE_MS, '43.2 minutes'],
  ])('burn rate %d exhausts a full 30-day budget in %d ms (%s)', (rate, ms) => {
    expect(timeToExhaustion(1, 30 * DAY_MS, rate)).toBeCloseTo(ms, 3);
  });

  it('burning at 14.4× for 1 hour uses 2% of a 30-day budget', () => {
    expect((14.4 * HOUR_MS) / (30 * DAY_MS)).toBeCloseTo(0.02, 12);
  });

  // 10,000 requests a minute; the last 60 minutes have `bad` bad requests a minute, all others none.
  const lastHourBurning = (bad: number) => {
    const n = 30 * 24 * 60;
    const data = minutes(T0, n, (i) =>
      i >= n - 60 ? { good: 10_000 - bad, total: 10_000 } : { good: 10_000, total: 10_000 },
    );
    return computeSloStatus(sloSpec(), sliSeriesFor(sloSpec(), data), T0 + 30 * DAY_MS);
  };

  it('data burning at exactly 14.4× for the last hour of a 30-day window spends 2% of its budget and does not page (the rule is burn rate > 14.4)', () => {
    // 144 bad a minute: error ratio 0.0144 = 14.4 × 0.001.
    const status = lastHourBurning(144);
    expect(status.burnRates['1h']).toBeCloseTo(14.4, 9);
    expect(status.budgetRemaining).toBeCloseTo(0.98, 9);
    expect(status.alerts.map((a) => [a.severity, a.longWindow, a.firing])).toEqual([
      ['page', '1h', false],
      ['page', '6h', false],
      ['ticket', '1d', false],
      ['ticket', '3d', false],
    ]);
  });

  it('data burning at 14.5× for the last hour pages', () => {
    const status = lastHourBurning(145);
    expect(status.burnRates['1h']).toBeCloseTo(14.5, 9);
    expect(status.alerts.map((a) => [a.severity, a.longWindow, a.firing])).toEqual([
      ['page', '1h', true],
      ['page', '6h', false],
      ['ticket', '1d', false],
      ['ticket', '3d', false],
    ]);
  });

  it.each([
    ['Sloth (Ballast default)', SLOTH_ALERT_RULES, 30, [14.4, 6, 3, 1]],
    ['Sloth (Ballast default)', SLOTH_ALERT_RULES, 28, [13.44, 5.6, 2.8, 0.9333333333333333]],
    ['SRE Workbook table 5-8', WORKBOOK_ALERT_RULES, 30, [14.4, 6, 1]],
    ['SRE Workbook table 5-8', WORKBOOK_ALERT_RULES, 28, [13.44, 5.6, 0.9333333333333333]],
  ])('the %s alert factors for a %d-day window are %j', (_, rules, days, factors) => {
    expect(rules.map((rule) => alertFactor(rule, days * DAY_MS))).toHaveLength(factors.length);
    rules.forEach((rule, i) => {
      expect(alertFactor(rule, days * DAY_MS)).toBeCloseTo(factors[i]!, 12);
    });
  });

  it('the Workbook table has its three rows: page 1h/5m and 6h/30m, ticket 3d/6h', () => {
    expect(
      WORKBOOK_ALERT_RULES.map((r) => [
        r.severity,
        r.budgetConsumed,
        r.longWindow / HOUR_MS,
        r.shortWindow / MINUTE_MS,
      ]),
    ).toEqual([
      ['page', 0.02, 1, 5],
      ['page', 0.05, 6, 30],
      ['ticket', 0.1, 72, 360],
    ]);
  });
});
