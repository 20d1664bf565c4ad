import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { predictability, scopeChange } from '../../domain/metrics';
import {
  committedWork,
  completedWork,
  removedAfterStart,
} from '../../domain/metrics/sprint-figures';
import type { JiraIssue, JiraPort, JiraSprint } from '../../ports/jira';
import { changelogPageSchema } from '../../ports/jira-schemas';
import { SPRINT_FIELD_TYPE } from './sprint-field';
import { idReads } from '../../../test/support/fake-id-reads';
import { readSprintHistory } from './sprint-history';

const SPRINT: JiraSprint = {
  id: 7,
  name: 'Sprint 7',
  state: 'closed',
  startDate: '2026-11-02T09:00:00.000Z',
  completeDate: '2026-11-16T09:00:00.000Z',
};

const issue = (key: string, project: string): JiraIssue => ({
  id: key,
  key,
  fields: {
    summary: key,
    created: '2026-10-01T09:00:00.000Z',
    project: { key: project },
    customfield_10020: [{ id: 7 }],
    status: { name: 'Done', statusCategory: { key: 'done' } },
  },
});

/** A board whose sprint holds issues of SHOP and of OPS (a filter spanning projects). */
const jira = {
  listSprints: () => Promise.resolve([SPRINT]),
  listFields: () =>
    Promise.resolve([
      { id: 'customfield_10020', name: 'Sprint', schema: { custom: SPRINT_FIELD_TYPE } },
    ]),
  ...idReads((jql) =>
    Promise.resolve(
      jql.startsWith('sprint in') ? [issue('SHOP-1', 'SHOP'), issue('OPS-1', 'OPS')] : [],
    ),
  ),
  changelogs: () => Promise.resolve([]),
} as unknown as JiraPort;

const input = {
  boardId: 1,
  estimationFieldId: null,
  rules: [],
  basis: 'storyPoints' as const,
  closedSprints: 8,
  now: new Date('2026-11-20T12:00:00Z'),
};

describe('the sprint history keeps to the page’s project', () => {
  it("leaves out another project's issues that the board's filter takes in", async () => {
    const history = await readSprintHistory(jira, { ...input, projectKey: 'SHOP' });
    expect(history.items.map((i) => i.issueKey)).toEqual(['SHOP-1']);
    expect(history.changes.map((c) => c.issueKey)).toEqual(['SHOP-1']);
  });

  it('counts every issue when no project is named', async () => {
    const history = await readSprintHistory(jira, input);
    expect(history.items.map((i) => i.issueKey).sort()).toEqual(['OPS-1', 'SHOP-1']);
  });
});

describe('sizes and membership replayed from Jira’s changelog (test/fixtures/jira/changelog-bulkfetch.json)', () => {
  const fixture = JSON.parse(
    readFileSync(
      new URL('../../../test/fixtures/jira/changelog-bulkfetch.json', import.meta.url),
      'utf8',
    ),
  ) as { payload: { issueChangeLogs: unknown[] } };
  const now = (id: string, key: string, fields: Record<string, unknown>): JiraIssue => ({
    id,
    key,
    fields: {
      summary: key,
      created: '2026-10-01T09:00:00.000Z',
      project: { key: 'SHOP' },
      issuetype: { name: 'Story' },
      ...fields,
    },
  });
  const DONE = { id: '10002', name: 'Done', statusCategory: { key: 'done' } };
  const TODO = { id: '10000', name: 'To Do', statusCategory: { key: 'new' } };
  // The issues as Jira has them now: SHOP-2 is back in the backlog, so `sprint in (7)` misses it.
  const issues = [
    now('10001', 'SHOP-1', { customfield_10016: 8, customfield_10020: [{ id: 7 }], status: DONE }),
    now('10002', 'SHOP-2', { customfield_10016: 5, customfield_10020: [], status: TODO }),
    now('10003', 'SHOP-3', {
      customfield_10016: 2,
      timeoriginalestimate: 21_600,
      customfield_10020: [{ id: 7 }],
      status: TODO,
    }),
  ];
  function fixtureJira() {
    const searches: string[] = [];
    const logRequests: string[][] = [];
    const port = {
      listSprints: () => Promise.resolve([SPRINT]),
      listFields: () =>
        Promise.resolve([
          { id: 'customfield_10020', name: 'Sprint', schema: { custom: SPRINT_FIELD_TYPE } },
        ]),
      ...idReads((jql: string) => {
        searches.push(jql);
        return Promise.resolve(
          jql.startsWith('project = "SHOP" AND updated >=')
            ? issues
            : issues.filter((i) => (i.fields.customfield_10020 as unknown[]).length > 0),
        );
      }),
      changelogs: (_ids: readonly string[], fieldIds: readonly string[]) => {
        logRequests.push([...fieldIds]);
        return Promise.resolve(changelogPageSchema.parse(fixture.payload).issueChangeLogs);
      },
    } as unknown as JiraPort;
    return { port, searches, logRequests };
  }
  const storyPoints = {
    ...input,
    estimationFieldId: 'customfield_10016',
    projectKey: 'SHOP',
  };

  it('commits SHOP-1 at 3 (its estimate at the start) and completes it at 8 (at the close)', async () => {
    const { port, logRequests } = fixtureJira();
    const history = await readSprintHistory(port, storyPoints);
    const one = history.items.find((i) => i.issueKey === 'SHOP-1')!;
    expect(one).toMatchObject({ points: 8, pointsAtStart: 3, committed: true, completed: true });
    // Asked for the status, Sprint and story-point histories only, in one bulk request.
    expect(logRequests).toEqual([['status', 'customfield_10020', 'customfield_10016']]);
  });

  it('finds SHOP-2, removed on day 3, through the project search, and sizes it at the start', async () => {
    const { port, searches } = fixtureJira();
    const history = await readSprintHistory(port, storyPoints);
    expect(searches).toEqual([
      'sprint in (7) ORDER BY key ASC',
      'project = "SHOP" AND updated >= "2026-11-01" ORDER BY updated DESC',
    ]);
    const own = history.items
      .filter((i) => i.sprintId === '7')
      .sort((a, b) => a.issueKey.localeCompare(b.issueKey));
    expect(own.map((i) => [i.issueKey, i.committed, i.removedAfterStart])).toEqual([
      ['SHOP-1', true, false],
      ['SHOP-2', true, true],
      // No Sprint change in its log: in the sprint now, so in it since before the start.
      ['SHOP-3', true, false],
    ]);
    // Committed 3 + 5 + 2 at the start; SHOP-1's 3 delivered: 3 ÷ 10.
    const sprint = history.sprints[0]!;
    expect(committedWork(own).points).toBe(3 + 5 + 2);
    expect(removedAfterStart(own).points).toBe(5);
    expect(completedWork(own).points).toBe(8);
    expect(predictability(sprint, own)).toMatchObject({ value: 0.3, committedCompleted: 3 });
    expect(scopeChange(sprint, own)).toMatchObject({
      added: { points: 0 },
      removed: { count: 1, points: 5 },
      reestimated: 5,
    });
  });

  it('replays the original estimate (seconds) when the policy counts hours', async () => {
    const { port, logRequests } = fixtureJira();
    const history = await readSprintHistory(port, { ...storyPoints, basis: 'originalEstimate' });
    const three = history.items.find((i) => i.issueKey === 'SHOP-3')!;
    expect(three).toMatchObject({ points: 21_600, pointsAtStart: 14_400 });
    expect(logRequests).toEqual([['status', 'customfield_10020', 'timeoriginalestimate']]);
  });

  it('counts each item 1 in issue count, whatever its estimate history', async () => {
    const { port, logRequests } = fixtureJira();
    const history = await readSprintHistory(port, { ...storyPoints, basis: 'issueCount' });
    const own = history.items.filter((i) => i.sprintId === '7');
    expect(own.every((i) => i.points === 1 && i.pointsAtStart === undefined)).toBe(true);
    expect(committedWork(own).points).toBe(3);
    expect(logRequests).toEqual([['status', 'customfield_10020']]);
  });
});
