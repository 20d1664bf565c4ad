import { describe, expect, it } from 'vitest';
import { changeFailureRate } from './change-failure-rate';
import { aDeployment, anIncident } from './testing/generators';

const deployments = [
  aDeployment({ id: 'C1', service: 'checkout', deployedAt: '2026-03-01T10:00:00Z' }),
  aDeployment({ id: 'C2', service: 'checkout', deployedAt: '2026-03-03T10:00:00Z' }),
  aDeployment({ id: 'C3', service: 'checkout', deployedAt: '2026-03-05T10:00:00Z' }),
  aDeployment({ id: 'S1', service: 'search', deployedAt: '2026-03-02T10:00:00Z' }),
  aDeployment({ id: 'S2', service: 'search', deployedAt: '2026-03-04T10:00:00Z' }),
];

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
      unattributedIncidents: 3,
      band: 'low',
    });
  });

  it.each([
    ['no incidents is 0 (elite)', 20, 0, 0, 'elite'],
    ['1 failed of 20 is 5% (elite)', 20, 1, 0.05, 'elite'],
    ['2 failed of 20 is 10% (high)', 20, 2, 0.1, 'high'],
    ['3 failed of 20 is 15% (medium)', 20, 3, 0.15, 'medium'],
    ['4 failed of 20 is 20% (low)', 20, 4, 0.2, 'low'],
  ])('%s', (_name, count, failures, value, band) => {
    const daily = Array.from({ length: count }, (_, i) =>
      aDeployment({
        id: `D${i}`,
        deployedAt: new Date(Date.UTC(2026, 2, 1 + i, 10)).toISOString(),
      }),
    );
    const incidents = Array.from({ length: failures }, (_, i) =>
      anIncident({ key: `I${i}`, startedAt: new Date(Date.UTC(2026, 2, 1 + i, 11)).toISOString() }),
    );
    expect(changeFailureRate(daily, incidents)).toMatchObject({ value, band, sampleSize: count });
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
