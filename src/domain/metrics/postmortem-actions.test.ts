import { describe, expect, it } from 'vitest';
import { dueDatePassesAt, postmortemActions } from './postmortem-actions';
import { anAction } from './testing/generators';

const NOW = '2026-03-31T00:00:00Z';
const SLA = { now: NOW, slaDays: 56 };

describe('postmortem action items', () => {
  it('gives closed ÷ created and the ages of open and closed actions in days', () => {
    const actions = [
      anAction({
        key: 'A1',
        createdAt: '2026-03-01T00:00:00Z',
        resolvedAt: '2026-03-05T00:00:00Z',
      }), // 4 d
      anAction({
        key: 'A2',
        createdAt: '2026-03-01T00:00:00Z',
        resolvedAt: '2026-03-11T00:00:00Z',
      }), // 10 d
      anAction({ key: 'A3', createdAt: '2026-03-01T00:00:00Z', postmortemKey: 'PM-1' }), // open 30 d
      anAction({ key: 'A4', createdAt: '2026-03-21T00:00:00Z' }), // open 10 d
      anAction({ key: 'A5', createdAt: 'last week' }),
    ];
    expect(postmortemActions(actions, SLA)).toEqual({
      status: 'ok',
      value: 0.5,
      unit: 'ratio',
      sampleSize: 4,
      created: 4,
      closed: 2,
      open: 2,
      overdue: 0,
      medianOpenAgeDays: 10, // open 30 and 10 d: the lower middle value (statistics.ts)
      oldestOpenAgeDays: 30,
      medianDaysToClose: 4, // closed after 4 and 10 d
      openActions: [
        {
          key: 'A3',
          postmortemKey: 'PM-1',
          ageDays: 30,
          dueDate: null,
          overdue: false,
          overdueBy: null,
        },
        {
          key: 'A4',
          postmortemKey: null,
          ageDays: 10,
          dueDate: null,
          overdue: false,
          overdueBy: null,
        },
      ],
      invalid: 1,
    });
  });

  it.each([
    ['all closed', [anAction({ resolvedAt: '2026-03-07T09:00:00Z' })], 1, null, 1],
    ['one open, 24.5 days old', [anAction({ createdAt: '2026-03-06T12:00:00Z' })], 0, 24.5, null],
  ])('with %s', (_name, actions, value, medianOpenAgeDays, medianDaysToClose) => {
    expect(postmortemActions(actions, SLA)).toMatchObject({
      value,
      medianOpenAgeDays,
      medianDaysToClose,
    });
  });

  it.each([
    // [what, createdAt, dueDate, slaDays, overdueBy]
    ['no due date, 30 days old, SLA 28 days', '2026-03-01T00:00:00Z', null, 28, 'sla'],
    [
      'no due date, exactly 30 days old, SLA 30 days: not yet',
      '2026-03-01T00:00:00Z',
      null,
      30,
      null,
    ],
    ['due yesterday (30 March)', '2026-03-25T00:00:00Z', '2026-03-30', 56, 'due-date'],
    [
      'due today (31 March): not before the day ends',
      '2026-03-25T00:00:00Z',
      '2026-03-31',
      56,
      null,
    ],
    [
      'a due date beats the SLA: 60 days old, due next week',
      '2026-01-30T00:00:00Z',
      '2026-04-07',
      56,
      null,
    ],
    [
      'a due date Jira would not send is ignored, the SLA applies',
      '2026-01-30T00:00:00Z',
      'soon',
      56,
      'sla',
    ],
  ] as const)('overdue: %s', (_what, createdAt, dueDate, slaDays, overdueBy) => {
    const result = postmortemActions([anAction({ key: 'A', createdAt, dueDate })], {
      now: NOW,
      slaDays,
    });
    expect(result).toMatchObject({ overdue: overdueBy === null ? 0 : 1 });
    expect(result.status === 'ok' && result.openActions[0]).toMatchObject({
      overdue: overdueBy !== null,
      overdueBy,
    });
  });

  it('counts three of five actions closed (0.6) with one of the two open ones overdue', () => {
    const result = postmortemActions(
      [
        anAction({
          key: 'P-1',
          createdAt: '2026-01-01T00:00:00Z',
          resolvedAt: '2026-01-15T00:00:00Z',
        }),
        anAction({
          key: 'P-2',
          createdAt: '2026-01-01T00:00:00Z',
          resolvedAt: '2026-02-01T00:00:00Z',
        }),
        anAction({
          key: 'P-3',
          createdAt: '2026-03-01T00:00:00Z',
          resolvedAt: '2026-03-02T12:00:00Z',
        }),
        anAction({ key: 'P-4', createdAt: '2026-01-15T06:00:00Z', dueDate: '2026-02-28' }), // 74.75 d, late
        anAction({ key: 'P-5', createdAt: '2026-03-29T12:00:00Z' }), // 1.5 d
      ],
      SLA,
    );
    expect(result).toMatchObject({
      value: 0.6,
      created: 5,
      closed: 3,
      open: 2,
      overdue: 1,
      medianOpenAgeDays: 1.5,
      oldestOpenAgeDays: 74.75,
      medianDaysToClose: 14, // 1.5, 14 and 31 days
    });
    expect(result.status === 'ok' && result.openActions.map((a) => [a.key, a.ageDays])).toEqual([
      ['P-4', 74.75],
      ['P-5', 1.5],
    ]);
  });

  it('reads a due date as passed at the end of that day, UTC', () => {
    expect(dueDatePassesAt('2026-03-30')).toBe(Date.parse('2026-03-31T00:00:00Z'));
    expect(dueDatePassesAt('2026-03-30T10:00')).toBeUndefined();
    expect(dueDatePassesAt(null)).toBeUndefined();
  });

  it('refuses to age actions against an unreadable now', () => {
    expect(postmortemActions([anAction()], { now: 'today', slaDays: 56 })).toMatchObject({
      status: 'not-enough-data',
      reason: 'the current time is not a valid timestamp',
    });
  });

  it('has not enough data with no actions', () => {
    expect(postmortemActions([], SLA)).toMatchObject({
      status: 'not-enough-data',
      reason: 'needs 1 postmortem action, has 0',
    });
  });
});
