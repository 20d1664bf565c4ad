/**
 * The outage the gate tests share: checkout-availability (99.9%) losing 20% of its requests for the
 * last hour spends its 0.1% error budget many times over, so the roll-up freezes the project.
 */
import { readFileSync } from 'node:fs';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { RotatedSecretView } from '../../src/contract/slo';
import type { AppSandbox } from './app-sandbox';
import { push } from './push-client';

const MINUTE = 60_000;

/** 60 one-minute points ending at the current minute, 800 good of 1,000. */
export function outagePoints(now = Date.now()) {
  const end = Math.floor(now / MINUTE) * MINUTE;
  return Array.from({ length: 60 }, (_, i) => ({
    slo: 'checkout-availability',
    start: new Date(end - (60 - i) * MINUTE).toISOString(),
    end: new Date(end - (59 - i) * MINUTE).toISOString(),
    good: 800,
    total: 1000,
  }));
}

async function asAdmin<T>(sandbox: AppSandbox, key: string, payload: unknown): Promise<T> {
  const envelope = (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-settings',
    functionKey: key,
    payload,
    accountId: ADMIN_ACCOUNT_ID,
    extension: { project: { key: 'SHOP' } },
  })) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${key}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

/** As SHOP's admin: import test/fixtures/slo/checkout.openslo.yaml and create the push secret. */
export async function prepareCheckout(sandbox: AppSandbox): Promise<string> {
  const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
  await asAdmin(sandbox, 'slo/import', { yaml, version: 0 });
  return (await asAdmin<RotatedSecretView>(sandbox, 'push/rotateSecret', {})).secret;
}

/** Pushes the outage, signed, to the listening host and runs the fiveMinute job: FROZEN after. */
export async function pushOutage(
  sandbox: AppSandbox,
  listenerUrl: string,
  secret: string,
): Promise<void> {
  const answer = await push(`${listenerUrl}/x1/ballast-sli-push`, secret, {
    batchId: 'outage',
    points: outagePoints(),
  });
  if (answer.status !== 200) throw new Error(`outage push: ${answer.status}`);
  await sandbox.host.runScheduled('ballast-slo-refresh');
}

/** Both: the gate is FROZEN afterwards. */
export async function freezeCheckout(sandbox: AppSandbox, listenerUrl: string): Promise<void> {
  await pushOutage(sandbox, listenerUrl, await prepareCheckout(sandbox));
}
