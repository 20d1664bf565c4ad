/**
 * Who may do what, for every resolver of the contract (issue #11): an outsider (no browse permission
 * on SHOP) gets nothing from any project resolver; a plain member reads but cannot change the
 * project's policy, SLOs or push secret; the project admin can. Runs the real handlers, with Jira's
 * own permission answers from the emulator. A new resolver key fails this test until it is listed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
  type JiraEmulator,
} from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';

type Access = 'anyone' | 'browse' | 'admin';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let issueKey: string;

/** Every resolver key with a well-formed payload and who may use it. */
function matrix(): Record<string, { access: Access; payload: () => unknown }> {
  const sprint = { boardId: 1, sprintId: 9 };
  return {
    'meta/about': { access: 'anyone', payload: () => ({}) },
    'issue/get': { access: 'browse', payload: () => ({ issueKey }) },
    'issue/setWorkType': { access: 'browse', payload: () => ({ issueKey, workType: 'debt' }) },
    'issue/tickDodItem': {
      access: 'browse',
      payload: () => ({ issueKey, itemId: 'code-reviewed', done: true }),
    },
    'settings/get': { access: 'browse', payload: () => ({}) },
    'settings/save': { access: 'admin', payload: () => ({ config: {}, version: 0 }) },
    'settings/testRules': { access: 'browse', payload: () => ({ issueKey }) },
    'slo/list': { access: 'browse', payload: () => ({}) },
    'slo/export': { access: 'browse', payload: () => ({}) },
    'slo/import': {
      access: 'admin',
      payload: () => ({
        yaml: readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'),
        version: 0,
      }),
    },
    'push/get': { access: 'browse', payload: () => ({}) },
    'push/rotateSecret': { access: 'admin', payload: () => ({}) },
    'planner/board': { access: 'browse', payload: () => ({ boardId: 1 }) },
    'planner/evaluate': { access: 'browse', payload: () => sprint },
    'planner/audit': { access: 'browse', payload: () => ({}) },
    'planner/apply': {
      access: 'browse',
      payload: () => ({
        ...sprint,
        fingerprint: 'stale',
        moves: [{ key: issueKey, direction: 'out' }],
      }),
    },
    'planner/undo': { access: 'browse', payload: () => sprint },
    'planner/override': {
      access: 'browse',
      payload: () => ({ ...sprint, reason: 'release train', fingerprint: 'stale' }),
    },
    'project/overview': { access: 'browse', payload: () => ({}) },
    'project/capacity': { access: 'browse', payload: () => ({}) },
    'project/delivery': { access: 'browse', payload: () => ({}) },
    'project/toilDebt': { access: 'browse', payload: () => ({}) },
    'project/incidents': { access: 'browse', payload: () => ({}) },
    'project/slos': { access: 'browse', payload: () => ({}) },
    'project/refresh': { access: 'browse', payload: () => ({}) },
  };
}

/** The resolver keys the contract declares (`'area/verb': { request…`). */
function contractKeys(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync('src/contract')) {
    const text = readFileSync(`src/contract/${file}`, 'utf8');
    for (const match of text.matchAll(/'([a-z]+\/[a-zA-Z]+)':\s*\{\s*request/g))
      keys.add(match[1]!);
  }
  return [...keys].sort();
}

async function call(key: string, accountId: string, payload: unknown): Promise<Envelope<unknown>> {
  return (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: key,
    payload,
    accountId,
    extension: {
      type: 'jira:issuePanel',
      project: { key: 'SHOP' },
      issue: { key: issueKey },
      board: { id: 1 },
      sprint: { id: 9 },
    },
  })) as Envelope<unknown>;
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  issueKey = jira.state.issues.find((i) => i.sprintIds.includes(9))!.key;
});
afterAll(() => sandbox.close());

describe('the authorization matrix', () => {
  it('lists every resolver of the contract', () => {
    expect(Object.keys(matrix()).sort()).toEqual(contractKeys());
  });

  it('gives an outsider nothing from any project resolver', async () => {
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      const answer = await call(key, OUTSIDER_ACCOUNT_ID, payload());
      if (access === 'anyone') {
        expect(answer.ok, key).toBe(true);
        continue;
      }
      expect(answer.ok, `${key} answered the outsider`).toBe(false);
      if (!answer.ok) expect(['FORBIDDEN', 'NOT_FOUND'], key).toContain(answer.error.code);
    }
  });

  it("refuses a member every change of the project's policy, SLOs and push secret", async () => {
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      if (access !== 'admin') continue;
      const answer = await call(key, MEMBER_ACCOUNT_ID, payload());
      expect(answer, key).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it("lets only Jira administrators rotate the site's push secret, not a project admin", async () => {
    const ada = jira.state.users.find((u) => u.accountId === ADMIN_ACCOUNT_ID)!;
    ada.siteAdmin = false;
    try {
      const answer = await call('push/rotateSecret', ADMIN_ACCOUNT_ID, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const view = await call('push/get', ADMIN_ACCOUNT_ID, {});
      expect(view).toMatchObject({ ok: true, data: { canEdit: false } });
    } finally {
      ada.siteAdmin = true;
    }
  });

  it('lets the admin make those changes', async () => {
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      if (access !== 'admin') continue;
      const answer = await call(key, ADMIN_ACCOUNT_ID, payload());
      expect(answer.ok, `${key}: ${JSON.stringify(answer)}`).toBe(true);
    }
  });
});
