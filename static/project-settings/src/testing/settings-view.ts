/**
 * A settings answer as the backend sends it (the shape of the product defaults, trimmed), for the
 * component and state tests; each test overrides what matters.
 */
import type { SettingsView } from '../../../../src/contract/settings';
import type { Config } from '../config-types';

export const CONFIG: Config = {
  schemaVersion: 2,
  rules: [
    {
      id: 'bug-is-reliability',
      type: 'reliability',
      when: { field: 'issueType', anyOf: ['Bug'] },
      description: 'Bugs are production health work',
    },
    {
      id: 'debt-labels',
      type: 'debt',
      when: {
        any: [
          { field: 'label', anyOf: ['tech-debt'] },
          { field: 'summaryKeyword', anyOf: ['refactor'] },
        ],
      },
    },
  ],
  dodTemplates: [
    {
      id: 'default-feature',
      version: 1,
      name: 'Feature DoD',
      workType: 'feature',
      issueTypes: [],
      items: [
        { id: 'code-reviewed', text: 'Code reviewed', required: true, kind: 'manual' },
        {
          id: 'has-estimate',
          text: 'Has an estimate',
          required: false,
          kind: 'auto',
          check: { type: 'hasEstimate' },
        },
      ],
    },
  ],
  capacity: {
    basis: 'storyPoints',
    capacity: { kind: 'velocity', sprints: 3, availability: 0.8 },
    targets: { feature: 60, debt: 10, toil: 10, reliability: 10 },
    tolerance: 5,
    buffer: 10,
    enforcement: 'advise',
    exemption: { priorities: ['Highest'], labels: ['security'] },
    gateTable: {
      HEALTHY: { limits: {} },
      AT_RISK: { limits: { reliability: { atLeast: 20 } } },
      FROZEN: { limits: { feature: { atMost: 0, exceptExempt: true } } },
      NO_DATA: { limits: {} },
    },
  },
  board: { boardId: 1, estimationFieldId: 'customfield_10016' },
  teamManagedDod: 'reopen',
  incidentJql: 'issuetype = Incident',
  incidentServices: { byComponent: [], otherwise: null },
  sloIds: [],
  errorBudget: {
    freezeAtOrBelow: 0,
    atRiskBelow: 0.25,
    atRiskOnAlerts: ['ticket', 'page'],
    unfreezeAtOrAbove: 0.05,
    unfreezeHold: 86_400_000,
    minDataCoverage: 0,
    postmortemBudgetShare: 0.2,
  },
  postmortem: {
    issueType: 'Task',
    label: 'postmortem',
    actionLinkType: 'Relates',
    actionSlaDays: 56,
  },
  retroActionLabel: 'retro-action',
};

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    projectKey: 'SHOP',
    config: CONFIG,
    version: 3,
    canEdit: true,
    problems: [],
    ...overrides,
  };
}
