import { describe, expect, it } from 'vitest';
import { estimateAt, estimateValue } from './estimate-history';
import { predictability } from './predictability';
import {
  carriedOver,
  committedAndCompleted,
  committedWork,
  completedWork,
  plannedWork,
  reestimatedAfterStart,
} from './sprint-figures';
import { aSprint, anItem } from './testing/generators';

const START = Date.parse('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;

describe('an estimate replayed from its changelog', () => {
  // Story points as Jira writes them: the number in the strings (test/fixtures/jira/changelog-bulkfetch.json).
  const changes = [
    { at: START - 24 * HOUR, from: null, to: '3' },
    { at: START + 30 * HOUR, from: '3', to: '8' },
  ];

  it('is the value set last before the start, whatever it became later', () => {
    expect(estimateAt(changes, START, 8)).toBe(3);
  });

  it('is the old value of the first change when every change came later', () => {
    expect(estimateAt([{ at: START + HOUR, from: '5', to: '2' }], START, 2)).toBe(5);
  });

  it('is the value now when nothing changed after the instant (or nothing at all)', () => {
    expect(estimateAt(changes, START + 40 * HOUR, 8)).toBe(8);
    expect(estimateAt([], START, 13)).toBe(13);
  });

  it('is unestimated before the first estimate was set, and when it was cleared', () => {
    expect(estimateAt(changes, START - 48 * HOUR, 8)).toBeNull();
    expect(estimateAt([{ at: START - HOUR, from: '3', to: null }], START, null)).toBeNull();
  });

  it('reads seconds of an original estimate and rejects text that is not a number', () => {
    expect(estimateValue('7200')).toBe(7200);
    expect(estimateValue('')).toBeNull();
    expect(estimateValue('soon')).toBeNull();
  });
});

describe('sprint figures with an item estimated 3 at the start and 8 at the close', () => {
  // The convention of Jira's velocity chart (support.atlassian.com/jira-software-cloud/docs/
  // view-and-understand-the-velocity-chart/): Commitment = the estimates when the sprint begins,
  // Completed = the completed estimates when it ends.
  const reestimated = anItem({ issueKey: 'BAL-1', points: 8, pointsAtStart: 3, completed: true });
  const other = anItem({ issueKey: 'BAL-2', points: 5, completed: false });
  const items = [reestimated, other];

  it('commits 3 + 5 = 8 (the estimates at the start) and completes 8 (the estimate at the close)', () => {
    expect(committedWork(items).points).toBe(8);
    expect(completedWork(items).points).toBe(8);
  });

  it('counts 3 of the commitment as delivered, so predictability is 3 ÷ 8 = 0.375, never above 1', () => {
    expect(committedAndCompleted(items).points).toBe(3);
    expect(predictability(aSprint(), items)).toMatchObject({
      value: 0.375,
      committed: 8,
      committedCompleted: 3,
      meetsBaseline: false,
    });
    expect(predictability(aSprint(), [reestimated])).toMatchObject({ value: 1 });
  });

  it('plans 13 (as it stands) and carries over 5; the 5 points of re-estimate are the difference', () => {
    expect(plannedWork(items).points).toBe(13);
    expect(carriedOver(items).points).toBe(5);
    expect(reestimatedAfterStart(items)).toBe(5);
    expect(committedWork(items).points + reestimatedAfterStart(items)).toBe(
      plannedWork(items).points,
    );
  });
});
