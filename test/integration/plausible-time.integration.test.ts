/**
 * Plausible time for pushed data (issue #19, item 5), replayed through the real signed web
 * triggers: SLI minutes in 9999 and 1970, deployments finishing in 9999 or before they started,
 * incidents resolved before they started — each refused (400, the field named), nothing stored,
 * and the DORA figures recomputed afterwards are those from before. The SLI push's GET never
 * reports data up to a future time, even for data stored before the check existed. The window is
 * LIMITS.futureSkewMinutes ahead and LIMITS.historyDays back (src/domain/limits.ts), from the web
 * trigger's clock (the test clock here).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import { toStored, type SliRawRecord } from '../../src/app/slo/sli-chunks';
import { sliRawKey } from '../../src/app/slo/storage-keys';
import type { Envelope } from '../../src/contract/envelope';
import type { DeliveryData, IncidentsData, SnapshotAnswer } from '../../src/contract/project-page';
import type { RotatedSecretView } from '../../src/contract/slo';
import { LIMITS } from '../../src/domain/limits';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';
import { callResolver, kvsSnapshot } from '../support/resolver-calls';

const MINUTE = 60_000;
const DAY = 86_400_000;
let sandbox: AppSandbox;
let base: string;
let closeListener: () => Promise<void>;
let secret: string;

async function admin<T>(functionKey: string, payload: unknown = {}): Promise<T> {
  const answer = await callResolver(sandbox.host, functionKey, ADMIN_ACCOUNT_ID, payload, {
    project: { key: 'SHOP' },
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data as T;
}

async function section<T>(functionKey: string): Promise<T> {
  const envelope = (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-page',
    functionKey,
    accountId: MEMBER_ACCOUNT_ID,
    extension: { type: 'jira:projectPage', project: { key: 'SHOP' } },
  })) as Envelope<SnapshotAnswer<T>>;
  if (!envelope.ok || envelope.data.status !== 'ready') throw new Error('no snapshot');
  return envelope.data.data;
}

/** The DORA figures and the incidents the page shows, after a fresh recompute. */
async function doraFigures(): Promise<unknown> {
  const outcomes = await sandbox.host.deliverEvent('ballast-metrics-refresh', {
    projectKey: 'SHOP',
  });
  expect(outcomes.every((o) => o.ok)).toBe(true);
  const delivery = await section<DeliveryData>('project/delivery');
  const incidents = await section<IncidentsData>('project/incidents');
  // Periods end at the recompute's own instant ("to"), which moves with the clock; the figures don't.
  return JSON.parse(
    JSON.stringify({ delivery: delivery.delivery, incidents }, (key, value: unknown) =>
      key === 'to' ? undefined : value,
    ),
  ) as unknown;
}

const at = (ms: number) => new Date(ms).toISOString();
const minuteAgo = (minutes: number) =>
  Math.floor((Date.now() - minutes * MINUTE) / MINUTE) * MINUTE;

let before: unknown;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  base = `${listener.url}/x1`;
  const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
  await admin('slo/import', { yaml, version: 0 });
  secret = (await admin<RotatedSecretView>('push/rotateSecret')).secret;
  // Plausible data first, so the figures compared afterwards are not all empty.
  const now = Date.now();
  expect(
    (
      await push(`${base}/ballast-deployment-push`, secret, {
        id: 'deploy-ok',
        service: 'checkout',
        environment: 'production',
        status: 'success',
        startedAt: at(now - 2 * DAY - 10 * MINUTE),
        finishedAt: at(now - 2 * DAY),
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await push(`${base}/ballast-incident-push`, secret, {
        id: 'incident-ok',
        service: 'checkout',
        title: 'Checkout errors',
        startedAt: at(now - DAY),
        resolvedAt: at(now - DAY + 3_600_000),
      })
    ).status,
  ).toBe(200);
  before = await doraFigures();
}, 120_000);

afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

/** 400, BAD_REQUEST naming `field`, the message saying `says`, and the storage byte for byte as before. */
async function expectRefused(
  trigger: string,
  body: unknown,
  expected: { field: string; says: string },
): Promise<void> {
  const snapshot = kvsSnapshot(sandbox.host);
  const answer = await push(`${base}/${trigger}`, secret, body);
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  const error = answer.body.error as { field: string; message: string };
  expect(error.field).toBe(expected.field);
  expect(error.message).toContain(expected.says);
  expect(kvsSnapshot(sandbox.host)).toBe(snapshot);
}

const point = (start: string, end: string) => ({
  slo: 'checkout-availability',
  start,
  end,
  good: 10,
  total: 10,
});

describe('SLI minutes', () => {
  it('a minute in 9999 is refused naming the field', async () => {
    await expectRefused(
      'ballast-sli-push',
      { batchId: 'year-9999', points: [point('9999-01-01T00:00:00Z', '9999-01-01T00:01:00Z')] },
      { field: 'points[0].start', says: 'is more than 5 minutes in the future' },
    );
  });

  it('a minute in 1970 is refused naming the field', async () => {
    await expectRefused(
      'ballast-sli-push',
      { batchId: 'year-1970', points: [point('1970-01-01T00:00:00Z', '1970-01-01T00:01:00Z')] },
      { field: 'points[0].start', says: `is older than ${LIMITS.historyDays.limit} days` },
    );
  });

  it('the one implausible point of a batch refuses the whole batch, naming it', async () => {
    const fine = minuteAgo(10);
    const future = minuteAgo(-10);
    await expectRefused(
      'ballast-sli-push',
      {
        batchId: 'mixed',
        points: [point(at(fine), at(fine + MINUTE)), point(at(future), at(future + MINUTE))],
      },
      { field: 'points[1].start', says: 'in the future' },
    );
  });

  it('minutes just inside the window are accepted: ending 4 minutes ahead, starting 399 days back', async () => {
    const ahead = minuteAgo(-3);
    const old = minuteAgo(399 * 24 * 60);
    const answer = await push(`${base}/ballast-sli-push`, secret, {
      batchId: 'edges',
      points: [point(at(ahead), at(ahead + MINUTE)), point(at(old), at(old + MINUTE))],
    });
    expect(answer).toEqual({ status: 200, body: { ok: true, accepted: 2, duplicate: false } });
  });

  it('GET never reports data up to a future time, even for data stored before the check', async () => {
    const last = minuteAgo(20);
    expect(
      (
        await push(`${base}/ballast-sli-push`, secret, {
          batchId: 'recent',
          points: [point(at(last), at(last + MINUTE))],
        })
      ).status,
    ).toBe(200);
    // A raw batch from 9999, as an earlier version stored it, not merged yet.
    const start = Date.parse('9999-01-01T00:00:00Z');
    const record: SliRawRecord = {
      v: 1,
      batchId: 'stored-9999',
      receivedAt: at(Date.now()),
      intervals: [toStored({ start, end: start + MINUTE, good: 0, total: 10 })],
    };
    sandbox.host.kvs.store.set(
      { kind: 'kv' },
      sliRawKey('checkout-availability', '9999-01-01', 'stored-9999'),
      record,
      {},
    );
    const status = await push(`${base}/ballast-sli-push`, secret, null, { method: 'GET' });
    expect(status.status).toBe(200);
    const slos = status.body.slos as { slo: string; dataUntil: string | null }[];
    const availability = slos.find((s) => s.slo === 'checkout-availability');
    // The latest plausible data: the minute pushed 3 minutes ahead in the edge test above.
    expect(Date.parse(availability?.dataUntil ?? '')).toBeLessThanOrEqual(
      Date.now() + LIMITS.futureSkewMinutes.limit * MINUTE,
    );
    for (const s of slos) {
      if (s.dataUntil !== null)
        expect(Date.parse(s.dataUntil)).toBeLessThanOrEqual(Date.now() + 5 * MINUTE);
    }
  });
});

const deployment = (times: { startedAt?: string; finishedAt: string }) => ({
  id: `deploy-${times.finishedAt}`,
  service: 'checkout',
  environment: 'production',
  status: 'success',
  ...times,
});

describe('deployments', () => {
  it('finishing in 9999 is refused naming finishedAt', async () => {
    await expectRefused(
      'ballast-deployment-push',
      deployment({ finishedAt: '9999-12-31T00:00:00Z' }),
      { field: 'finishedAt', says: 'is more than 5 minutes in the future' },
    );
  });

  it('finishing before it started is refused naming finishedAt', async () => {
    const now = Date.now();
    await expectRefused(
      'ballast-deployment-push',
      deployment({ startedAt: at(now - 3_600_000), finishedAt: at(now - 7_200_000) }),
      { field: 'finishedAt', says: 'is before startedAt' },
    );
  });

  it('finished in 1970 is refused naming finishedAt', async () => {
    await expectRefused(
      'ballast-deployment-push',
      deployment({ finishedAt: '1970-01-01T00:00:00Z' }),
      { field: 'finishedAt', says: 'is older than 400 days' },
    );
  });
});

describe('incidents', () => {
  const incident = (times: Record<string, string>) => ({
    id: `incident-${Object.values(times).join('-')}`,
    service: 'checkout',
    title: 'Checkout errors',
    ...times,
  });

  it('resolved before it started is refused naming resolvedAt', async () => {
    const now = Date.now();
    await expectRefused(
      'ballast-incident-push',
      incident({ startedAt: at(now - 3_600_000), resolvedAt: at(now - 7_200_000) }),
      { field: 'resolvedAt', says: 'is before startedAt' },
    );
  });

  it('detected before it started is refused naming detectedAt', async () => {
    const now = Date.now();
    await expectRefused(
      'ballast-incident-push',
      incident({ startedAt: at(now - 3_600_000), detectedAt: at(now - 7_200_000) }),
      { field: 'detectedAt', says: 'is before startedAt' },
    );
  });

  it('starting in 9999 is refused naming startedAt', async () => {
    await expectRefused('ballast-incident-push', incident({ startedAt: '9999-01-01T00:00:00Z' }), {
      field: 'startedAt',
      says: 'in the future',
    });
  });

  it('an update of a stored incident that ends before it started is refused, the stored one kept', async () => {
    await expectRefused(
      'ballast-incident-push',
      {
        id: 'incident-ok',
        service: 'checkout',
        title: 'Checkout errors',
        startedAt: at(Date.now() - DAY),
        resolvedAt: at(Date.now() - 2 * DAY),
      },
      { field: 'resolvedAt', says: 'it cannot end before it started' },
    );
  });
});

describe('after every refusal', () => {
  it('the DORA figures and the incidents are those from before', async () => {
    expect(await doraFigures()).toEqual(before);
  });
});
