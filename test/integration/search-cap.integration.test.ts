/**
 * searchAll's result cap (issue #10): a search that matches more issues than its cap fails with a
 * SearchLimitError naming the JQL and the cap, after reading at most cap + 1 issues; exactly the
 * cap is fine; `truncate` returns the first `limit` in the JQL's order. Against the sandbox Jira's
 * demo seed (400 SHOP issues, /search/jql at most 100 a page with fields).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, createJiraEmulator, type JiraEmulator } from '../../sandbox/jira';
import { JiraClient } from '../../src/adapters/forge/jira/client';
import { JiraHttp, type JiraTransport } from '../../src/adapters/forge/jira/http';
import { DEFAULT_SEARCH_LIMIT, SearchLimitError } from '../../src/ports/jira';
import { emulatorTransport } from '../support/emulator-transport';

const anchor = new Date('2026-11-20T12:00:00Z');
const JQL = 'project = SHOP ORDER BY key ASC';
let jira: JiraEmulator;

/** A client that records the maxResults of every search page it asks for. */
function recordingClient(): { client: JiraClient; pageSizes: number[] } {
  const pageSizes: number[] = [];
  const inner = emulatorTransport(jira.url, { accountId: ADMIN_ACCOUNT_ID });
  const transport: JiraTransport = (route, init) => {
    if (route.value.startsWith('/rest/api/3/search/jql') && typeof init.body === 'string') {
      pageSizes.push((JSON.parse(init.body) as { maxResults: number }).maxResults);
    }
    return inner(route, init);
  };
  return { client: new JiraClient(new JiraHttp(transport)), pageSizes };
}

beforeAll(async () => {
  jira = await createJiraEmulator({ port: 0, seed: { anchor }, now: () => anchor });
});
afterAll(async () => jira.close());

describe('searchAll result cap', () => {
  it('defaults to 10,000 issues, so the demo project (400) is read whole', async () => {
    expect(DEFAULT_SEARCH_LIMIT).toBe(10_000);
    const { client, pageSizes } = recordingClient();
    const issues = await client.searchAll(JQL, { fields: ['summary'] });
    expect(issues).toHaveLength(400);
    expect(pageSizes).toEqual([100, 100, 100, 100]);
  });

  it('fails naming the JQL and the cap when more issues match, after reading cap + 1', async () => {
    const { client, pageSizes } = recordingClient();
    const failure = await client.searchAll(JQL, { fields: ['summary'], limit: 250 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SearchLimitError);
    const error = failure as SearchLimitError;
    expect(error.jql).toBe(JQL);
    expect(error.limit).toBe(250);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.options.retryable).toBeFalsy();
    expect(error.message).toContain(`“${JQL}”`);
    expect(error.message).toContain('more than 250 issues');
    // 100 + 100 + 51: the last page asks only for the one issue that proves the cap is exceeded.
    expect(pageSizes).toEqual([100, 100, 51]);
  });

  it('returns exactly the cap when exactly the cap matches', async () => {
    const { client, pageSizes } = recordingClient();
    const issues = await client.searchAll(JQL, { fields: ['summary'], limit: 400 });
    expect(issues).toHaveLength(400);
    expect(pageSizes).toEqual([100, 100, 100, 100]);
    await expect(client.searchAll(JQL, { fields: ['summary'], limit: 399 })).rejects.toThrow(
      'more than 399 issues',
    );
  });

  it('with truncate, returns the first `limit` issues in the JQL order without reading on', async () => {
    const { client, pageSizes } = recordingClient();
    const all = await client.searchAll(JQL, { fields: ['summary'] });
    pageSizes.length = 0;
    const first = await client.searchAll(JQL, { fields: ['summary'], limit: 150, truncate: true });
    expect(first.map((i) => i.key)).toEqual(all.slice(0, 150).map((i) => i.key));
    expect(pageSizes).toEqual([100, 50]);
  });
});
