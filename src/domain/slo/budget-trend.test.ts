import { describe, expect, it } from 'vitest';
import { budgetTrend } from './budget-trend';
import { DAY_MS } from './duration';
import { forecastAtSprintEnd } from './sprint-forecast';

const AT = Date.UTC(2026, 10, 20, 12);
const PERIOD = 28 * DAY_MS;

describe('budget trend', () => {
  it('is burning at a positive rate, spent when the linear burn reaches 0', () => {
    // 30% left at rate 3.2: 0.3 × 28 d / 3.2 = 2.625 days.
    expect(budgetTrend({ budgetRemaining: 0.3, period: PERIOD, burnRate: 3.2, at: AT })).toEqual({
      kind: 'burning',
      burnRate: 3.2,
      spentAt: AT + 2.625 * DAY_MS,
      tooFast: true,
    });
    expect(
      budgetTrend({ budgetRemaining: 0.9, period: PERIOD, burnRate: 0.5, at: AT }),
    ).toMatchObject({ kind: 'burning', tooFast: false, spentAt: AT + 50.4 * DAY_MS });
  });

  it.each([
    [
      { budgetRemaining: 0.91, burnRate: 0 },
      { kind: 'steady', burnRate: 0 },
    ],
    [{ budgetRemaining: -1.36, burnRate: 22 }, { kind: 'spent' }],
    [{ budgetRemaining: 0, burnRate: 1 }, { kind: 'spent' }],
    [{ budgetRemaining: 0.5, burnRate: null }, { kind: 'no-data' }],
    [{ budgetRemaining: null, burnRate: 1 }, { kind: 'no-data' }],
  ] as const)('reads %o as %o', (input, trend) => {
    expect(budgetTrend({ ...input, period: PERIOD, at: AT })).toEqual(trend);
  });

  // The card's two tiles agree: "spent by" falls before the sprint's end exactly when the
  // forecast at the sprint's end is below 0, and "not burning" exactly when the forecast equals now.
  it.each([
    [0.3, 3.2, 9],
    [0.3, 3.2, 2],
    [0.91, 0, 9],
    [0.6, 0.4, 20],
    [0.05, 12, 1],
  ])(
    'agrees with the sprint-end forecast (left %s, rate %s, sprint ends in %s days)',
    (left, rate, days) => {
      const endsAt = AT + days * DAY_MS;
      const trend = budgetTrend({ budgetRemaining: left, period: PERIOD, burnRate: rate, at: AT });
      const forecast = forecastAtSprintEnd({
        budgetRemaining: left,
        period: PERIOD,
        burnRate: rate,
        at: AT,
        periodEnd: null,
        sprint: { name: 'S', endsAt },
      });
      if (forecast.budgetRemaining === null) throw new Error('no forecast');
      if (trend.kind === 'burning') {
        expect(forecast.budgetRemaining).toBeLessThan(left);
        expect(trend.spentAt < endsAt).toBe(forecast.budgetRemaining < 0);
      } else {
        expect(trend.kind).toBe('steady');
        expect(forecast.budgetRemaining).toBe(left);
      }
    },
  );
});
