import { describe, expect, it } from 'vitest';
import { evaluateSprintPlan } from './evaluate-sprint-plan';
import { proposeRebalance } from './rebalance';
import type { SprintItem } from './sprint-item';
import { anItem, fixedPolicy } from './testing/sprint-items';

// A running sprint (started Nov 2). Capacity 40 points, default split: 36 plannable, 4 buffer;
// feature 22–26 points, the others 2–6 each.
const startedAt = '2026-11-02T09:00:00Z';
const policy = fixedPolicy(40);
const toDo = { name: 'To Do', category: 'new' };
const inProgress = { name: 'In Progress', category: 'indeterminate' };
const inReview = { name: 'In Review', category: 'indeterminate' };
const done = { name: 'Done', category: 'done' };
const item = (
  key: string,
  type: SprintItem['type'],
  estimate: number,
  rank: string,
  status: SprintItem['status'],
  extra: Partial<SprintItem> = {},
) => anItem({ key, type, estimate, rank, ...(status ? { status } : {}), ...extra });
const others = [
  item('D-0', 'debt', 4, 'm', toDo),
  item('T-0', 'toil', 4, 'n', toDo),
  item('R-0', 'reliability', 4, 'o', toDo),
];
const propose = (items: SprintItem[], backlog: SprintItem[] = [], running = true) =>
  proposeRebalance({
    policy,
    gateState: 'HEALTHY',
    items,
    backlog,
    ...(running ? { startedAt } : {}),
  });

describe('proposeRebalance in a running sprint: started and Done work stays', () => {
  // Feature is 30 points, 4 over its 26 maximum; the two lowest-ranked are Done and In Review.
  const items = [
    item('F-1', 'feature', 10, 'a', toDo),
    item('F-2', 'feature', 10, 'b', toDo),
    item('F-3', 'feature', 3, 'c', toDo),
    item('F-4', 'feature', 4, 'd', inReview),
    item('F-5', 'feature', 3, 'e', done),
    ...others,
  ];

  it('moves the lowest-ranked To Do item instead, and lists the two it passed over with why', () => {
    const result = propose(items);
    expect(result.moves.map((m) => `${m.direction} ${m.key}`)).toEqual(['out F-3', 'out F-2']);
    expect(result.held).toEqual([
      {
        key: 'F-5',
        type: 'feature',
        amount: 3,
        reason: 'F-5 is Done: finished work stays in the running sprint',
      },
      {
        key: 'F-4',
        type: 'feature',
        amount: 4,
        reason: 'F-4 is In Review (In Progress): work that has started stays in the running sprint',
      },
    ]);
    // 30 − 3 − 10 = 17 feature points: under the 22 minimum, and the backlog is empty.
    expect(result.after.used).toBe(29);
  });

  it('moves the Done item of a sprint still being planned (nothing has started there)', () => {
    expect(propose(items, [], false).moves.map((m) => `${m.direction} ${m.key}`)).toEqual([
      'out F-5',
      'out F-4',
    ]);
  });

  it('keeps an item whose status category it does not know, or whose status Jira did not send', () => {
    const odd = [
      item('F-1', 'feature', 24, 'a', inProgress),
      item('F-2', 'feature', 3, 'b', { name: 'Parked', category: 'undefined' }),
      item('F-3', 'feature', 3, 'c', undefined),
      ...others,
    ];
    const result = propose(odd);
    expect(result.moves).toEqual([]);
    expect(result.held.map((h) => h.reason)).toEqual([
      'F-3 has no status Jira sent: it stays as if it had started',
      'F-2 is Parked, a status whose category Ballast does not know ("undefined"): it stays as if it had started',
      'F-1 is In Progress: work that has started stays in the running sprint',
    ]);
    expect(result.reasons).toEqual([
      'feature is 4 points over its maximum of 26 points (65% of capacity): its exempt items and the work that has started or is Done, which stay, alone are 30 points',
      'planned work is 6 points over the 36 points available after the buffer: the items left are exempt, started or Done (they stay in a running sprint) or keep their type at its minimum',
    ]);
  });

  it('keeps a To Do parent whose sub-task has started: Jira moves sub-tasks with their parent', () => {
    const parent = item('F-6', 'feature', 3, 'f', toDo, {
      subtasks: [
        { key: 'F-6a', status: toDo },
        { key: 'F-6b', status: inReview },
      ],
    });
    // 26 feature points and 12 others: 2 over the 36 after the buffer. F-6 is the lowest-ranked.
    const result = propose([...items.slice(0, 3), parent, ...others]);
    expect(result.moves.map((m) => `${m.direction} ${m.key}`)).toEqual(['out F-3']);
    expect(result.held).toEqual([
      {
        key: 'F-6',
        type: 'feature',
        amount: 3,
        reason:
          'F-6 is To Do, but its sub-task F-6b is In Review (In Progress): sub-tasks move with their parent, and work that has started stays in the running sprint',
      },
    ]);
  });

  it('says when started and Done work alone is over the limit', () => {
    const busy = [
      item('F-1', 'feature', 15, 'a', inProgress),
      item('F-2', 'feature', 15, 'b', done),
      ...others,
    ];
    const result = propose(busy);
    expect([result.moves, result.compliant, result.reasons]).toEqual([
      [],
      false,
      [
        'feature is 4 points over its maximum of 26 points (65% of capacity): its exempt items and the work that has started or is Done, which stay, alone are 30 points',
        'planned work is 6 points over the 36 points available after the buffer: the items left are exempt, started or Done (they stay in a running sprint) or keep their type at its minimum',
      ],
    ]);
  });
});

describe('the buffer overspent by work added after the start (issue #18)', () => {
  // Capacity 91.3: 9.13 buffer, 82.17 after it; feature 50.215–59.345, the others 4.565–13.695.
  // 17 points joined after the start, 7.87 beyond the buffer, so planned work may use 74.3.
  const capacity = fixedPolicy(91.3);
  const late = (key: string, estimate: number) =>
    item(key, 'reliability', estimate, `z${key}`, inProgress, {
      addedAt: '2026-11-05T10:00:00Z',
    });
  const unplanned = [late('L-1', 8), late('L-2', 5), late('L-3', 4)];
  const plan = (
    feature: number,
    debt: number,
    toil: number,
    reliability: number,
    status = toDo,
  ) => [
    item('F-1', 'feature', feature - 5, 'a', inProgress),
    item('F-2', 'feature', 5, 'b', status),
    item('D-1', 'debt', debt, 'c', inProgress),
    item('T-1', 'toil', toil, 'd', inProgress),
    item('R-1', 'reliability', reliability, 'e', inProgress),
  ];
  const evaluate = (items: SprintItem[]) =>
    evaluateSprintPlan({ policy: capacity, gateState: 'HEALTHY', items, startedAt });

  it('86 points (69 planned, 17 added) fits: 69 of the 74.3 left for planned work', () => {
    const result = evaluate([...plan(51, 6, 6, 6), ...unplanned]);
    expect([result.used, result.plannable, result.available, result.remaining]).toEqual([
      69, 82.17, 74.3, 5.3,
    ]);
    expect([result.buffer.used, result.buffer.overflow, result.verdict.status]).toEqual([
      17,
      7.87,
      'compliant',
    ]);
  });

  it('96 points (79 planned, 17 added) against 91.3 breaks the capacity, though 79 < 82.17', () => {
    const result = evaluate([...plan(57, 8, 8, 6), ...unplanned]);
    expect(result.verdict.status).toBe('nonCompliant');
    expect(result.violations).toEqual([
      {
        kind: 'capacity',
        direction: 'over',
        amount: 4.7,
        used: 79,
        plannable: 74.3,
        bufferOverflow: 7.87,
        sprintTotal: 96,
        capacity: 91.3,
        message:
          'planned work is 4.7 points over the 74.3 points left for it: the items added after the start use 17 points of a 9.1 points buffer, so the sprint holds 96 points against a capacity of 91.3 points',
      },
    ]);
    expect(result.verdict.headline).not.toContain('fits');
    expect(result.remaining).toBe(-4.7);
  });

  it('a rebalance of the 96-point sprint moves the To Do item out and never fills past 91.3', () => {
    const byCapacity = proposeRebalance({
      policy: capacity,
      gateState: 'HEALTHY',
      items: [...plan(57, 8, 8, 6), ...unplanned],
      backlog: [item('F-9', 'feature', 3, 'f', toDo)],
      startedAt,
    });
    expect(byCapacity.moves.map((m) => `${m.direction} ${m.key}`)).toEqual(['out F-2']);
    expect([byCapacity.after.used + byCapacity.after.buffer.used, byCapacity.compliant]).toEqual([
      91,
      true,
    ]);
    expect(byCapacity.held).toEqual([]);
  });

  it('with nothing To Do left, it moves nothing and says the started work stays', () => {
    const result = proposeRebalance({
      policy: capacity,
      gateState: 'HEALTHY',
      items: [...plan(57, 8, 8, 6, inProgress), ...unplanned],
      backlog: [],
      startedAt,
    });
    expect(result.moves).toEqual([]);
    // Only F-2 could go without putting its type under the minimum: it is the one passed over.
    expect(result.held.map((h) => h.key)).toEqual(['F-2']);
    expect(result.reasons).toEqual([
      'planned work is 4.7 points over the 74.3 points left for it: the items added after the start use 17 points of a 9.1 points buffer, so the sprint holds 96 points against a capacity of 91.3 points: exempt items and the work that has started or is Done, which stay, alone are 79 points',
    ]);
  });
});
