import { describe, expect, it } from 'vitest';
import { DAY_MS } from './duration';
import { forecastAtSprintEnd, type SprintForecastInput } from './sprint-forecast';
import { T0 } from './testing/generators';

const base: SprintForecastInput = {
  budgetRemaining: 0.5,
  period: 28 * DAY_MS,
  burnRate: 2,
  at: T0,
  periodEnd: null,
  sprint: { name: 'SHOP Sprint 10', endsAt: T0 + 7 * DAY_MS },
};

describe('budget forecast at the end of the sprint', () => {
  it('drains burn rate × time left ÷ period', () => {
    // 2 × 7d / 28d = 0.5 of the budget: exactly spent when the sprint ends.
    expect(forecastAtSprintEnd(base)).toEqual({ budgetRemaining: 0, burnRate: 2, reason: null });
    expect(
      forecastAtSprintEnd({
        ...base,
        burnRate: 0.5,
        sprint: { name: 'S', endsAt: T0 + 14 * DAY_MS },
      }),
    ).toEqual({ budgetRemaining: 0.25, burnRate: 0.5, reason: null });
  });

  it('goes below zero when the budget will be overspent', () => {
    expect(forecastAtSprintEnd({ ...base, burnRate: 4 }).budgetRemaining).toBe(-0.5);
  });

  it('keeps the budget when nothing burns', () => {
    expect(forecastAtSprintEnd({ ...base, burnRate: 0 }).budgetRemaining).toBe(0.5);
  });

  it('says why there is no forecast', () => {
    expect(forecastAtSprintEnd({ ...base, sprint: { reason: 'No active sprint.' } })).toEqual({
      budgetRemaining: null,
      burnRate: 2,
      reason: 'No active sprint.',
    });
    expect(forecastAtSprintEnd({ ...base, budgetRemaining: null }).reason).toBe(
      'No SLI data in the window yet.',
    );
    expect(forecastAtSprintEnd({ ...base, burnRate: null }).reason).toBe(
      'No SLI data in the last 3d to measure the burn rate.',
    );
    expect(forecastAtSprintEnd({ ...base, sprint: { name: 'S', endsAt: T0 } }).reason).toBe(
      'S was due to end already; no forecast past its end date.',
    );
    expect(forecastAtSprintEnd({ ...base, periodEnd: T0 + DAY_MS }).reason).toBe(
      'The budget period ends before SHOP Sprint 10 does, and a new budget starts then.',
    );
  });
});
