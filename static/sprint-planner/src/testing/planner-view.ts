/**
 * Planner fixtures for component tests: the seeded SHOP active sprint as the backend evaluates it
 * (default policy, capacity 91.3 points, feature and toil under, 3.8 points over), each test
 * overriding what matters. Values are what the backend sends; the UI only renders them.
 */
import type {
  PlannerBoard,
  SprintEvaluation,
  SprintPlanEvaluation,
} from '../../../../src/contract/planner';

export const VIEWER = 'acc-marco-member';

type Allocation = SprintPlanEvaluation['byType'][number];

function allocation(
  type: Allocation['type'],
  counted: number,
  share: number,
  target: number,
  status: Allocation['status'],
  itemCount: number,
): Allocation {
  return {
    type,
    itemCount,
    planned: counted,
    exempt: 0,
    counted,
    share,
    target: {
      type,
      targetShare: target,
      minShare: target - 5,
      maxShare: target + 5,
      exemptItemsCount: true,
      reason: `policy target ${target}% ± 5`,
    },
    min: Math.round(91.333333 * (target - 5)) / 100,
    max: Math.round(91.333333 * (target + 5)) / 100,
    status,
    unplanned: 0,
  };
}

export function planEvaluation(
  overrides: Partial<SprintPlanEvaluation> = {},
): SprintPlanEvaluation {
  return {
    basis: 'storyPoints',
    capacity: {
      amount: 91.333333,
      explanation: 'mean velocity 91.3 of the last 3 closed sprints × availability 1 = 91.3',
      sprintsUsed: ['8', '7', '6'],
    },
    plannable: 82.2,
    available: 82.2,
    used: 86,
    remaining: -3.8,
    byType: [
      allocation('feature', 40, 43.8, 60, 'under', 12),
      allocation('debt', 10, 10.95, 10, 'within', 4),
      allocation('toil', 2, 2.19, 10, 'under', 2),
      allocation('reliability', 5, 5.47, 10, 'within', 4),
    ],
    unclassified: { itemCount: 5, planned: 29, share: 31.75 },
    violations: [
      {
        kind: 'share',
        type: 'feature',
        direction: 'under',
        amount: 10.233333,
        shareBeyond: 11.2,
        counted: 40,
        limit: 50.233333,
        limitShare: 55,
        message:
          'feature is 10.233333 points under its minimum of 50.233333 points (55% of capacity)',
      },
      {
        kind: 'capacity',
        direction: 'over',
        amount: 3.8,
        used: 86,
        plannable: 82.2,
        bufferOverflow: 0,
        sprintTotal: 86,
        capacity: 91.333333,
        message: 'planned work is 3.8 points over the 82.2 points available after the buffer',
      },
    ],
    notReady: [
      { key: 'SHOP-197', reasons: ['unclassified'] },
      { key: 'SHOP-345', reasons: ['noEstimate', 'unclassified'] },
    ],
    buffer: {
      reserved: 9.133333,
      used: 0,
      remaining: 9.133333,
      spent: false,
      overflow: 0,
      unplannedKeys: [],
      overflowKeys: [],
    },
    targets: {
      gateState: 'NO_DATA',
      targets: {} as SprintPlanEvaluation['targets']['targets'],
      bufferShare: 10,
      warnings: [],
    },
    verdict: {
      status: 'nonCompliant',
      enforcement: 'advise',
      action: 'warn',
      headline: '2 violations: …',
    },
    warnings: [],
    ...overrides,
  };
}

export const COMPLIANT: SprintPlanEvaluation = planEvaluation({
  used: 82,
  remaining: 0.2,
  violations: [],
  verdict: {
    status: 'compliant',
    enforcement: 'advise',
    action: 'none',
    headline: 'The plan keeps the split and fits the capacity.',
  },
});

export function plannerView(overrides: Partial<SprintEvaluation> = {}): SprintEvaluation {
  return {
    sprint: { id: 9, name: 'SHOP Sprint 9', state: 'active' },
    gateState: 'NO_DATA',
    gate: {
      state: 'NO_DATA',
      override: null,
      statement: {
        state: 'NO_DATA',
        since: null,
        sentences: [
          'No SLO is linked to this project, so the error-budget gate has no data. Link SLOs in the project settings to let the gate adjust the split.',
        ],
        effect: 'Planning runs on the normal split.',
      },
    },
    enforcement: 'advise',
    evaluation: planEvaluation(),
    fingerprint: 'abc123',
    proposal: {
      moves: [
        {
          key: 'SHOP-207',
          summary: 'Show estimated delivery date on the returns',
          status: { name: 'To Do', category: 'new' },
          assignee: 'Tomás Novak',
          type: 'unclassified',
          direction: 'out',
          amount: 3,
          reason:
            'planned work is over the 82.2 points available after the buffer: the lowest-ranked item that can go',
        },
        {
          key: 'SHOP-292',
          summary: 'Offer gift wrapping as an option in checkout',
          status: { name: 'To Do', category: 'new' },
          assignee: null,
          type: 'feature',
          direction: 'in',
          amount: 2,
          reason:
            'feature is under its minimum of 50.233333 points: its highest-ranked backlog item that fits',
        },
      ],
      held: [
        {
          key: 'SHOP-204',
          summary: 'Recommend accessories in payments',
          status: { name: 'Done', category: 'done' },
          assignee: 'Ada Admin',
          type: 'unclassified',
          amount: 13,
          reason: 'SHOP-204 is Done: finished work stays in the running sprint',
        },
      ],
      after: COMPLIANT,
      compliant: true,
      reasons: [],
      fingerprint: 'abc123',
    },
    undo: null,
    override: null,
    overrideNeeded: false,
    lastClosedSprint: {
      name: 'SHOP Sprint 8',
      committed: 86,
      committedCompleted: 78,
      addedCompleted: 5,
      predictability: 0.907,
      meetsBaseline: true,
      reason: null,
    },
    scopeChange: {
      value: 3,
      unit: 'points',
      sampleSize: 14,
      reason: null,
      added: 5,
      addedCount: 2,
      removed: 2,
      removedCount: 1,
      reestimated: 3,
      churnShare: 0.08,
    },
    people: { 'acc-ada-admin': 'Ada Okafor' },
    notes: [
      'Velocity is the work of each closed sprint that was done when it closed, as Jira’s velocity chart counts it.',
    ],
    ...overrides,
  };
}

export function plannerBoard(overrides: Partial<PlannerBoard> = {}): PlannerBoard {
  return {
    projectKey: 'SHOP',
    boardId: 1,
    sprints: [
      { id: 9, name: 'SHOP Sprint 9', state: 'active' },
      { id: 10, name: 'SHOP Sprint 10', state: 'future' },
    ],
    selectedSprintId: 9,
    enforcement: 'advise',
    canSchedule: true,
    canOverride: true,
    ...overrides,
  };
}
