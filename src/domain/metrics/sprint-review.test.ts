import { describe, expect, it } from 'vitest';
import {
  actionsInSprint,
  byIssueKey,
  dodCompliance,
  incidentsStartedIn,
  inSprint,
  statesSprintOverSprint,
  type DodStanding,
} from './sprint-review';

const sprint = { startedAt: '2026-11-01T09:00:00Z', completedAt: '2026-11-15T09:00:00Z' };

describe('in the sprint', () => {
  it.each([
    ['2026-11-01T09:00:00Z', true, 'the start itself'],
    ['2026-11-15T08:59:59Z', true, 'a second before the close'],
    ['2026-11-15T09:00:00Z', false, 'the close (it belongs to the next sprint)'],
    ['2026-11-01T08:59:59Z', false, 'before the start'],
    [null, false, 'no time'],
    ['soon', false, 'an unreadable time'],
  ])('%s is %s: %s', (at, expected, _why) => {
    expect(inSprint(at, sprint)).toBe(expected);
  });

  it('lists the incidents that started in it, oldest first', () => {
    const found = incidentsStartedIn(
      [
        { key: 'B', startedAt: '2026-11-10T00:00:00Z' },
        { key: 'OUT', startedAt: '2026-10-31T00:00:00Z' },
        { key: 'A', startedAt: '2026-11-02T00:00:00Z' },
        { key: 'EDGE', startedAt: '2026-11-15T09:00:00Z' },
      ],
      sprint,
    );
    expect(found.map((i) => i.key)).toEqual(['A', 'B']);
  });
});

describe('postmortem actions in the sprint', () => {
  it('counts those opened, those closed, and those open at the close', () => {
    const actions = [
      { createdAt: '2026-10-20T00:00:00Z', resolvedAt: '2026-11-03T00:00:00Z' }, // closed in it
      { createdAt: '2026-11-02T00:00:00Z', resolvedAt: null }, // opened, still open
      { createdAt: '2026-11-03T00:00:00Z', resolvedAt: '2026-11-04T00:00:00Z' }, // opened and closed
      { createdAt: '2026-10-01T00:00:00Z', resolvedAt: '2026-11-20T00:00:00Z' }, // open at close
      { createdAt: '2026-11-16T00:00:00Z', resolvedAt: null }, // after it
    ];
    expect(actionsInSprint(actions, sprint)).toEqual({ opened: 2, closed: 2, openAtClose: 2 });
  });
});

describe('DoD compliance of completed items', () => {
  const standing: Record<string, DodStanding> = {
    'S-1': 'complete',
    'S-2': 'complete',
    'S-3': 'open',
    'S-10': 'open',
    'S-4': 'closed-before-ballast',
    'S-5': 'not-evaluated',
    'S-6': 'open',
  };
  it('is complete ÷ items with a checklist; history and unevaluated items apart', () => {
    const items = ['S-1', 'S-2', 'S-3', 'S-10', 'S-4', 'S-5'].map((issueKey) => ({
      issueKey,
      completed: true,
    }));
    // S-6 is open but not completed; S-1 appears twice (carried into the sprint twice) once.
    const result = dodCompliance(
      [...items, { issueKey: 'S-6', completed: false }, { issueKey: 'S-1', completed: true }],
      (key) => standing[key]!,
    );
    expect(result).toEqual({
      completedItems: 6,
      complete: 2,
      open: 2,
      closedBeforeBallast: 1,
      notEvaluated: 1,
      share: 0.5,
      openKeys: ['S-3', 'S-10'],
    });
  });

  it('has no share when no completed item has a checklist', () => {
    expect(
      dodCompliance([{ issueKey: 'S-4', completed: true }], () => 'closed-before-ballast').share,
    ).toBeNull();
  });

  it('orders keys by project and number', () => {
    expect(['S-10', 'A-2', 'S-9'].sort(byIssueKey)).toEqual(['A-2', 'S-9', 'S-10']);
  });
});

describe('retro actions sprint over sprint', () => {
  const sprints = [
    { startedAt: '2026-10-18T09:00:00Z', completedAt: '2026-11-01T09:00:00Z' },
    sprint,
    { startedAt: '2026-11-15T09:00:00Z', completedAt: '2026-11-29T09:00:00Z' },
  ];
  it('is not created, open, then done at each close', () => {
    expect(
      statesSprintOverSprint(
        { createdAt: '2026-11-01T10:00:00Z', resolvedAt: '2026-11-20T00:00:00Z' },
        sprints,
      ),
    ).toEqual(['not-created', 'open', 'done']);
  });
  it('is done at a close it was resolved at exactly', () => {
    expect(
      statesSprintOverSprint(
        { createdAt: '2026-10-20T00:00:00Z', resolvedAt: '2026-11-15T09:00:00Z' },
        sprints,
      ),
    ).toEqual(['open', 'done', 'done']);
  });
});
