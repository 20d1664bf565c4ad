import { describe, expect, it } from 'vitest';
import { projectMetrics } from './project-metrics';
import {
  aChange,
  aDeployment,
  anAction,
  anIncident,
  anItem,
  aProjectHistory,
  aSprint,
} from './testing/generators';

describe('all project metrics in one call', () => {
  it('computes each metric from the same records as the single functions', () => {
    const result = projectMetrics({
      sprints: [aSprint({ id: 'S1' }), aSprint({ id: 'S2', state: 'active', completedAt: null })],
      items: [
        anItem({ points: 8 }),
        anItem({ points: 2, completed: false }),
        anItem({ sprintId: 'S2', workType: 'toil' }),
      ],
      deployments: [aDeployment()],
      changes: [aChange()],
      incidents: [anIncident()],
      postmortemActions: [anAction()],
      actionSlaDays: 56,
      period: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
      now: '2026-03-31T00:00:00Z',
    });
    expect(
      result.sprints.map((s) => [s.sprintId, s.predictability.status, s.carryOver.status]),
    ).toEqual([
      ['S1', 'ok', 'ok'],
      ['S2', 'not-enough-data', 'not-enough-data'],
    ]);
    expect(result.sprints[0]?.predictability).toMatchObject({ value: 0.8 });
    expect(result.velocity).toMatchObject({ value: 8, sampleSize: 1 });
    expect(result.toilShare).toMatchObject({ value: 0.2727 });
    expect(result.dora.deploymentFrequency).toMatchObject({ value: 0, band: 'medium' });
    expect(result.dora.changeFailureRate.status).toBe('not-enough-data');
    expect(result.incidents.mttr).toMatchObject({ value: 2 });
  });

  it('is deterministic on a large generated history', () => {
    const history = aProjectHistory({ sprints: 5, issues: 500 });
    const input = {
      ...history,
      postmortemActions: history.actions,
      actionSlaDays: 56,
      period: { from: history.from, to: history.to },
      now: history.to,
    };
    expect(projectMetrics(input)).toEqual(projectMetrics(input));
  });
});
