import { describe, expect, it } from 'vitest';
import { postmortemActions } from './postmortem-actions';
import { anAction } from './testing/generators';

const NOW = '2026-03-31T00:00:00Z';

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
      anAction({ key: 'A3', createdAt: '2026-03-01T00:00:00Z' }), // open 30 d
      anAction({ key: 'A4', createdAt: '2026-03-21T00:00:00Z' }), // open 10 d
      anAction({ key: 'A5', createdAt: 'last week' }),
    ];
    expect(postmortemActions(actions, { now: NOW })).toEqual({
      status: 'ok',
      value: 0.5,
      unit: 'ratio',
      sampleSize: 4,
      created: 4,
      closed: 2,
      open: 2,
      medianOpenAgeDays: 10, // open 30 and 10 d: the lower middle value (statistics.ts)
      oldestOpenAgeDays: 30,
      medianDaysToClose: 4, // closed after 4 and 10 d
      invalid: 1,
    });
  });

  it.each([
    ['all closed', [anAction({ resolvedAt: '2026-03-07T09:00:00Z' })], 1, null, 1],
    ['one open, 24.5 days old', [anAction({ createdAt: '2026-03-06T12:00:00Z' })], 0, 24.5, null],
  ])('with %s', (_name, actions, value, medianOpenAgeDays, medianDaysToClose) => {
    expect(postmortemActions(actions, { now: NOW })).toMatchObject({
      value,
      medianOpenAgeDays,
      medianDaysToClose,
    });
  });

  it('refuses to age actions against an unreadable now', () => {
    expect(postmortemActions([anAction()], { now: 'today' })).toMatchObject({
      status: 'not-enough-data',
      reason: 'the current time is not a valid timestamp',
    });
  });

  it('has not enough data with no actions', () => {
    expect(postmortemActions([], { now: NOW })).toMatchObject({
      status: 'not-enough-data',
      reason: 'needs 1 postmortem action, has 0',
    });
  });
});
