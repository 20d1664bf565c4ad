import { describe, expect, it } from 'vitest';
import type { JiraPort, JiraSprint } from '../../ports/jira';
import { activeSprintEnd } from './active-sprint-end';

const sprint = (id: number, name: string, endDate?: string): JiraSprint => ({
  id,
  name,
  state: 'active',
  ...(endDate ? { endDate } : {}),
});

/** A Jira that answers the board's active sprints (or fails), and counts the calls. */
function jiraWith(answer: JiraSprint[] | Error) {
  const calls: unknown[] = [];
  const jira = {
    listSprints: (boardId: number, states: readonly string[]) => {
      calls.push({ boardId, states });
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  } as unknown as JiraPort;
  return { jira, calls };
}

describe('the active sprint’s end, for the SLO forecast', () => {
  it('reads the board’s active sprints once, and takes the one ending first', async () => {
    const { jira, calls } = jiraWith([
      sprint(2, 'Team B 4', '2026-12-04T16:00:00.000Z'),
      sprint(1, 'Team A 7', '2026-12-01T16:00:00.000Z'),
    ]);
    expect(await activeSprintEnd(jira, 1)).toEqual({
      name: 'Team A 7',
      endsAt: Date.parse('2026-12-01T16:00:00.000Z'),
    });
    expect(calls).toEqual([{ boardId: 1, states: ['active'] }]);
  });

  it('says why there is no sprint to forecast to', async () => {
    const noBoard = await activeSprintEnd(jiraWith([]).jira, null);
    expect('reason' in noBoard && noBoard.reason).toMatch(/^No Scrum board is chosen/);
    expect(await activeSprintEnd(jiraWith([]).jira, 1)).toEqual({
      reason: 'No sprint is active on the project’s board.',
    });
    expect(await activeSprintEnd(jiraWith([sprint(1, 'SHOP 9')]).jira, 1)).toEqual({
      reason: 'SHOP 9 has no end date in Jira.',
    });
  });

  it('turns a Jira failure into a reason: the forecast is lost, not the page', async () => {
    expect(await activeSprintEnd(jiraWith(new Error('board 1 not found')).jira, 1)).toEqual({
      reason: 'Ballast couldn’t read the board’s active sprint (board 1 not found).',
    });
  });
});
