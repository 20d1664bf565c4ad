/**
 * Releases during a freeze are visible (issue #22 item 2): a deployment pushed while SHOP's gate is
 * FROZEN is marked on its record, listed on the Delivery page and written to the audit log, with
 * what let it through — nothing, every item exempt, or an admin's override (by name) — in the
 * release gate's own verdicts. A backfilled deployment (finished hours before it was recorded) is
 * not judged against today's gate, and a retried push writes nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import type { StoredDeployment } from '../../src/app/delivery/push-log';
import type { Envelope } from '../../src/contract/envelope';
import type { ReleaseDuringFreezeEntry } from '../../src/contract/planner';
import type { DeliveryData, SnapshotAnswer } from '../../src/contract/project-page';
import type { AuditLogView } from '../../src/contract/resolvers';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { prepareCheckout, pushOutage } from '../support/checkout-outage';
import { push } from '../support/push-client';
import { dataOf, plannerCaller, settingsCaller } from './planner-support';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let closeListener: () => Promise<void>;
let url: string;
let secret: string;
let plain: string;
let exempt: string;

const deployment = (id: string, issueKeys: string[], finishedAt = new Date()) => ({
  id,
  service: 'checkout',
  environment: 'production',
  status: 'success',
  finishedAt: finishedAt.toISOString(),
  issueKeys,
});

const stored = (id: string) =>
  sandbox.host.kvs.store
    .entries({ kind: 'kv' })
    .map((e) => e.item.value as StoredDeployment)
    .find((v) => typeof v === 'object' && v !== null && 'finishedAt' in v && v.id === id);

async function auditReleases(): Promise<ReleaseDuringFreezeEntry[]> {
  const view = await settingsCaller(sandbox.host, MEMBER_ACCOUNT_ID)<AuditLogView>(
    'settings/auditLog',
    {},
  );
  return view.entries.filter(
    (e): e is ReleaseDuringFreezeEntry => 'kind' in e && e.kind === 'releaseDuringFreeze',
  );
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  url = `${listener.url}/x1/ballast-deployment-push`;
  secret = await prepareCheckout(sandbox);
  const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
  const fresh = new Set(jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id));
  [plain, exempt] = jira.state.issues
    .filter(
      (i) =>
        i.issueTypeId === story.id &&
        fresh.has(i.statusId) &&
        !i.properties.ballast &&
        !i.parentId &&
        i.labels.length === 0,
    )
    .map((i) => i.key) as [string, string];
  jira.state.issues.find((i) => i.key === exempt)!.labels.push('security');
}, 60_000);
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('a deployment recorded while the gate is FROZEN', () => {
  it('is not marked while the gate is not frozen', async () => {
    expect((await push(url, secret, deployment('before-freeze', [plain]))).status).toBe(200);
    expect(stored('before-freeze')).toBeDefined();
    expect(stored('before-freeze')!.freezes).toBeUndefined();
    expect(await auditReleases()).toEqual([]);
  });

  it('is marked with nothing that allowed it when a feature item is not exempt', async () => {
    await pushOutage(sandbox, listenerUrl(), secret);
    expect((await push(url, secret, deployment('frozen-plain', [plain]))).status).toBe(200);
    const freezes = stored('frozen-plain')!.freezes!;
    expect(freezes).toHaveLength(1);
    expect(freezes[0]).toMatchObject({
      projectKey: 'SHOP',
      allowedBy: null,
      override: null,
      items: [{ key: plain, allowed: false, rule: 'frozen' }],
      frozenBy: ['checkout-availability'],
    });
    expect(freezes[0]!.items[0]!.message).toMatch(
      /^feature work is frozen: error budget spent for checkout-availability/,
    );
    const [entry] = await auditReleases();
    expect(entry).toMatchObject({
      kind: 'releaseDuringFreeze',
      accountId: '',
      projectKey: 'SHOP',
      allowedBy: null,
      deployment: { id: 'frozen-plain', service: 'checkout', issueKeys: [plain] },
      frozenBy: ['checkout-availability'],
    });
  });

  it('is marked as allowed by exemption when every item is exempt', async () => {
    expect((await push(url, secret, deployment('frozen-exempt', [exempt]))).status).toBe(200);
    expect(stored('frozen-exempt')!.freezes![0]).toMatchObject({
      allowedBy: 'exempt',
      items: [{ key: exempt, allowed: true, rule: 'exempt-label' }],
    });
  });

  it('is marked as allowed by the override in force, naming who recorded it', async () => {
    dataOf(
      await plannerCaller(sandbox.host)(
        'gate/recordOverride',
        { reason: 'Payment provider hotfix', hours: 4 },
        ADMIN_ACCOUNT_ID,
      ),
    );
    expect((await push(url, secret, deployment('frozen-override', [plain]))).status).toBe(200);
    expect(stored('frozen-override')!.freezes![0]).toMatchObject({
      allowedBy: 'override',
      // The account id only: the name is looked up when shown (app/privacy/stored-people.ts).
      override: {
        accountId: ADMIN_ACCOUNT_ID,
        reason: 'Payment provider hotfix',
      },
    });
    expect(stored('frozen-override')!.freezes![0]!.override).not.toHaveProperty('by');
    const entries = await auditReleases();
    expect(entries.map((e) => [e.deployment.id, e.allowedBy])).toEqual([
      ['frozen-override', 'override'],
      ['frozen-exempt', 'exempt'],
      ['frozen-plain', null],
    ]);
  });

  it('writes nothing twice for a retried push, and does not judge a backfill', async () => {
    const again = await push(url, secret, deployment('frozen-plain', [plain]));
    expect(again.body).toMatchObject({ ok: true, duplicate: true });
    const old = new Date(Date.now() - 2 * 3_600_000);
    expect((await push(url, secret, deployment('backfill', [plain], old))).status).toBe(200);
    expect(stored('backfill')!.freezes).toBeUndefined();
    expect((await auditReleases()).length).toBe(3);
  });

  it('is still marked, with a note, when Jira cannot be read for its items', async () => {
    // Every read of the item fails (5xx, all attempts): the gate is Ballast's own data.
    jira.faults.addRule({
      method: 'GET',
      path: new RegExp(`/issue/${plain}$`),
      count: 20,
      fault: { kind: '5xx', status: 503 },
    });
    try {
      expect((await push(url, secret, deployment('frozen-jira-down', [plain]))).status).toBe(200);
    } finally {
      jira.faults.clearRules();
    }
    expect(stored('frozen-jira-down')!.freezes).toEqual([
      {
        projectKey: 'SHOP',
        allowedBy: 'override',
        override: expect.objectContaining({ accountId: ADMIN_ACCOUNT_ID }) as unknown,
        items: [],
        frozenBy: ['checkout-availability'],
        note: 'Its items could not be read from Jira when it was recorded.',
      },
    ]);
  });

  it('lists them on the Delivery page, newest first, with what let each through', async () => {
    const outcomes = await sandbox.host.deliverEvent('ballast-metrics-refresh', {
      projectKey: 'SHOP',
    });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const envelope = (await sandbox.host.invokeResolver({
      moduleKey: 'ballast-project-page',
      functionKey: 'project/delivery',
      accountId: MEMBER_ACCOUNT_ID,
      extension: { type: 'jira:projectPage', project: { key: 'SHOP' } },
    })) as Envelope<SnapshotAnswer<DeliveryData>>;
    if (!envelope.ok || envelope.data.status !== 'ready') throw new Error('no snapshot');
    const releases = envelope.data.data.delivery.freezeReleases!;
    expect(releases.map((r) => [r.deployment.id, r.allowedBy])).toEqual([
      ['frozen-jira-down', 'override'],
      ['frozen-override', 'override'],
      ['frozen-exempt', 'exempt'],
      ['frozen-plain', null],
    ]);
    expect(envelope.data.data.delivery.deployments.total).toBe(6);
    // Who recorded the override, by name, looked up as the page is served (not stored).
    expect(envelope.data.data.people).toEqual({ [ADMIN_ACCOUNT_ID]: 'Ada Okafor' });
  });
});

let listenerBase = '';
function listenerUrl(): string {
  if (listenerBase === '') listenerBase = url.replace(/\/x1\/.*$/, '');
  return listenerBase;
}
