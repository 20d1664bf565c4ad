import { describe, expect, it } from 'vitest';
import { deploymentFrequency } from './deployment-frequency';
import { aDeployment } from './testing/generators';

// March 2026: Sunday 1st to Tuesday 31st. The period holds the complete weeks (7-day spans from
// its start) of 1–7, 8–14, 15–21 and 22–28 (29–31 is partial) and one complete 30-day month,
// 1–30 (the 31st is left over).
const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
const on = (...days: number[]) =>
  days.map((day, i) =>
    aDeployment({ id: `D${i}`, deployedAt: `2026-03-${String(day).padStart(2, '0')}T12:00:00Z` }),
  );

describe('deployment frequency (median deployment days per week)', () => {
  it('counts days, not deployments: weeks of 3, 1, 4 and 0 days give the lower median 1 (high)', () => {
    const deployments = [...on(2, 2, 3, 4, 10, 17, 18, 19, 20)];
    expect(deploymentFrequency(deployments, MARCH)).toEqual({
      status: 'ok',
      value: 1,
      unit: 'days-per-week',
      sampleSize: 4,
      medianDaysPerMonth: 8,
      deployments: 9,
      deploymentDays: 8,
      band: 'high',
    });
  });

  it.each([
    [
      'Monday to Wednesday every week is high (2023: elite needs 5 days)',
      on(2, 3, 4, 9, 10, 11, 16, 17, 18, 23, 24, 25),
      3,
      12,
      'high',
    ],
    [
      'Monday to Thursday every week is high, just below elite',
      on(2, 3, 4, 5, 9, 10, 11, 12, 16, 17, 18, 19, 23, 24, 25, 26),
      4,
      16,
      'high',
    ],
    [
      'every working day is elite, at the boundary',
      on(2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27),
      5,
      20,
      'elite',
    ],
    ['one deployment day in the month is medium', on(10), 0, 1, 'medium'],
    ['no deployments is low', [], 0, 0, 'low'],
    [
      'deployments outside the period or with a bad time are ignored',
      [
        aDeployment({ deployedAt: '2026-02-27T12:00:00Z' }),
        aDeployment({ deployedAt: 'soon' }),
        ...on(30),
      ],
      0,
      1,
      'medium',
    ],
    ['a deployment only in the left-over 31st is low', on(31), 0, 0, 'low'],
  ])('%s', (_name, deployments, value, medianDaysPerMonth, band) => {
    expect(deploymentFrequency(deployments, MARCH)).toMatchObject({
      value,
      medianDaysPerMonth,
      band,
    });
  });

  it('gives no band below 1 day per week when the period holds no complete month', () => {
    const period = { from: '2026-03-02T00:00:00Z', to: '2026-03-30T00:00:00Z' };
    expect(deploymentFrequency(on(10), period)).toMatchObject({
      status: 'ok',
      value: 0,
      sampleSize: 4,
      medianDaysPerMonth: null,
      band: null,
    });
  });

  it.each([
    [
      'a period of two complete weeks',
      { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' },
      2,
      'needs 4 complete weeks, has 2',
    ],
    [
      'a period that ends before it starts',
      { from: MARCH.to, to: MARCH.from },
      0,
      'the period is not a valid time range',
    ],
    [
      'a period with a bad date',
      { from: 'then', to: MARCH.to },
      0,
      'the period is not a valid time range',
    ],
  ])('has not enough data for %s', (_name, period, sampleSize, reason) => {
    expect(deploymentFrequency(on(2, 3), period)).toEqual({
      status: 'not-enough-data',
      unit: 'days-per-week',
      sampleSize,
      minimumSampleSize: 4,
      reason,
    });
  });

  it('counts rolled-back deployments (they reached production), never failed ones', () => {
    const deployments = [
      ...on(2, 9, 16, 23),
      aDeployment({ id: 'R', status: 'rolled_back', deployedAt: '2026-03-03T12:00:00Z' }),
      aDeployment({ id: 'F1', status: 'failed', deployedAt: '2026-03-10T12:00:00Z' }),
      aDeployment({ id: 'F2', status: 'failed', deployedAt: '2026-03-17T12:00:00Z' }),
    ];
    // Weeks of 2, 1, 1, 1 days: the lower median is 1.
    expect(deploymentFrequency(deployments, MARCH)).toMatchObject({
      value: 1,
      deployments: 5,
      deploymentDays: 5,
      band: 'high',
    });
  });

  it('gives the same figure whatever weekday the period starts on (weeks count from its start)', () => {
    // The same pattern — deployments on the 1st, 2nd and 8th day of the period — from a Sunday, a
    // Wednesday and a Saturday: weeks of 2 and 1 days, the lower median 1.
    for (const start of ['2026-03-01', '2026-03-04', '2026-03-07']) {
      const from = Date.parse(`${start}T09:00:00Z`);
      const at = (day: number) => new Date(from + day * 86_400_000 + 3_600_000).toISOString();
      const deployments = [0, 1, 7].map((day) =>
        aDeployment({ id: `D${day}`, deployedAt: at(day) }),
      );
      const period = {
        from: new Date(from).toISOString(),
        to: new Date(from + 14 * 86_400_000).toISOString(),
      };
      expect(deploymentFrequency(deployments, period, { minimumWeeks: 1 })).toMatchObject({
        value: 1,
        sampleSize: 2,
        deploymentDays: 3,
      });
    }
  });
});
