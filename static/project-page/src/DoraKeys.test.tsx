import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeliveryData } from '../../../src/contract/project-page';
import { DoraKeys } from './DoraKeys';
import { dora, figure, snapshot } from './testing/snapshot';

// Dates are written in the viewer's time zone; the expected texts are UTC's.
process.env.TZ = 'UTC';

const withDeployments: DeliveryData['delivery'] = {
  ...snapshot().delivery,
  hasDeploymentData: true,
  deploymentFrequency: dora(5, 'days-per-week', 'elite'),
  changeFailureRate: { ...dora(0.0526, 'ratio', 'high'), sampleSize: 19 },
  meanTimeBetweenReleases: figure(17.4, 'hours'),
  deployments: {
    total: 19,
    failed: 0,
    rolledBack: 1,
    causedIncidents: 0,
    unattributedIncidents: 2,
  },
  period: { from: '2026-10-19T00:00:00Z', to: '2026-11-20T12:00:00Z' },
  trendBy: 'sprint',
  trend: [
    {
      id: '8',
      label: 'SHOP Sprint 8',
      from: '2026-11-01T09:00:00Z',
      to: '2026-11-15T08:00:00Z',
      deployments: 20,
      deploymentFrequency: dora(5, 'days-per-week', 'elite'),
      leadTime: dora(6, 'hours', 'elite'),
      changeFailureRate: dora(0.1, 'ratio', 'high'),
      timeToRestore: dora(3.5, 'hours', 'high'),
      incidents: 1,
      meanTimeBetweenReleases: figure(15.8, 'hours'),
    },
    {
      id: '9',
      label: 'SHOP Sprint 9',
      from: '2026-11-15T09:00:00Z',
      to: '2026-11-20T12:00:00Z',
      deployments: 8,
      deploymentFrequency: dora(null, 'days-per-week', null, 'needs 1 complete week, has 0'),
      leadTime: dora(6, 'hours', 'elite'),
      changeFailureRate: dora(0.125, 'ratio', 'medium'),
      timeToRestore: dora(null, 'hours', null, 'needs 1 resolved incident, has 0'),
      incidents: 0,
      meanTimeBetweenReleases: figure(12.7, 'hours'),
    },
  ],
};

const render = (delivery: DeliveryData['delivery']) =>
  renderToStaticMarkup(<DoraKeys delivery={delivery} />);

describe('the DORA keys on the Delivery page', () => {
  it('says how many deployments the figures count, and shows the rate to one decimal', () => {
    const html = render(withDeployments);
    expect(html).toContain(
      '19 production deployments from 19 Oct to 20 Nov: 0 failed, 1 rolled back',
    );
    expect(html).toContain('5.3% of 19: 1 failed or rolled back, 0 caused an incident');
    expect(html).toContain('(2 incidents matched no deployment)');
    expect(html).toContain('aria-label="DORA band: Elite"');
  });

  it('shows one trend row per sprint, a dash with its reason where a sprint has too little data', () => {
    const html = render(withDeployments);
    expect(html).toContain('DORA per sprint');
    expect(html.match(/<tr data-window=/g)).toHaveLength(2);
    expect(html).toContain('title="needs 1 complete week, has 0"');
    expect(html).toContain('12.5%'); // to one decimal: 13% would hide how close it is to 10%
  });

  it('says the trend is per 4 weeks without a board', () => {
    const html = render({ ...withDeployments, trendBy: '4-weeks' });
    expect(html).toContain('DORA per 4 weeks');
    expect(html).toContain('Per 4 weeks (no Scrum board is chosen)');
  });
});
