/**
 * The settings page's audit log with people's names (`settings/auditLog`): the overrides recorded in
 * the sprint planner come back with the display name of each person, looked up with Jira's bulk
 * user API in one call per page; an account Jira no longer knows is shown by its id. The client's
 * getUsers is checked against the sandbox Jira and the OpenAPI spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID } from '../../sandbox/jira';
import { JiraClient } from '../../src/adapters/forge/jira/client';
import { JiraHttp } from '../../src/adapters/forge/jira/http';
import type { Envelope } from '../../src/contract/envelope';
import type { AuditLogView } from '../../src/contract/resolvers';
import { findOperation } from '../contract/openapi';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { emulatorTransport, type RecordedCall } from '../support/emulator-transport';
import { ACTIVE_SPRINT, dataOf, plannerCaller } from './planner-support';

let sandbox: AppSandbox;

function auditLog(accountId: string, payload: unknown = {}): Promise<Envelope<AuditLogView>> {
  return sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-settings',
    functionKey: 'settings/auditLog',
    payload,
    accountId,
    extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
  }) as Promise<Envelope<AuditLogView>>;
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const call = plannerCaller(sandbox.host);
  const current = dataOf(await call('settings/get', {}, ADMIN_ACCOUNT_ID));
  dataOf(
    await call(
      'settings/save',
      { config: { capacity: { enforcement: 'enforce' } }, version: current.version },
      ADMIN_ACCOUNT_ID,
    ),
  );
  const { fingerprint } = dataOf(
    await call('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
  );
  for (const [accountId, reason] of [
    [ADMIN_ACCOUNT_ID, 'Checkout launch agreed with the SRE lead.'],
    [MEMBER_ACCOUNT_ID, 'Toil items are blocked on a vendor.'],
    [ADMIN_ACCOUNT_ID, 'Release week.'],
  ] as const) {
    dataOf(
      await call('planner/override', { sprintId: ACTIVE_SPRINT, reason, fingerprint }, accountId),
    );
  }
});
afterAll(() => sandbox.close());

describe('settings/auditLog', () => {
  it("gives every member the entries with the people's display names", async () => {
    const page = dataOf(await auditLog(MEMBER_ACCOUNT_ID));
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => e.accountId)).toEqual([
      ADMIN_ACCOUNT_ID,
      MEMBER_ACCOUNT_ID,
      ADMIN_ACCOUNT_ID,
    ]);
    expect(page.names).toEqual({
      [ADMIN_ACCOUNT_ID]: 'Ada Okafor',
      [MEMBER_ACCOUNT_ID]: 'Marco Silva',
    });
  });

  it('refuses someone who cannot browse the project', async () => {
    expect(await auditLog(OUTSIDER_ACCOUNT_ID)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('leaves an account Jira no longer knows without a name, so the page shows its id', async () => {
    const users = sandbox.jira.state.users;
    const index = users.findIndex((u) => u.accountId === MEMBER_ACCOUNT_ID);
    const [removed] = users.splice(index, 1);
    try {
      const page = dataOf(await auditLog(ADMIN_ACCOUNT_ID));
      expect(page.entries).toHaveLength(3);
      expect(page.names).toEqual({ [ADMIN_ACCOUNT_ID]: 'Ada Okafor' });
    } finally {
      users.splice(index, 0, removed!);
    }
  });
});

describe('JiraClient.getUsers against the sandbox Jira', () => {
  it('asks for a whole audit page of people in one call, leaving out unknown ids', async () => {
    const calls: RecordedCall[] = [];
    const client = new JiraClient(
      new JiraHttp(emulatorTransport(sandbox.jira.url, { accountId: MEMBER_ACCOUNT_ID }, calls)),
    );
    const unknown = Array.from({ length: 48 }, (_, i) => `acc-gone-${i}`);
    const users = await client.getUsers([ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, ...unknown]);
    expect(users).toEqual([
      { accountId: ADMIN_ACCOUNT_ID, displayName: 'Ada Okafor' },
      { accountId: MEMBER_ACCOUNT_ID, displayName: 'Marco Silva' },
    ]);
    expect(calls).toHaveLength(1);
    const found = findOperation(calls[0]!.method, calls[0]!.path);
    expect(found?.path).toBe('/rest/api/3/user/bulk');
    expect(found?.operation.scopes).toContain('read:jira-user');
  });

  it('splits more than 100 ids over requests of 100', async () => {
    const calls: RecordedCall[] = [];
    const client = new JiraClient(
      new JiraHttp(emulatorTransport(sandbox.jira.url, { accountId: MEMBER_ACCOUNT_ID }, calls)),
    );
    const many = [ADMIN_ACCOUNT_ID, ...Array.from({ length: 149 }, (_, i) => `acc-gone-${i}`)];
    expect(await client.getUsers([...many, MEMBER_ACCOUNT_ID])).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it('makes no call for no ids', async () => {
    const calls: RecordedCall[] = [];
    const client = new JiraClient(
      new JiraHttp(emulatorTransport(sandbox.jira.url, { accountId: MEMBER_ACCOUNT_ID }, calls)),
    );
    expect(await client.getUsers([])).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});
