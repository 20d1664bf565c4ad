/**
 * The error-budget policy is the project's own, agreed in advance and editable (PRODUCT.md §4): the
 * admin lowers the AT_RISK threshold and the next roll-up follows it; a policy that would flap or
 * is out of range is refused naming the field, keeping the stored one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { SettingsView } from '../../src/contract/settings';
import type { SloListView } from '../../src/contract/slo';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;

async function call<T>(
  key: string,
  accountId: string,
  payload: unknown = {},
): Promise<Envelope<T>> {
  return (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: key,
    payload,
    accountId,
    extension: { project: { key: 'SHOP' } },
  })) as Envelope<T>;
}

const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const checkoutState = async () =>
  data(await call<SloListView>('slo/list', MEMBER_ACCOUNT_ID)).slos.find(
    (s) => s.name === 'checkout-availability',
  )!.state;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  await seedApp(sandbox.host, { variant: 'demo' });
}, APP_SEED_TIMEOUT_MS);
afterAll(() => sandbox.close());

describe("the project's error-budget policy", () => {
  it('starts as the Workbook example: AT_RISK below 25% remaining', async () => {
    const view = data(await call<SettingsView>('settings/get', MEMBER_ACCOUNT_ID));
    expect(view.config.errorBudget).toMatchObject({
      atRiskBelow: 0.25,
      unfreezeAtOrAbove: 0.05,
      unfreezeHold: 24 * 3_600_000,
      postmortemBudgetShare: 0.2,
    });
    expect(await checkoutState()).toBe('AT_RISK');
  });

  it('refuses a policy that would flap, naming the field, and keeps the stored one', async () => {
    const view = data(await call<SettingsView>('settings/get', ADMIN_ACCOUNT_ID));
    const envelope = await call<SettingsView>('settings/save', ADMIN_ACCOUNT_ID, {
      config: {
        ...view.config,
        errorBudget: { ...view.config.errorBudget, unfreezeAtOrAbove: -1 },
      },
      version: view.version,
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('errorBudget');
    const after = data(await call<SettingsView>('settings/get', ADMIN_ACCOUNT_ID));
    expect(after.version).toBe(view.version);
    expect(after.config.errorBudget.unfreezeAtOrAbove).toBe(0.05);
  });

  it('is followed by the next roll-up after the admin lowers the AT_RISK threshold', async () => {
    const view = data(await call<SettingsView>('settings/get', ADMIN_ACCOUNT_ID));
    const member = await call<SettingsView>('settings/save', MEMBER_ACCOUNT_ID, {
      config: { ...view.config, errorBudget: { ...view.config.errorBudget, atRiskBelow: 0.1 } },
      version: view.version,
    });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    data(
      await call<SettingsView>('settings/save', ADMIN_ACCOUNT_ID, {
        config: { ...view.config, errorBudget: { ...view.config.errorBudget, atRiskBelow: 0.1 } },
        version: view.version,
      }),
    );
    await sandbox.host.runScheduled('ballast-slo-refresh');
    // About 15% of checkout's budget is left: above the new 10% threshold.
    expect(await checkoutState()).toBe('HEALTHY');
  });
});
