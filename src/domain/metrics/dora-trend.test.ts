import { describe, expect, it } from 'vitest';
import { doraTrend, fourWeekWindows } from './dora-trend';
import { aChange, aDeployment, anIncident } from './testing/generators';

// Two sprint-like windows of two weeks each, both starting on a Monday (2 complete ISO weeks).
const windows = [
  { id: 'S1', label: 'Sprint 1', from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' },
  { id: 'S2', label: 'Sprint 2', from: '2026-03-16T00:00:00Z', to: '2026-03-30T00:00:00Z' },
];
const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 2, d, hour)).toISOString();

/** Sprint 1: every working day (10 deployments); sprint 2: Mondays and Tuesdays, one rolled back. */
const deployments = [
  ...[2, 3, 4, 5, 6, 9, 10, 11, 12, 13].map((d) =>
    aDeployment({ id: `A${d}`, deployedAt: day(d), issueKeys: [`BAL-${d}`] }),
  ),
  ...[16, 17, 23, 24].map((d) =>
    aDeployment({
      id: `B${d}`,
      status: d === 24 ? 'rolled_back' : 'success',
      deployedAt: day(d),
      issueKeys: [`BAL-${d}`],
    }),
  ),
];
const changes = [2, 3, 4, 16, 17, 23].map(
  (d) => aChange({ issueKey: `BAL-${d}`, firstInProgressAt: day(d, 4) }), // 6 h before its deployment
);
const incidents = [
  // Starts in sprint 2 before its first deployment, so sprint 1's last one (A13) caused it.
  anIncident({ key: 'I1', startedAt: day(16, 5), resolvedAt: day(16, 6) }),
  anIncident({ key: 'I2', startedAt: day(17, 12), resolvedAt: day(17, 15) }),
];

describe('the DORA trend per window', () => {
  const [first, second] = doraTrend(windows, { deployments, changes, incidents });

  it('computes each key with the headline functions, over the window', () => {
    expect(first).toMatchObject({
      id: 'S1',
      deployments: 10,
      deploymentFrequency: { status: 'ok', value: 5, sampleSize: 2, band: 'elite' },
      changeFailureRate: { status: 'ok', value: 0.1, failedDeploymentIds: ['A13'], band: 'high' },
      leadTimeForChanges: { status: 'ok', value: 6, sampleSize: 3, band: 'elite' },
      timeToRestore: { status: 'not-enough-data' },
      incidents: 0,
      meanTimeBetweenReleases: { status: 'ok', value: 29.3333, releases: 10 },
    });
    expect(second).toMatchObject({
      id: 'S2',
      deployments: 4,
      deploymentFrequency: { status: 'ok', value: 2, band: 'high' },
      // Fewer than 5 deployments: no rate rather than a 25% or 50% step.
      changeFailureRate: { status: 'not-enough-data', reason: 'needs 5 deployments, has 4' },
      leadTimeForChanges: { status: 'ok', value: 6, sampleSize: 3 },
      timeToRestore: { status: 'ok', value: 1, sampleSize: 2, band: 'high' },
      incidents: 2,
      meanTimeBetweenReleases: { status: 'ok', value: 64, releases: 4 },
    });
  });

  it('has no lead time when no deployment lists the issues it shipped, instead of a Jira fallback', () => {
    const bare = deployments.map((d) => ({ ...d, issueKeys: [] }));
    const [row] = doraTrend(windows, { deployments: bare, changes, incidents });
    expect(row!.leadTimeForChanges).toEqual({
      status: 'not-enough-data',
      unit: 'hours',
      sampleSize: 0,
      minimumSampleSize: 3,
      reason: 'no deployment lists the Jira issues it shipped',
    });
  });
});

describe('4-week windows without a board', () => {
  it('cut the period back from its end, the oldest cut at its start', () => {
    expect(fourWeekWindows({ from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toEqual([
      {
        id: `w${Date.parse('2026-01-01T00:00:00Z')}`,
        label: '2026-01-01 – 2026-01-03',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-04T00:00:00.000Z',
      },
      {
        id: `w${Date.parse('2026-01-04T00:00:00Z')}`,
        label: '2026-01-04 – 2026-01-31',
        from: '2026-01-04T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
      },
      {
        id: `w${Date.parse('2026-02-01T00:00:00Z')}`,
        label: '2026-02-01 – 2026-02-28',
        from: '2026-02-01T00:00:00.000Z',
        to: '2026-03-01T00:00:00.000Z',
      },
    ]);
  });

  it('are none for a period that is not a range', () => {
    expect(fourWeekWindows({ from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toEqual(
      [],
    );
  });
});
