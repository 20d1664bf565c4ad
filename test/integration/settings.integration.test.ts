/**
 * Project settings end to end: any member reads the configuration, only project admins save it (checked
 * on the server), edits from two tabs conflict instead of overwriting, and a bad edit stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForgeHost } from '../../sandbox/forge/host';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID } from '../../sandbox/jira';
import { DEFAULT_RULES } from '../../src/domain/work';
import type { Envelope } from '../../src/contract/envelope';
import type { SettingsView } from '../../src/contract/settings';

let sandbox: AppSandbox;
let host: ForgeHost;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ host } = sandbox);
});
afterAll(() => sandbox.close());

async function call(
  key: string,
  accountId: string,
  payload: unknown = {},
): Promise<Envelope<SettingsView>> {
  return (await host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: key,
    payload,
    accountId,
    extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
  })) as Envelope<SettingsView>;
}

function data(envelope: Envelope<SettingsView>): SettingsView {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

describe('project settings', () => {
  it('show a member the defaults, read-only, before anyone configured the project', async () => {
    const view = data(await call('settings/get', MEMBER_ACCOUNT_ID));
    expect(view).toMatchObject({ projectKey: 'SHOP', version: 0, canEdit: false, problems: [] });
    expect(view.config.rules).toHaveLength(DEFAULT_RULES.length);
    expect(view.config.capacity.buffer).toBe(10);
  });

  it('refuse a save by a member, and store nothing', async () => {
    const view = data(await call('settings/get', MEMBER_ACCOUNT_ID));
    const envelope = await call('settings/save', MEMBER_ACCOUNT_ID, {
      config: view.config,
      version: 0,
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(data(await call('settings/get', ADMIN_ACCOUNT_ID)).version).toBe(0);
  });

  it('save an admin edit, versioned, and show it to everyone', async () => {
    const view = data(await call('settings/get', ADMIN_ACCOUNT_ID));
    expect(view.canEdit).toBe(true);
    const edited = { ...view.config, incidentJql: 'project = SHOP AND labels = incident' };
    const saved = data(
      await call('settings/save', ADMIN_ACCOUNT_ID, { config: edited, version: view.version }),
    );
    expect(saved.version).toBe(1);
    expect(data(await call('settings/get', MEMBER_ACCOUNT_ID)).config.incidentJql).toBe(
      'project = SHOP AND labels = incident',
    );
  });

  it('refuse a save from a tab that read an older version, keeping the newer change', async () => {
    const stale = data(await call('settings/get', ADMIN_ACCOUNT_ID));
    const first = { ...stale.config, incidentJql: 'issuetype = Incident AND priority = Highest' };
    data(await call('settings/save', ADMIN_ACCOUNT_ID, { config: first, version: stale.version }));
    const second = { ...stale.config, incidentJql: 'labels = outage' };
    const envelope = await call('settings/save', ADMIN_ACCOUNT_ID, {
      config: second,
      version: stale.version,
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const now = data(await call('settings/get', ADMIN_ACCOUNT_ID));
    expect(now.version).toBe(stale.version + 1);
    expect(now.config.incidentJql).toBe('issuetype = Incident AND priority = Highest');
  });

  it('refuse an invalid policy with the field named, storing nothing', async () => {
    const view = data(await call('settings/get', ADMIN_ACCOUNT_ID));
    const bad = { ...view.config, capacity: { ...view.config.capacity, tolerance: -3 } };
    const envelope = await call('settings/save', ADMIN_ACCOUNT_ID, {
      config: bad,
      version: view.version,
    });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('BAD_REQUEST');
    expect(envelope.error.message).toContain('"tolerance"');
    expect(data(await call('settings/get', ADMIN_ACCOUNT_ID)).version).toBe(view.version);
  });

  it('tell a user without access that the project cannot be found', async () => {
    const envelope = await call('settings/get', OUTSIDER_ACCOUNT_ID);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
