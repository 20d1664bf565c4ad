/**
 * JiraClient.searchAll with `reconcile` against the emulator in `eventual` search mode: the moved
 * issues are found right after the move, also when there are more than the 50 Jira reconciles per
 * search (one search per 50, merged), and each request names at most 50 ids on every page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpec, SPEC_FILES, specDir } from '../../scripts/extract-openapi';
import { ADMIN_ACCOUNT_ID, createJiraEmulator, type JiraEmulator } from '../../sandbox/jira';
import { JiraClient } from '../../src/adapters/forge/jira/client';
import { JiraHttp, type JiraTransport } from '../../src/adapters/forge/jira/http';
import { emulatorTransport } from '../support/emulator-transport';

const anchor = new Date('2026-11-20T12:00:00Z');
const FUTURE_SPRINT = 10;
let jira: JiraEmulator;
/** Every /search/jql request body sent, and its reconcileIssues. */
const sentBodies: Record<string, unknown>[] = [];
const sentIds: number[][] = [];
let client: JiraClient;

beforeAll(async () => {
  jira = await createJiraEmulator({
    seed: { anchor },
    now: () => anchor,
    searchConsistency: 'eventual',
  });
  const transport = emulatorTransport(jira.url, { accountId: ADMIN_ACCOUNT_ID });
  const recording: JiraTransport = (route, init) => {
    if (route.value.startsWith('/rest/api/3/search/jql') && typeof init.body === 'string') {
      const body = JSON.parse(init.body) as { reconcileIssues?: number[] };
      sentBodies.push(body);
      sentIds.push(body.reconcileIssues ?? []);
    }
    return transport(route, init);
  };
  client = new JiraClient(new JiraHttp(recording, { sleep: () => Promise.resolve() }));
});
afterAll(async () => jira.close());

describe('searchAll with reconcile under eventually consistent search', () => {
  it('finds 60 issues moved a moment ago only when they are reconciled, 50 ids per search', async () => {
    const backlog = await client.searchAll(
      'project = SHOP AND sprint is EMPTY AND issuetype in standardIssueTypes() ORDER BY key ASC',
      { fields: ['summary'], limit: 60, truncate: true },
    );
    expect(backlog).toHaveLength(60);
    const keys = backlog.map((i) => i.key);
    await client.moveToSprint(FUTURE_SPRINT, keys);

    const jql = `sprint = ${FUTURE_SPRINT} AND issuetype in standardIssueTypes() ORDER BY key ASC`;
    const naive = await client.searchAll(jql, { fields: ['summary'], pageSize: 20 });
    expect(naive.filter((i) => keys.includes(i.key))).toEqual([]);

    sentIds.length = 0;
    const reconciled = await client.searchAll(jql, {
      fields: ['summary'],
      pageSize: 20,
      reconcile: backlog.map((i) => i.id),
    });
    expect(reconciled.filter((i) => keys.includes(i.key)).map((i) => i.key)).toEqual(keys);
    expect(reconciled.length).toBe(naive.length + 60);
    expect(sentIds.every((ids) => ids.length > 0 && ids.length <= 50)).toBe(true);
    // Two searches (50 + 10 ids), each paged by 20 with the same ids on every page.
    expect([...new Set(sentIds.map((ids) => ids.length))].sort()).toEqual([10, 50]);
    expect(new Set(sentIds.map((ids) => ids.join(','))).size).toBe(2);
  });

  it.runIf(existsSync(join(specDir, SPEC_FILES.platform)))(
    'sends request bodies that fit the spec: SearchAndReconcileRequestBean, integer ids',
    () => {
      const schemas = (readSpec('platform').components as Record<string, unknown>)
        .schemas as Record<
        string,
        { properties: Record<string, { type?: string; items?: { type?: string } }> }
      >;
      const bean = schemas.SearchAndReconcileRequestBean!.properties;
      expect(bean.reconcileIssues).toMatchObject({ type: 'array', items: { type: 'integer' } });
      expect(sentBodies.length).toBeGreaterThan(0);
      for (const body of sentBodies) {
        expect(Object.keys(body).filter((key) => !(key in bean))).toEqual([]);
        expect(
          ((body.reconcileIssues as unknown[] | undefined) ?? []).every(Number.isInteger),
        ).toBe(true);
      }
    },
  );
});
