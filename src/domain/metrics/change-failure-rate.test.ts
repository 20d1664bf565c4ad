import { describe, expect, it } from 'vitest';
import { changeFailureRate } from './change-failure-rate';
import { attributeIncidents } from './incident-attribution';
import { aDeployment, anIncident } from './testing/generators';

const deployments = [
  aDeployment({ id: 'C1', service: 'checkout', deployedAt: '2026-03-01T10:00:00Z' }),
  aDeployment({ id: 'C2', service: 'checkout', deployedAt: '2026-03-03T10:00:00Z' }),
  aDeployment({ id: 'C3', service: 'checkout', deployedAt: '2026-03-05T10:00:00Z' }),
  aDeployment({ id: 'S1', service: 'search', deployedAt: '2026-03-02T10:00:00Z' }),
  aDeployment({ id: 'S2', service: 'search', deployedAt: '2026-03-04T10:00:00Z' }),
];

/** `count` daily deployments on 1, 2, 3… March, the first `failures` of them rolled back. */
const daily = (count: number, failures: number) =>
  Array.from({ length: count }, (_, i) =>
    aDeployment({
      id: `D${String(i).padStart(2, '0')}`,
      status: i < failures ? 'rolled_back' : 'success',
      deployedAt: new Date(Date.UTC(2026, 2, 1 + i, 10)).toISOString(),
    }),
  );

describe('change failure rate', () => {
  it('attributes each incident to the last deployment of its service at or before its start', () => {
    const incidents = [
      anIncident({ key: 'I1', service: 'checkout', startedAt: '2026-03-03T12:00:00Z' }), // C2
      anIncident({ key: 'I2', service: 'checkout', startedAt: '2026-03-04T15:00:00Z' }), // C2 again
      anIncident({ key: 'I3', service: 'search', startedAt: '2026-03-04T10:00:00Z' }), // S2, same instant
      anIncident({ key: 'I4', service: 'checkout', startedAt: '2026-03-01T09:00:00Z' }), // before any
      anIncident({ key: 'I5', service: null }),
      anIncident({ key: 'I6', service: 'billing' }),
    ];
    expect(changeFailureRate(deployments, incidents)).toEqual({
      status: 'ok',
      value: 0.4,
      unit: 'ratio',
      sampleSize: 5,
      failedDeployments: 2,
      failedDeploymentIds: ['C2', 'S2'],
      reportedFailures: 0,
      causedIncidents: 2,
      unattributedIncidents: 3,
      band: 'low',
    });
  });

  it('counts failed and rolled-back deployments as failures: 4 of 9 rolled back is 44.44% (low)', () => {
    expect(changeFailureRate(daily(9, 4), [])).toMatchObject({
      value: 0.4444,
      sampleSize: 9,
      failedDeployments: 4,
      reportedFailures: 4,
      causedIncidents: 0,
      band: 'low',
    });
    const failed = daily(9, 0).map((d, i) => (i === 8 ? { ...d, status: 'failed' as const } : d));
    expect(changeFailureRate(failed, [])).toMatchObject({ value: 0.1111, failedDeployments: 1 });
  });

  it('attributes by the incident’s deploymentId first, then by service', () => {
    const incidents = [
      // Started after C2, but the incident tool names C1 as the cause.
      anIncident({
        key: 'I1',
        service: 'checkout',
        deploymentId: 'C1',
        startedAt: '2026-03-04T12:00:00Z',
      }),
      // Names a deployment outside the sample: unattributed, not moved onto C3.
      anIncident({
        key: 'I2',
        service: 'checkout',
        deploymentId: 'old-7',
        startedAt: '2026-03-06T12:00:00Z',
      }),
      // No deploymentId: the service rule gives S2.
      anIncident({
        key: 'I3',
        service: 'search',
        deploymentId: null,
        startedAt: '2026-03-05T12:00:00Z',
      }),
    ];
    expect(changeFailureRate(deployments, incidents)).toMatchObject({
      value: 0.4,
      failedDeploymentIds: ['C1', 'S2'],
      unattributedIncidents: 1,
    });
  });

  it('never blames a failed deployment (it did not reach production) and counts a rolled-back one once', () => {
    const mixed = [
      aDeployment({ id: 'A', deployedAt: '2026-03-01T10:00:00Z' }),
      aDeployment({ id: 'B', status: 'failed', deployedAt: '2026-03-02T10:00:00Z' }),
      aDeployment({ id: 'C', status: 'rolled_back', deployedAt: '2026-03-03T10:00:00Z' }),
      aDeployment({ id: 'D', deployedAt: '2026-03-04T10:00:00Z' }),
      aDeployment({ id: 'E', deployedAt: '2026-03-05T10:00:00Z' }),
    ];
    const incidents = [
      anIncident({ key: 'I1', startedAt: '2026-03-02T12:00:00Z' }), // after B (failed): A
      anIncident({ key: 'I2', startedAt: '2026-03-03T11:00:00Z' }), // C, already a failure
    ];
    expect(changeFailureRate(mixed, incidents)).toMatchObject({
      value: 0.6,
      failedDeploymentIds: ['A', 'B', 'C'],
      reportedFailures: 2,
      causedIncidents: 1,
    });
  });

  // The DevLake 2023 boundaries (dora-bands.ts): ≤ 5% elite, ≤ 10% high, ≤ 15% medium.
  it.each([
    ['0 of 20 is 0% (elite)', 20, 0, 0, 'elite'],
    ['1 of 21 is 4.76% (elite, just below 5%)', 21, 1, 0.0476, 'elite'],
    ['1 of 20 is 5% (elite, at the boundary)', 20, 1, 0.05, 'elite'],
    ['1 of 19 is 5.26% (high, just above)', 19, 1, 0.0526, 'high'],
    ['2 of 21 is 9.52% (high)', 21, 2, 0.0952, 'high'],
    ['2 of 20 is 10% (high, at the boundary)', 20, 2, 0.1, 'high'],
    ['2 of 19 is 10.53% (medium, just above)', 19, 2, 0.1053, 'medium'],
    ['3 of 21 is 14.29% (medium)', 21, 3, 0.1429, 'medium'],
    ['3 of 20 is 15% (medium, at the boundary)', 20, 3, 0.15, 'medium'],
    ['3 of 19 is 15.79% (low, just above)', 19, 3, 0.1579, 'low'],
  ])('%s', (_name, count, failures, value, band) => {
    expect(changeFailureRate(daily(count, failures), [])).toMatchObject({
      value,
      band,
      sampleSize: count,
    });
  });

  it('rates a subset with incidents attributed over the whole history', () => {
    const all = daily(10, 0);
    const attribution = attributeIncidents(all, [
      anIncident({ key: 'I1', startedAt: '2026-03-10T11:00:00Z' }), // D09, in the second half
    ]);
    const firstHalf = changeFailureRate(all.slice(0, 5), [], { attribution });
    const secondHalf = changeFailureRate(all.slice(5), [], { attribution });
    expect([firstHalf, secondHalf]).toMatchObject([
      { value: 0, failedDeployments: 0 },
      { value: 0.2, failedDeploymentIds: ['D09'] },
    ]);
  });

  it.each([
    ['no deployments', [], 0],
    ['four deployments', deployments.slice(0, 4), 4],
    ['deployments with unreadable times', [aDeployment({ deployedAt: 'soon' })], 0],
  ])('has not enough data with %s', (_name, input, sampleSize) => {
    expect(changeFailureRate(input, [anIncident()])).toEqual({
      status: 'not-enough-data',
      unit: 'ratio',
      sampleSize,
      minimumSampleSize: 5,
      reason: `needs 5 deployments, has ${sampleSize}`,
    });
  });
});
