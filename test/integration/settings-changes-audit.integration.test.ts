/**
 * The audit log keeps every change to the project's SLOs and error-budget policy (issue #18), and
 * an OpenSLO import that would delete SLOs names them and changes nothing until they are confirmed.
 * Through the app's real resolvers on the sandbox, as the settings page calls them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { SettingsChangeEntry } from '../../src/contract/planner';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { kvsSnapshot } from '../support/resolver-calls';
import { TEST_NOW } from '../support/test-clock';
import { dataOf, plannerCaller } from './planner-support';

const FIXTURE = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
const DEMO = readFileSync('sandbox/app-seed/demo.openslo.yaml', 'utf8');

let sandbox: AppSandbox;
let call: ReturnType<typeof plannerCaller>;

const sloVersion = async () => dataOf(await call('slo/list', {}, ADMIN_ACCOUNT_ID)).version;
const sloNames = async () =>
  dataOf(await call('slo/list', {}, MEMBER_ACCOUNT_ID)).slos.map((s) => s.name);

/** The newest audit entry, as a member reads the log. */
async function newestChange(): Promise<SettingsChangeEntry> {
  const page = dataOf(await call('settings/auditLog', {}, MEMBER_ACCOUNT_ID));
  const entry = page.entries[0];
  if (entry === undefined || !('change' in entry)) throw new Error('no change logged');
  expect(page.names[entry.accountId]).toBe('Ada Okafor');
  return entry;
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  call = plannerCaller(sandbox.host);
});
afterAll(() => sandbox.close());

describe('an OpenSLO import', () => {
  it('that adds SLOs logs their names', async () => {
    dataOf(await call('slo/import', { yaml: FIXTURE, version: 0 }, ADMIN_ACCOUNT_ID));
    const entry = await newestChange();
    // Logged when it was made, on the test clock (which runs on from TEST_NOW).
    expect(Date.parse(entry.at) - TEST_NOW.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(entry.at) - TEST_NOW.getTime()).toBeLessThan(120_000);
    expect(entry).toMatchObject({
      accountId: ADMIN_ACCOUNT_ID,
      projectKey: 'SHOP',
      change: {
        kind: 'slo-import',
        added: ['checkout-availability', 'checkout-minutes', 'search-latency'],
        replaced: [],
        deleted: [],
      },
    });
  });

  it('that would delete SLOs names them and changes nothing', async () => {
    const before = kvsSnapshot(sandbox.host);
    const answer = await call(
      'slo/import',
      { yaml: DEMO, version: await sloVersion() },
      ADMIN_ACCOUNT_ID,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', confirmDeletes: ['checkout-minutes', 'search-latency'] },
    });
    if (!answer.ok)
      expect(answer.error.message).toBe(
        'This file does not have 2 of the project\'s SLOs "checkout-minutes", "search-latency": importing it deletes them (their SLI data stays stored but is no longer used). Nothing was changed; confirm to delete them and import.',
      );
    expect(kvsSnapshot(sandbox.host)).toBe(before);
    expect(await sloNames()).toEqual([
      'checkout-availability',
      'checkout-minutes',
      'search-latency',
    ]);
  });

  it('asks again when the confirmation leaves one of them out', async () => {
    const answer = await call(
      'slo/import',
      { yaml: DEMO, version: await sloVersion(), confirmDeletes: ['checkout-minutes'] },
      ADMIN_ACCOUNT_ID,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', confirmDeletes: ['checkout-minutes', 'search-latency'] },
    });
  });

  it('confirmed, deletes them and logs what it added, replaced and deleted', async () => {
    const view = dataOf(
      await call(
        'slo/import',
        {
          yaml: DEMO,
          version: await sloVersion(),
          confirmDeletes: ['checkout-minutes', 'search-latency'],
        },
        ADMIN_ACCOUNT_ID,
      ),
    );
    expect(view.slos.map((s) => s.name)).toEqual([
      'checkout-availability',
      'checkout-latency',
      'search-availability',
    ]);
    expect((await newestChange()).change).toEqual({
      kind: 'slo-import',
      added: ['checkout-latency', 'search-availability'],
      replaced: ['checkout-availability'],
      deleted: ['checkout-minutes', 'search-latency'],
    });
  });

  it('of the same file again changes nothing and logs nothing', async () => {
    const total = dataOf(await call('settings/auditLog', {}, MEMBER_ACCOUNT_ID)).total;
    dataOf(await call('slo/import', { yaml: DEMO, version: await sloVersion() }, ADMIN_ACCOUNT_ID));
    expect(dataOf(await call('settings/auditLog', {}, MEMBER_ACCOUNT_ID)).total).toBe(total);
  });
});

describe('deleting an SLO from the form', () => {
  it('logs its name', async () => {
    dataOf(
      await call(
        'slo/delete',
        { name: 'search-availability', version: await sloVersion() },
        ADMIN_ACCOUNT_ID,
      ),
    );
    expect((await newestChange()).change).toEqual({
      kind: 'slo-delete',
      name: 'search-availability',
    });
  });
});

describe('an error-budget policy change', () => {
  it('logs each changed field, old → new, as the settings page words it', async () => {
    const current = dataOf(await call('settings/get', {}, ADMIN_ACCOUNT_ID));
    dataOf(
      await call(
        'settings/save',
        {
          config: {
            ...current.config,
            errorBudget: {
              ...current.config.errorBudget,
              atRiskBelow: 0.2,
              unfreezeHold: 12 * 3_600_000,
            },
          },
          version: current.version,
        },
        ADMIN_ACCOUNT_ID,
      ),
    );
    expect((await newestChange()).change).toEqual({
      kind: 'policy-change',
      changes: [
        { field: 'At risk below', from: '25%', to: '20%' },
        { field: 'Held for', from: '24 hours', to: '12 hours' },
      ],
    });
  });

  it('is not logged when a save leaves the policy as it was', async () => {
    const total = dataOf(await call('settings/auditLog', {}, MEMBER_ACCOUNT_ID)).total;
    const current = dataOf(await call('settings/get', {}, ADMIN_ACCOUNT_ID));
    dataOf(
      await call(
        'settings/save',
        {
          config: { ...current.config, incidentJql: 'labels = incident' },
          version: current.version,
        },
        ADMIN_ACCOUNT_ID,
      ),
    );
    expect(dataOf(await call('settings/auditLog', {}, MEMBER_ACCOUNT_ID)).total).toBe(total);
  });
});
