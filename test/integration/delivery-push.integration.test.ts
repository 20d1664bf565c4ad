/**
 * The deployment and incident web triggers end to end on the sandbox: stored once per id, refused
 * unsigned or malformed with the field named, incidents updated by a later push of the same id,
 * and the stored records read back as the DORA metrics take them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { RotatedSecretView } from '../../src/contract/slo';
import {
  projectDeployments,
  projectIncidents,
  type StoredDeployment,
  type StoredIncident,
} from '../../src/app/delivery/push-log';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';

let sandbox: AppSandbox;
let base: string;
let closeListener: () => Promise<void>;
let secret: string;

const deployment = {
  id: 'pipeline-812',
  service: 'checkout',
  environment: 'production',
  status: 'success',
  startedAt: '2026-11-19T10:00:00Z',
  finishedAt: '2026-11-19T10:12:00Z',
  issueKeys: ['SHOP-12', 'SHOP-40'],
};

const stored = <T>(prefix: string): T[] =>
  sandbox.host.kvs.store
    .entries({ kind: 'kv' })
    .filter((e) => e.key.startsWith(prefix))
    .map((e) => e.item.value as T);

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  base = `${listener.url}/x1`;
  const envelope = (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: 'push/rotateSecret',
    payload: {},
    accountId: ADMIN_ACCOUNT_ID,
    extension: { project: { key: 'SHOP' } },
  })) as Envelope<RotatedSecretView>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  secret = envelope.data.secret;
  expect(envelope.data.urls).toEqual({
    sli: `${base}/ballast-sli-push`,
    deployments: `${base}/ballast-deployment-push`,
    incidents: `${base}/ballast-incident-push`,
    gateCheck: `${base}/ballast-gate-check`,
  });
});
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('the deployment push', () => {
  it('store a deployment once per id', async () => {
    const url = `${base}/ballast-deployment-push`;
    expect(await push(url, secret, deployment)).toEqual({
      status: 200,
      body: { ok: true, accepted: 1, duplicate: false },
    });
    expect(await push(url, secret, deployment)).toEqual({
      status: 200,
      body: { ok: true, accepted: 0, duplicate: true },
    });
    const records = stored<StoredDeployment>('deploy:');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject(deployment);
  });

  it('refuse bad deployments naming the field, and unsigned ones, storing nothing', async () => {
    const url = `${base}/ballast-deployment-push`;
    const badKey = { ...deployment, id: 'p-2', issueKeys: ['shop-1'] };
    expect(await push(url, secret, badKey)).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', field: 'issueKeys[0]' } },
    });
    const badStatus = { ...deployment, id: 'p-3', status: 'maybe' };
    expect(await push(url, secret, badStatus)).toMatchObject({
      status: 400,
      body: { error: { field: 'status' } },
    });
    expect(await push(url, null, { ...deployment, id: 'p-4' })).toMatchObject({ status: 401 });
    const notJson = await fetch(url, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(401);
    expect(stored('deploy:')).toHaveLength(1);
  });

  it('give the delivery metrics every production deployment of the project, with its outcome', async () => {
    const url = `${base}/ballast-deployment-push`;
    const others = [
      { ...deployment, id: 'p-5', environment: 'staging' },
      // A failed and a rolled-back deployment are change failures: they count.
      { ...deployment, id: 'p-6', status: 'failed' },
      { ...deployment, id: 'p-6b', status: 'rolled_back', environment: ' Production ' },
      { ...deployment, id: 'p-7', service: 'search', issueKeys: [] },
      { ...deployment, id: 'p-8', service: 'billing', issueKeys: ['OPS-1'] },
      { ...deployment, id: 'p-9', service: 'search', issueKeys: ['SHOP-3'] },
    ];
    for (const d of others) expect((await push(url, secret, d)).status).toBe(200);
    const mine = projectDeployments(stored<StoredDeployment>('deploy:'), {
      key: 'SHOP',
      services: ['checkout'],
    });
    expect(mine.map((d) => [d.id, d.status]).sort()).toEqual([
      ['p-6', 'failed'],
      ['p-6b', 'rolled_back'],
      ['p-9', 'success'],
      ['pipeline-812', 'success'],
    ]);
  });
});

describe('the incident push', () => {
  it('store an incident and replace it with its update', async () => {
    const url = `${base}/ballast-incident-push`;
    const opened = {
      id: 'pd-77',
      service: 'checkout',
      title: 'Card payments failing',
      startedAt: '2026-11-19T11:00:00Z',
      detectedAt: '2026-11-19T11:04:00Z',
    };
    expect((await push(url, secret, opened)).body).toEqual({
      ok: true,
      accepted: 1,
      duplicate: false,
    });
    expect((await push(url, secret, opened)).body).toEqual({
      ok: true,
      accepted: 0,
      duplicate: true,
    });
    const resolved = { ...opened, resolvedAt: '2026-11-19T11:40:00Z', deploymentId: 'p-6b' };
    expect((await push(url, secret, resolved)).body).toEqual({
      ok: true,
      accepted: 1,
      duplicate: false,
    });
    expect(projectIncidents(stored<StoredIncident>('incident:'), ['checkout'])).toEqual([
      {
        key: 'pd-77',
        // The incident tool's title: the Incidents page lists a pushed incident by it.
        title: 'Card payments failing',
        service: 'checkout',
        deploymentId: 'p-6b',
        startedAt: '2026-11-19T11:00:00Z',
        detectedAt: '2026-11-19T11:04:00Z',
        resolvedAt: '2026-11-19T11:40:00Z',
      },
    ]);
    // Another project's services, but caused by one of this project's deployments: it counts.
    expect(
      projectIncidents(stored<StoredIncident>('incident:'), ['search'], ['p-6b']).map((i) => i.key),
    ).toEqual(['pd-77']);
    expect(projectIncidents(stored<StoredIncident>('incident:'), ['search'])).toEqual([]);
    expect(await push(url, secret, { ...opened, id: 'x', startedAt: 'yesterday' })).toMatchObject({
      status: 400,
      body: { error: { field: 'startedAt' } },
    });
  });
});
