import { readFileSync } from 'node:fs';
import type { Route } from '@forge/api';
import { describe, expect, it } from 'vitest';
import { bulkChangelogs, bulkFetchIssues } from './bulk-reads';
import { JiraRequestError } from './errors';
import { JiraHttp, type JiraTransport } from './http';

/** Shaped from platform.v3.json bulkFetchIssues (test/fixtures/jira/issue-bulkfetch.json). */
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../test/fixtures/jira/issue-bulkfetch.json', import.meta.url),
    'utf8',
  ),
) as {
  request: { issueIdsOrKeys: string[]; fields: string[]; properties: string[] };
  payload: { issues: { id: string }[]; issueErrors: { id: string }[] };
};

const answer = (body: unknown) => ({
  status: 200,
  headers: { get: () => null },
  text: () => Promise.resolve(JSON.stringify(body)),
});

function scripted(answers: unknown[]): { transport: JiraTransport; bodies: unknown[] } {
  const bodies: unknown[] = [];
  const transport: JiraTransport = (_route: Route, init) => {
    bodies.push(JSON.parse(init.body as string));
    const next = answers.shift();
    if (next === undefined) throw new Error('no answer scripted');
    return Promise.resolve(answer(next));
  };
  return { transport, bodies };
}

const httpOf = (transport: JiraTransport) =>
  new JiraHttp(transport, { sleep: () => Promise.resolve() });

describe('bulkFetchIssues', () => {
  it('asks once more for the issues Jira could not return, and answers in the order asked', async () => {
    const retry = {
      issues: [{ id: '10009', key: 'EX-9', fields: { summary: 'Third' } }],
      issueErrors: [],
    };
    const { transport, bodies } = scripted([fixture.payload, retry]);
    const issues = await bulkFetchIssues(httpOf(transport), ['10005', '10002', '10009'], {
      fields: fixture.request.fields,
      properties: fixture.request.properties,
    });
    expect(issues.map((i) => i.id)).toEqual(['10005', '10002', '10009']);
    expect(bodies).toEqual([
      {
        issueIdsOrKeys: ['10005', '10002', '10009'],
        fields: ['summary', 'status'],
        properties: ['ballast'],
      },
      { issueIdsOrKeys: ['10009'], fields: ['summary', 'status'], properties: ['ballast'] },
    ]);
  });

  it('fails naming the issues when Jira cannot return them twice in a row', async () => {
    const { transport } = scripted([fixture.payload, fixture.payload]);
    const read = bulkFetchIssues(httpOf(transport), ['10002', '10005', '10009'], {
      fields: ['summary'],
    });
    await expect(read).rejects.toBeInstanceOf(JiraRequestError);
    await expect(read).rejects.toThrow(/could not return 1 of the issues asked for \(10009\)/);
  });

  it('sends 100 ids a request at most', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(20_000 + i));
    const pages = [0, 100, 200].map((start) => ({
      issues: ids.slice(start, start + 100).map((id) => ({ id, key: `EX-${id}`, fields: {} })),
    }));
    const { transport, bodies } = scripted(pages);
    const issues = await bulkFetchIssues(httpOf(transport), ids, { fields: ['summary'] });
    expect(issues.map((i) => i.id)).toEqual(ids);
    expect(bodies.map((b) => (b as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([
      100, 100, 50,
    ]);
  });
});

describe('bulkChangelogs', () => {
  it('puts an issue whose histories span two pages back together, in page order', async () => {
    const history = (id: string, created: string) => ({ id, created, items: [] });
    const { transport } = scripted([
      {
        issueChangeLogs: [
          { issueId: '1', changeHistories: [history('a', '2026-01-01T00:00:00.000+0000')] },
          { issueId: '2', changeHistories: [history('b', '2026-01-02T00:00:00.000+0000')] },
        ],
        nextPageToken: 'next',
      },
      {
        issueChangeLogs: [
          { issueId: '1', changeHistories: [history('c', '2026-01-03T00:00:00.000+0000')] },
        ],
      },
    ]);
    const logs = await bulkChangelogs(httpOf(transport), ['1', '2'], ['status']);
    expect(logs.map((l) => [l.issueId, l.changeHistories.map((h) => h.id)])).toEqual([
      ['1', ['a', 'c']],
      ['2', ['b']],
    ]);
  });
});
