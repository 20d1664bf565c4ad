import { describe, expect, it } from 'vitest';
import { meanTimeBetweenReleases } from './time-between-releases';
import { aDeployment } from './testing/generators';

describe('mean time between releases', () => {
  it('is (last − first) ÷ (releases − 1) over the deployments that reached production', () => {
    const deployments = [
      aDeployment({ id: 'A', deployedAt: '2026-03-02T10:00:00Z' }),
      aDeployment({ id: 'B', service: 'search', deployedAt: '2026-03-02T16:00:00Z' }),
      aDeployment({ id: 'C', status: 'rolled_back', deployedAt: '2026-03-04T10:00:00Z' }),
      aDeployment({ id: 'F', status: 'failed', deployedAt: '2026-03-09T10:00:00Z' }),
      aDeployment({ id: 'D', deployedAt: '2026-03-05T10:00:00Z' }),
    ];
    // A → D is 72 h over 3 gaps (F never reached production).
    expect(meanTimeBetweenReleases(deployments)).toEqual({
      status: 'ok',
      value: 24,
      unit: 'hours',
      sampleSize: 4,
      releases: 4,
    });
  });

  it.each([
    ['no releases', [], 0],
    ['one release and a failure', [aDeployment(), aDeployment({ id: 'F', status: 'failed' })], 1],
  ])('needs two releases: %s', (_name, deployments, sampleSize) => {
    expect(meanTimeBetweenReleases(deployments)).toEqual({
      status: 'not-enough-data',
      unit: 'hours',
      sampleSize,
      minimumSampleSize: 2,
      reason: `needs 2 releases, has ${sampleSize}`,
    });
  });
});
