import { describe, expect, it } from 'vitest';
import { anIncident } from '../../domain/metrics/testing/generators';
import type { JiraIssue } from '../../ports/jira';
import { withIncidentServices } from './incident-services';

const issue = (key: string, components: string[]): JiraIssue => ({
  id: key,
  key,
  fields: { components: components.map((name) => ({ name })) },
});

describe('Jira incidents get the service the project setting names', () => {
  const incidents = [
    anIncident({ key: 'SHOP-1', service: null }),
    anIncident({ key: 'SHOP-2', service: null }),
    anIncident({ key: 'SHOP-3', service: null }),
    anIncident({ key: 'pd-7', service: 'search' }),
  ];
  const issues = [
    issue('SHOP-1', ['Payments']),
    issue('SHOP-2', ['Web', 'Search']),
    issue('SHOP-3', []),
  ];
  const mapping = {
    byComponent: [
      { component: 'Search', service: 'search' },
      { component: 'Payments', service: 'checkout' },
    ],
    otherwise: 'storefront',
  };

  it('by the first listed component the incident has, otherwise the default; pushed ones keep theirs', () => {
    expect(withIncidentServices(incidents, issues, mapping).map((i) => [i.key, i.service])).toEqual(
      [
        ['SHOP-1', 'checkout'],
        ['SHOP-2', 'search'],
        ['SHOP-3', 'storefront'],
        ['pd-7', 'search'],
      ],
    );
  });

  it('leaves them without a service by default (the setting is empty)', () => {
    const none = withIncidentServices(incidents, issues, { byComponent: [], otherwise: null });
    expect(none.map((i) => i.service)).toEqual([null, null, null, 'search']);
  });
});
