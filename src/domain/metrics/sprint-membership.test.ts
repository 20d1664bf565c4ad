import { describe, expect, it } from 'vitest';
import { sprintPart, type ItemHistory } from './sprint-membership';

const H = 3_600_000;
const SPRINT = { id: '9', startedAt: 100 * H, endsAt: 200 * H };

function history(overrides: Partial<ItemHistory> = {}): ItemHistory {
  return {
    createdAt: 0,
    sprintChanges: [],
    statusChanges: [],
    sprintsNow: new Set(['9']),
    doneNow: false,
    isDoneStatus: (id) => id === 'done',
    ...overrides,
  };
}
const move = (hour: number, from: string | null, to: string | null) => ({ at: hour * H, from, to });

describe('an item’s part in a sprint (committed, added, removed, completed)', () => {
  it.each([
    [
      'in it since before the start: committed',
      history(),
      { committed: true, addedAfterStart: false, removedAfterStart: false, addedAt: null },
    ],
    [
      'moved in after the start: added at that move',
      history({ sprintChanges: [move(150, null, '9')] }),
      { committed: false, addedAfterStart: true, removedAfterStart: false, addedAt: 150 * H },
    ],
    [
      'created in the sprint after the start: added at its creation',
      history({ createdAt: 120 * H }),
      { committed: false, addedAfterStart: true, addedAt: 120 * H },
    ],
    [
      'committed, taken out and put back: committed, not added (Jira counts it in the commitment)',
      history({ sprintChanges: [move(120, '9', null), move(130, null, '9')] }),
      { committed: true, addedAfterStart: false, removedAfterStart: false, addedAt: null },
    ],
    [
      'committed and taken out: removed',
      history({ sprintChanges: [move(120, '9', null)], sprintsNow: new Set() }),
      { committed: true, addedAfterStart: false, removedAfterStart: true },
    ],
    [
      'carried over from sprint 8 at its close after 9 started: added ("8" → "8, 9")',
      history({ sprintChanges: [move(101, '8', '8, 9')], sprintsNow: new Set(['8', '9']) }),
      { committed: false, addedAfterStart: true, addedAt: 101 * H },
    ],
  ])('%s', (_name, item, expected) => {
    expect(sprintPart(item, SPRINT)).toMatchObject(expected);
  });

  it('is in no part of a sprint it was never in between start and end', () => {
    expect(sprintPart(history({ sprintsNow: new Set(['10']) }), SPRINT)).toBeNull();
    expect(sprintPart(history({ sprintChanges: [move(250, null, '9')] }), SPRINT)).toBeNull();
  });

  it('is an addition taken out again: neither added nor committed, but removed', () => {
    const item = history({
      sprintChanges: [move(150, null, '9'), move(160, '9', null)],
      sprintsNow: new Set(),
    });
    expect(sprintPart(item, SPRINT)).toEqual({
      committed: false,
      addedAfterStart: false,
      removedAfterStart: true,
      completed: false,
      addedAt: null,
    });
  });

  it.each([
    ['done before the close', [move(180, 'todo', 'done')], true, true],
    ['done after the close', [move(210, 'todo', 'done')], true, false],
    [
      'done, then reopened before the close',
      [move(150, 'todo', 'done'), move(190, 'done', 'todo')],
      false,
      false,
    ],
  ])('is completed only when done at the end: %s', (_name, statusChanges, doneNow, completed) => {
    expect(sprintPart(history({ statusChanges, doneNow }), SPRINT)?.completed).toBe(completed);
  });
});
