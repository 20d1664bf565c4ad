/**
 * The policy reads the SLO's alert table with strict ">" (SRE Workbook "Alerting on SLOs" section 6,
 * Sloth, Pyrra): a burn of exactly the factor does not make an SLO AT_RISK, and the 1d/2h ticket
 * (Sloth's row, not in the Workbook's table 5-8) fires only with Sloth's table.
 */
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../slo/duration';
import { computeSloStatus, sliSeriesFor } from '../slo/status';
import { T0, minutes, sloSpec } from '../slo/testing/generators';
import type { SloSpec } from '../slo/spec';
import { policyInputAt } from './replay';

const AT = T0 + 30 * DAY_MS;
const DAY_MINUTES = 24 * 60;

/**
 * A 30-day window: 29 days of `earlierTotal` requests a minute without errors, then a day burning
 * at `burn`× on 10,000 a minute (the budget stays far from spent, so the alerts decide).
 */
function lastDayBurning(burn: number, earlierTotal: number) {
  return minutes(T0, 30 * DAY_MINUTES, (i) => {
    if (i < 29 * DAY_MINUTES) return { good: earlierTotal, total: earlierTotal };
    const bad = burn * 0.001 * 10_000;
    return { good: 10_000 - bad, total: 10_000 };
  });
}

const firing = (spec: SloSpec, burn: number, earlierTotal: number) => {
  const series = sliSeriesFor(spec, lastDayBurning(burn, earlierTotal));
  const status = computeSloStatus(spec, series, AT);
  return {
    alerts: status.alerts.filter((a) => a.firing).map((a) => `${a.severity} ${a.longWindow}`),
    policy: policyInputAt(spec, series, AT).firingAlerts,
  };
};

describe('alert tables in the policy', () => {
  const sloth = sloSpec();
  const workbook = sloSpec({ alertTable: 'workbook' });

  it('a day burning at exactly 3× (the 1d factor), three days at exactly 1× (the 3d factor), fire nothing', () => {
    expect(firing(sloth, 3, 10_000)).toEqual({ alerts: [], policy: [] });
  });

  it('a day burning at 3.3× fires both tickets with Sloth’s table and the 3d ticket with the Workbook’s', () => {
    expect([firing(sloth, 3.3, 10_000), firing(workbook, 3.3, 10_000)]).toEqual([
      { alerts: ['ticket 1d', 'ticket 3d'], policy: ['ticket'] },
      { alerts: ['ticket 3d'], policy: ['ticket'] },
    ]);
  });

  it('a day at 4× after two busy days fires Sloth’s 1d ticket only; the Workbook’s table has no such row', () => {
    expect([firing(sloth, 4, 40_000), firing(workbook, 4, 40_000)]).toEqual([
      { alerts: ['ticket 1d'], policy: ['ticket'] },
      { alerts: [], policy: [] },
    ]);
  });
});
