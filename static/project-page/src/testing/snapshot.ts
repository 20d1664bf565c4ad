/** Project page fixtures for component tests: a snapshot as the backend would store it. */
import type {
  DoraFigure,
  Figure,
  MetricsSnapshot,
  SnapshotMeta,
  SprintRow,
  TypeSplit,
} from '../../../../src/contract/project-page';

export const NOW = Date.parse('2026-11-20T12:30:00Z');

export const meta = (overrides: Partial<SnapshotMeta> = {}): SnapshotMeta => ({
  computedAt: '2026-11-20T12:00:00Z',
  stale: false,
  refreshing: false,
  lastError: null,
  ...overrides,
});

export const figure = (
  value: number | null,
  unit: Figure['unit'],
  reason: string | null = null,
): Figure => ({
  value,
  unit,
  sampleSize: value === null ? 0 : 5,
  reason: value === null ? (reason ?? 'needs 3 items, has 0') : null,
});

export const dora = (
  value: number | null,
  unit: Figure['unit'],
  band: DoraFigure['band'],
  reason: string | null = null,
): DoraFigure => ({ ...figure(value, unit, reason), band, note: null });

const split = (type: TypeSplit['type'], points: number, total: number): TypeSplit => ({
  type,
  points,
  count: points > 0 ? 2 : 0,
  share: total > 0 ? points / total : null,
});

export function sprintRow(id: number, overrides: Partial<SprintRow> = {}): SprintRow {
  const planned = [
    split('feature', 30, 50),
    split('debt', 5, 50),
    split('toil', 5, 50),
    split('reliability', 5, 50),
    split('unclassified', 5, 50),
  ];
  return {
    sprintId: String(id),
    name: `SHOP Sprint ${id}`,
    state: 'closed',
    startedAt: '2026-10-01T09:00:00Z',
    completedAt: '2026-10-15T09:00:00Z',
    unit: 'points',
    capacity: 55,
    committed: 50,
    planned: 48,
    completed: 48,
    predictability: {
      ...figure(0.9, 'ratio'),
      meetsBaseline: true,
      committedCompleted: 45,
      addedCompleted: 3,
    },
    scopeChange: {
      ...figure(6, 'points'),
      added: 8,
      addedCount: 3,
      removed: 2,
      removedCount: 1,
      reestimated: 0,
      churnShare: 0.2,
    },
    balance: { planned, completed: planned, reason: null },
    interrupts: {
      ...figure(8, 'points'),
      count: 3,
      bufferPoints: 5,
      bufferUsed: 1.6,
      overBuffer: true,
    },
    carryOver: { ...figure(2, 'count'), points: 5 },
    toilShare: figure(0.1, 'ratio'),
    debtRatio: figure(0.12, 'ratio'),
    ...overrides,
  };
}

export const NO_DEPLOYMENTS =
  'No deployment data yet — connect your CI/CD to Ballast’s deployment push API (see Project settings → Ballast).';

export function snapshot(overrides: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  return {
    schemaVersion: 2,
    projectKey: 'SHOP',
    computedAt: '2026-11-20T12:00:00Z',
    computeMs: 120,
    board: { boardId: 1 },
    sprintsReason: null,
    sprints: [sprintRow(7), sprintRow(8), sprintRow(9, { state: 'active', completedAt: null })],
    unit: 'points',
    velocity: { ...figure(46.5, 'points'), sprints: [] },
    predictabilityBaseline: 0.8,
    buffer: {
      policyPercent: 10,
      recommendedPercent: 14,
      change: 'raise',
      explanation: 'Raise the buffer from 10% to 14%.',
    },
    toilDebt: {
      toilShare: { ...figure(0.1, 'ratio'), cap: 0.5, overCap: false },
      debtRatio: {
        ...figure(0.12, 'ratio'),
        guideline: { min: 0.1, max: 0.2 },
        position: 'within',
      },
    },
    delivery: {
      hasDeploymentData: false,
      deploymentFrequency: dora(null, 'days-per-week', null, NO_DEPLOYMENTS),
      leadTime: {
        ...dora(30, 'hours', 'high'),
        note: 'No deployment data: measured from issue created to resolved instead of first work to production.',
      },
      changeFailureRate: dora(null, 'ratio', null, NO_DEPLOYMENTS),
      timeToRestore: dora(5.5, 'hours', 'high'),
      meanTimeBetweenReleases: figure(null, 'hours', NO_DEPLOYMENTS),
      deployments: {
        total: 0,
        failed: 0,
        rolledBack: 0,
        causedIncidents: null,
        unattributedIncidents: null,
      },
      period: { from: '2026-08-28T12:00:00Z', to: '2026-11-20T12:00:00Z' },
      trendBy: 'sprint',
      trend: [],
    },
    incidents: {
      jql: 'issuetype = Incident',
      reason: null,
      count: 8,
      open: 1,
      mttr: figure(5.5, 'hours'),
      mttd: figure(null, 'hours', 'needs 1 incident with a detection time, has 0'),
      repeats: { ...figure(2, 'count'), share: 0.25 },
      postmortemActions: {
        ...figure(0.75, 'ratio'),
        total: 8,
        closed: 6,
        overdue: 1,
        slaDays: 56,
        medianOpenAgeDays: 12.5,
        oldestOpenAgeDays: 70.25,
        openActions: [
          {
            key: 'SHOP-410',
            postmortemKey: 'SHOP-405',
            ageDays: 70.25,
            dueDate: null,
            overdue: true,
            overdueBy: 'sla',
          },
          {
            key: 'SHOP-411',
            postmortemKey: 'SHOP-405',
            ageDays: 12.5,
            dueDate: '2026-12-01',
            overdue: false,
            overdueBy: null,
          },
        ],
      },
      postmortems: {
        convention: { postmortem: 'Task labelled "postmortem"', actionLinkType: 'Relates' },
        reason: null,
        count: 1,
        recent: [
          {
            key: 'SHOP-405',
            summary: 'Postmortem: Checkout availability incident',
            createdAt: '2026-09-11T14:00:00Z',
            resolvedAt: null,
            actions: 8,
          },
        ],
      },
      recent: [
        {
          key: 'SHOP-400',
          source: 'jira',
          summary: 'Checkout 500s',
          startedAt: '2026-11-01T10:00:00Z',
          resolvedAt: '2026-11-01T12:00:00Z',
          hoursToRestore: 2,
        },
        {
          key: 'SHOP-399',
          source: 'jira',
          summary: 'Search down',
          startedAt: '2026-10-20T10:00:00Z',
          resolvedAt: null,
          hoursToRestore: null,
        },
      ],
    },
    notes: [],
    ...overrides,
  };
}
