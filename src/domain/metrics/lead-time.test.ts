import { describe, expect, it } from 'vitest';
import { leadTimeForChanges } from './lead-time';
import { aChange, aDeployment } from './testing/generators';

const deployments = [
  aDeployment({ id: 'D1', deployedAt: '2026-03-10T00:00:00Z', issueKeys: ['A', 'B', 'F'] }),
  aDeployment({ id: 'D2', deployedAt: '2026-03-12T00:00:00Z', issueKeys: ['A', 'C', 'G'] }),
];
const changes = [
  // Start = the earlier of in-progress and commit: 03-08 12:00 → first deployment D1: 36 h.
  aChange({
    issueKey: 'A',
    firstInProgressAt: '2026-03-09T00:00:00Z',
    firstCommitAt: '2026-03-08T12:00:00Z',
  }),
  aChange({ issueKey: 'B', firstInProgressAt: '2026-03-09T18:00:00Z' }), // 6 h
  aChange({ issueKey: 'C', firstCommitAt: '2026-03-11T00:00:00Z' }), // 24 h
  aChange({ issueKey: 'D' }), // no start
  aChange({ issueKey: 'E', firstInProgressAt: '2026-03-11T00:00:00Z' }), // not deployed
  aChange({ issueKey: 'F', firstInProgressAt: '2026-03-11T00:00:00Z' }), // deployed before start
];

describe('lead time for changes', () => {
  it('is the median of first work → first deployment: [6, 24, 36] h gives 24 h (high)', () => {
    expect(leadTimeForChanges(changes, deployments)).toEqual({
      status: 'ok',
      value: 24,
      unit: 'hours',
      sampleSize: 3,
      basis: 'first-work-to-deployment',
      note: null,
      band: 'high',
      excluded: { noStart: 1, notFinished: 1, inconsistent: 1 },
    });
  });

  it('takes the lower middle value of an even count (DevLake): [6, 24, 36, 72] h gives 24 h', () => {
    const withG = [
      ...changes,
      aChange({ issueKey: 'G', firstInProgressAt: '2026-03-09T00:00:00Z' }),
    ];
    expect(leadTimeForChanges(withG, deployments)).toMatchObject({ value: 24, sampleSize: 4 });
  });

  it('falls back to created → resolved without deployment data, and says so', () => {
    const resolved = (key: string, hours: number) =>
      aChange({
        issueKey: key,
        createdAt: '2026-03-01T00:00:00Z',
        resolvedAt: new Date(Date.UTC(2026, 2, 1) + hours * 3_600_000).toISOString(),
      });
    const input = [
      resolved('A', 10),
      resolved('B', 20),
      resolved('C', 30),
      resolved('D', 40),
      aChange({ issueKey: 'E' }),
    ];
    expect(leadTimeForChanges(input, [])).toEqual({
      status: 'ok',
      value: 20, // [10, 20, 30, 40]: the lower middle value
      unit: 'hours',
      sampleSize: 4,
      basis: 'created-to-resolved',
      note: 'No deployment data: measured from issue created to resolved instead of first work to production.',
      // Not the DORA measurement, so no DORA band (20 h would read "elite").
      band: null,
      excluded: { noStart: 0, notFinished: 1, inconsistent: 0 },
    });
  });

  it.each([
    ['no changes', [], deployments, 0, 'needs 3 deployed issues, has 0'],
    ['two deployed changes', changes.slice(0, 2), deployments, 2, 'needs 3 deployed issues, has 2'],
    ['no deployments and nothing resolved', [aChange()], [], 0, 'needs 3 resolved issues, has 0'],
  ])('has not enough data with %s', (_name, input, deploys, sampleSize, reason) => {
    expect(leadTimeForChanges(input, deploys)).toEqual({
      status: 'not-enough-data',
      unit: 'hours',
      sampleSize,
      minimumSampleSize: 3,
      reason,
    });
  });
});
