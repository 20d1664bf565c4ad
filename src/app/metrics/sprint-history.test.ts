import { describe, expect, it } from 'vitest';
import type { JiraIssue, JiraPort, JiraSprint } from '../../ports/jira';
import { SPRINT_FIELD_TYPE } from './sprint-field';
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
  searchAll: () => Promise.resolve([issue('SHOP-1', 'SHOP'), issue('OPS-1', 'OPS')]),
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
