import { describe, expect, it } from 'vitest';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { sprintEntryTimes } from './sprint-entries';

const issue = (id: string, key: string, created?: string): JiraIssue => ({
  id,
  key,
  fields: created === undefined ? {} : { created },
});

const sprintItem = (from: string | null, to: string | null) => ({
  field: 'Sprint',
  fieldId: 'customfield_10020',
  from,
  to,
});

/** Changelogs as Jira sends them (the port's type names `toString`, which every object literal has). */
function jiraWith(logs: readonly unknown[], calls: string[][] = []) {
  return {
    changelogs: (ids: readonly string[]) => {
      calls.push([...ids]);
      return Promise.resolve(logs);
    },
  } as unknown as JiraPort;
}

const SPRINT = { id: 9, startedAt: '2026-11-01T09:00:00.000Z' };
const NOW = new Date('2026-11-20T12:00:00.000Z');

describe('which items were added to an active sprint after its start, and when', () => {
  it('takes the latest change that put the sprint in, or the creation after the start; items in it at the start are committed', async () => {
    const calls: string[][] = [];
    const jira = jiraWith(
      [
        {
          issueId: '1',
          changeHistories: [
            { created: '2026-11-02T09:00:00.000Z', items: [sprintItem(null, '9')] },
            { created: '2026-11-03T09:00:00.000Z', items: [sprintItem('9', null)] },
            // Epoch milliseconds, as some bulk answers give them: 2026-11-05T10:00:00Z.
            { created: Date.parse('2026-11-05T10:00:00Z'), items: [sprintItem('8', '8, 9')] },
          ],
        },
        {
          issueId: '2',
          changeHistories: [
            // Another sprint, or a change that kept sprint 9: not an entry into it.
            { created: '2026-11-06T09:00:00.000Z', items: [sprintItem('9', '9, 10')] },
            {
              created: '2026-11-07T09:00:00.000Z',
              items: [{ field: 'status', from: '1', to: '3' }],
            },
          ],
        },
      ],
      calls,
    );
    const times = await sprintEntryTimes(
      jira,
      [
        issue('1', 'A-1', '2026-10-01T09:00:00.000Z'),
        issue('2', 'A-2', '2026-10-20T09:00:00.000Z'),
        issue('3', 'A-3'),
        issue('4', 'A-4', '2026-11-10T08:00:00.000Z'),
      ],
      SPRINT,
      NOW,
    );
    // A-2 was in sprint 9 at its start (its first change kept 9), A-3 has no history: committed.
    expect(times).toEqual(
      new Map([
        ['A-1', '2026-11-05T10:00:00.000Z'],
        ['A-4', '2026-11-10T08:00:00.000Z'],
      ]),
    );
    expect(calls).toEqual([['1', '2', '3', '4']]);
  });

  it('asks Jira nothing for an empty sprint', async () => {
    const calls: string[][] = [];
    expect(await sprintEntryTimes(jiraWith([], calls), [], SPRINT, NOW)).toEqual(new Map());
    expect(calls).toEqual([]);
  });
});
