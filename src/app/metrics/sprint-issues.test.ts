import { describe, expect, it } from 'vitest';
import type { IssueFieldsRequest, JiraIssue, JiraPort } from '../../ports/jira';
import { readSprintIssues } from './sprint-issues';

const SPRINT_FIELD = 'customfield_10020';
const TODO = { id: '1', name: 'To Do', statusCategory: { key: 'new' } };
const DONE = { id: '3', name: 'Done', statusCategory: { key: 'done' } };

const issue = (id: string, sprints: number[], status = TODO): JiraIssue => ({
  id,
  key: `SHOP-${id}`,
  fields: { project: { key: 'SHOP' }, status, [SPRINT_FIELD]: sprints.map((s) => ({ id: s })) },
});

/**
 * Issue 1 is in sprint 7 and went to Done (status 3) in its history while it is back in To Do
 * now; issue 2 was updated but never in a sprint; issue 3 was taken out of sprint 7. Only issue 2
 * is in status 3 now.
 */
function fakeJira() {
  const all = [issue('1', [7]), issue('2', [], DONE), issue('3', [])];
  const fieldReads: { ids: string[]; fields: readonly string[] }[] = [];
  const statusItem = (from: string, to: string) => ({
    fieldId: 'status',
    field: 'status',
    from,
    to,
  });
  const logs = [
    {
      issueId: '1',
      changeHistories: [{ created: '2026-11-03T10:00:00.000Z', items: [statusItem('1', '3')] }],
    },
    {
      issueId: '3',
      changeHistories: [
        {
          created: '2026-11-04T10:00:00.000Z',
          items: [{ field: 'Sprint', fieldId: SPRINT_FIELD, from: '7', to: '' }],
        },
      ],
    },
  ];
  const port = {
    searchIds: (jql: string) =>
      Promise.resolve(jql.startsWith('sprint in') ? ['1'] : ['3', '2', '1']),
    getIssues: (ids: readonly string[], request: IssueFieldsRequest) => {
      fieldReads.push({ ids: [...ids], fields: request.fields });
      return Promise.resolve(all.filter((i) => ids.includes(i.id)));
    },
    changelogs: (ids: readonly string[]) =>
      Promise.resolve(logs.filter((log) => ids.includes(log.issueId))),
  } as unknown as JiraPort;
  return { port, fieldReads };
}

const request = {
  sprintIds: new Set(['7']),
  sprintField: SPRINT_FIELD,
  fields: ['status', 'project'],
  logFields: ['status', SPRINT_FIELD],
  limit: 20_000,
  changedSince: { projectKey: 'SHOP', date: '2026-11-01', candidates: 5_000 },
  projectKey: 'SHOP',
};

describe('readSprintIssues', () => {
  it('reads the fields of the sprints’ issues and of the updated ones whose Sprint history names a sprint', async () => {
    const { port, fieldReads } = fakeJira();
    const read = await readSprintIssues(port, request);
    expect([...read.issues.keys()]).toEqual(['1', '3']);
    expect(fieldReads[0]!.ids).toEqual(['1']);
    expect(fieldReads[1]!.ids).toEqual(['3']);
    expect(read.membership.get('1')).toEqual(new Set(['7']));
    expect(read.membership.get('3')).toEqual(new Set());
  });

  it('reads the other updated issues’ statuses when a history names a status no issue read is in', async () => {
    const { port, fieldReads } = fakeJira();
    const read = await readSprintIssues(port, request);
    // Status 3 is only issue 2's now: without it, Done would be unknown and issue 1's history misread.
    expect(fieldReads[2]).toEqual({ ids: ['2'], fields: ['status', 'project'] });
    expect(read.categoryOf.get('3')).toBe('done');
    expect([...read.issues.keys()]).not.toContain('2');
  });

  it('reads nothing more when every status the histories name is known', async () => {
    const { port, fieldReads } = fakeJira();
    const known = {
      ...port,
      getIssues: (ids: readonly string[], r: IssueFieldsRequest) =>
        port
          .getIssues(ids, r)
          .then((issues) =>
            issues.map((i) => (i.id === '1' ? { ...i, fields: { ...i.fields, status: DONE } } : i)),
          ),
    };
    await readSprintIssues(known, request);
    expect(fieldReads.map((r) => r.ids)).toEqual([['1'], ['3']]);
  });
});
