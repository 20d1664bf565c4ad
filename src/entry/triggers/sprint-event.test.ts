import { describe, expect, it } from 'vitest';
import { SprintEventError, readSprintEvent } from './sprint-event';

/** The sprint of the documented example (events-reference/jira-software, "Sprint events"). */
const documented = {
  eventType: 'avi:jira-software:updated:sprint',
  sprint: {
    id: '6',
    originBoardId: '12',
    name: 'EX1 Sprint 1',
    state: 'future',
    createDate: '2024-09-24T10:59:20.334+0200',
    startDate: '2024-10-05T00:00:00.000+0200',
    endDate: '2024-10-12T00:00:00.000+0200',
  },
};

describe('readSprintEvent', () => {
  it('reads the documented payload: ids as strings of digits become numbers', () => {
    expect(readSprintEvent(documented)).toEqual({ sprintId: 6, boardId: 12 });
  });

  it('accepts JSON numbers for the ids too', () => {
    expect(readSprintEvent({ sprint: { id: 6, originBoardId: 12 } })).toEqual({
      sprintId: 6,
      boardId: 12,
    });
  });

  it('leaves the board out when the payload has no originBoardId (it is optional)', () => {
    expect(readSprintEvent({ sprint: { id: '6', name: 'S', state: 'active' } })).toEqual({
      sprintId: 6,
    });
  });

  it("turns Jira's +0200 completeDate into ISO-8601 UTC", () => {
    expect(
      readSprintEvent({ sprint: { id: '6', completeDate: '2024-10-12T09:30:00.000+0200' } }),
    ).toEqual({ sprintId: 6, completeDate: '2024-10-12T07:30:00.000Z' });
  });

  it.each([
    [
      'an id that is not digits',
      { sprint: { id: 'six' } },
      'sprint.id: must be a string of digits',
    ],
    ['a zero id', { sprint: { id: '0' } }, 'sprint.id: must be a string of digits'],
    ['a decimal board id', { sprint: { id: '6', originBoardId: '1.5' } }, 'sprint.originBoardId'],
    ['no sprint', { eventType: 'avi:jira-software:started:sprint' }, 'sprint:'],
    [
      'a completeDate that is no date',
      { sprint: { id: '6', completeDate: 'soon' } },
      'sprint.completeDate: must be a date-time',
    ],
  ])('refuses %s, naming the field', (_what, event, message) => {
    expect(() => readSprintEvent(event)).toThrow(SprintEventError);
    expect(() => readSprintEvent(event)).toThrow(message);
  });
});
