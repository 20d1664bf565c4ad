/**
 * The sandbox's app seed drives the real handlers (resolvers, signed web triggers, the fiveMinute
 * job) and leaves the demo project where the product brief puts it: checkout's availability budget
 * mostly spent by an incident, so the project's gate is AT_RISK — or, in the `frozen` variant,
 * spent, so the gate is FROZEN and feature work cannot start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import { SEED_DAYS } from '../../sandbox/app-seed/sli-traffic';
import type { Envelope } from '../../src/contract/envelope';
import type { SloListView } from '../../src/contract/slo';
import type { DeliveryData, SnapshotAnswer } from '../../src/contract/project-page';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function slos(box: AppSandbox): Promise<SloListView> {
  const envelope = (await box.host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: 'slo/list',
    payload: {},
    accountId: MEMBER_ACCOUNT_ID,
    extension: { project: { key: 'SHOP' } },
  })) as Envelope<SloListView>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.data;
}

describe('the app seed', () => {
  it(
    'leaves checkout availability AT_RISK after its incident, the other SLOs healthy',
    async () => {
      sandbox = await startAppSandbox();
      const report = await seedApp(sandbox.host, { variant: 'demo' });
      expect(report).toMatchObject({ sliPoints: 3 * SEED_DAYS * 1440, batches: 78 });
      expect(report.deployments).toBeGreaterThan(40);
      const view = await slos(sandbox);
      expect(view.slos.map((s) => [s.name, s.state])).toEqual([
        ['checkout-availability', 'AT_RISK'],
        ['checkout-latency', 'HEALTHY'],
        ['search-availability', 'HEALTHY'],
      ]);
      const checkout = view.slos[0]!.status!;
      expect(checkout.budgetRemaining).toBeGreaterThan(0);
      expect(checkout.budgetRemaining).toBeLessThan(0.25);
      // Every minute of the 28-day window has data: nothing is shown as missing.
      expect(checkout.dataCoverage).toBeGreaterThan(0.999);
      // The project page is ready with the board bound, the backlog classified, and the pushed
      // deployments of the project's services counted.
      const delivery = (await sandbox.host.invokeResolver({
        moduleKey: 'ballast-issue-panel',
        functionKey: 'project/delivery',
        payload: {},
        accountId: MEMBER_ACCOUNT_ID,
        extension: { project: { key: 'SHOP' } },
      })) as Envelope<SnapshotAnswer<DeliveryData>>;
      expect(delivery.ok && delivery.data.status).toBe('ready');
      if (delivery.ok && delivery.data.status === 'ready') {
        expect(delivery.data.data.delivery.hasDeploymentData).toBe(true);
        expect(delivery.data.data.sprintsReason).toBeNull();
      }
    },
    APP_SEED_TIMEOUT_MS,
  );

  it(
    'spends the budget in the frozen variant',
    async () => {
      sandbox = await startAppSandbox();
      await seedApp(sandbox.host, { variant: 'frozen' });
      const view = await slos(sandbox);
      expect(view.slos[0]).toMatchObject({ name: 'checkout-availability', state: 'FROZEN' });
      expect(view.slos[0]!.status!.budgetRemaining).toBeLessThan(0);
    },
    APP_SEED_TIMEOUT_MS,
  );
});
