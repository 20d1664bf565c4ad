/**
 * The short-critical-path reads of JiraClient against the emulator: ids in pages of 5,000, fields
 * from POST /rest/api/3/issue/bulkfetch in batches of 100 sent at once (never more than the
 * client's in-flight cap), changelog batches of 1,000 at once. The old path (pages of 100 with
 * fields, one after the other) and the new one return the same issues, in the same order, with the
 * same fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  createJiraEmulator,
  OUTSIDER_ACCOUNT_ID,
  type JiraEmulator,
} from '../../sandbox/jira';
import { JiraClient } from '../../src/adapters/forge/jira/client';
import { JiraHttp, type JiraTransport } from '../../src/adapters/forge/jira/http';
import { MAX_IN_FLIGHT } from '../../src/adapters/forge/jira/in-flight';
import { SearchLimitError } from '../../src/ports/jira';
import { emulatorTransport } from '../support/emulator-transport';

const anchor = new Date('2026-11-20T12:00:00Z');
let jira: JiraEmulator;
/** "METHOD path" of every call, and the most calls in flight at once. */
const sent: string[] = [];
let inFlight = 0;
let mostInFlight = 0;

function clientFor(accountId: string, latencyMs = 0, maxInFlight?: number): JiraClient {
  const transport = emulatorTransport(jira.url, { accountId });
  const counting: JiraTransport = async (route, init) => {
    sent.push(`${init.method ?? 'GET'} ${route.value.split('?')[0]}`);
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    try {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return await transport(route, init);
    } finally {
      inFlight -= 1;
    }
  };
  return new JiraClient(
    new JiraHttp(counting, {
      sleep: () => Promise.resolve(),
      ...(maxInFlight === undefined ? {} : { maxInFlight }),
    }),
  );
}

const reset = () => {
  sent.length = 0;
  mostInFlight = 0;
};
const count = (call: string) => sent.filter((c) => c === call).length;

beforeAll(async () => {
  jira = await createJiraEmulator({ seed: { anchor }, now: () => anchor });
});
afterAll(async () => jira.close());

const FIELDS = ['summary', 'status', 'labels', 'customfield_10016', 'customfield_10020'];
const SEARCH = 'POST /rest/api/3/search/jql';
const BULK = 'POST /rest/api/3/issue/bulkfetch';

describe('searchAll with expectMany', () => {
  it('returns what the paged search returns, in the JQL order, with the same fields and properties', async () => {
    const client = clientFor(ADMIN_ACCOUNT_ID);
    const jql = 'project = SHOP ORDER BY rank ASC';
    const request = { fields: FIELDS, properties: ['ballast'] };
    const paged = await client.searchAll(jql, request);
    reset();
    const bulk = await client.searchAll(jql, { ...request, expectMany: true });
    expect(bulk.map((i) => i.key)).toEqual(paged.map((i) => i.key));
    expect(bulk.map((i) => [i.fields, i.properties ?? {}])).toEqual(
      paged.map((i) => [i.fields, i.properties ?? {}]),
    );
    // 400 issues: one page of ids, then 4 bulk fetches of 100.
    expect(bulk).toHaveLength(400);
    expect([count(SEARCH), count(BULK)]).toEqual([1, 4]);
  });

  it('keeps the cap: more than `limit` fails after reading limit + 1 ids; truncate gives the first `limit`', async () => {
    const client = clientFor(ADMIN_ACCOUNT_ID);
    const jql = 'project = SHOP ORDER BY key ASC';
    await expect(
      client.searchAll(jql, { fields: ['summary'], limit: 150, expectMany: true }),
    ).rejects.toBeInstanceOf(SearchLimitError);
    reset();
    const first = await client.searchAll(jql, {
      fields: ['summary'],
      limit: 150,
      truncate: true,
      expectMany: true,
    });
    const paged = await client.searchAll(jql, { fields: ['summary'], limit: 150, truncate: true });
    expect(first.map((i) => i.key)).toEqual(paged.map((i) => i.key));
    // The fields of the 150 only: 2 bulk fetches (100 + 50).
    expect(count(BULK)).toBe(2);
  });
});

describe('getIssues (POST /rest/api/3/issue/bulkfetch)', () => {
  it('answers in the order asked, though Jira answers in ascending id order', async () => {
    const client = clientFor(ADMIN_ACCOUNT_ID);
    const ids = jira.state.issues.slice(0, 250).map((i) => i.id);
    const shuffled = [...ids.slice(200), ...ids.slice(0, 200).reverse()];
    const issues = await client.getIssues(shuffled, { fields: ['summary'] });
    expect(issues.map((i) => i.id)).toEqual(shuffled);
  });

  it('leaves out ids Jira does not show the caller', async () => {
    const known = jira.state.issues[0]!.id;
    const admin = await clientFor(ADMIN_ACCOUNT_ID).getIssues([known, '99999999'], {
      fields: ['summary'],
    });
    expect(admin.map((i) => i.id)).toEqual([known]);
    const outsider = await clientFor(OUTSIDER_ACCOUNT_ID).getIssues([known], {
      fields: ['summary'],
    });
    expect(outsider).toEqual([]);
  });

  it(`sends the batches at the same time, at most ${MAX_IN_FLIGHT} by default`, async () => {
    const ids = jira.state.issues.map((i) => i.id);
    const batches = Math.ceil(ids.length / 100);
    expect(batches).toBeGreaterThan(2);
    expect(batches).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    reset();
    const issues = await clientFor(ADMIN_ACCOUNT_ID, 100).getIssues(ids, { fields: ['summary'] });
    expect(issues).toHaveLength(ids.length);
    // All in flight together: one round of latency, not one call after the other.
    expect([count(BULK), mostInFlight]).toEqual([batches, batches]);
  });

  it('never has more calls in flight than its cap', async () => {
    const ids = jira.state.issues.map((i) => i.id);
    reset();
    const issues = await clientFor(ADMIN_ACCOUNT_ID, 20, 2).getIssues(ids, { fields: ['summary'] });
    expect(issues).toHaveLength(ids.length);
    expect(mostInFlight).toBe(2);
  });
});

describe('changelogs in batches of 1,000 at once', () => {
  it('returns the same histories as asking batch by batch', async () => {
    const client = clientFor(ADMIN_ACCOUNT_ID);
    const ids = jira.state.issues.map((i) => i.id);
    reset();
    const all = await client.changelogs(ids, ['status']);
    expect(count('POST /rest/api/3/changelog/bulkfetch')).toBe(Math.ceil(ids.length / 1000));
    const one = await client.changelogs(ids.slice(0, 1000), ['status']);
    const byId = new Map(all.map((log) => [log.issueId, log]));
    for (const log of one) expect(byId.get(log.issueId)).toEqual(log);
    const withHistory = jira.state.issues.filter((i) =>
      i.changelog.some((c) => c.items.some((item) => item.fieldId === 'status')),
    );
    expect(all).toHaveLength(withHistory.length);
  });
});
