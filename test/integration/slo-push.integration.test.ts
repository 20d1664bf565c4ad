/**
 * SLOs and the signed SLI push API end to end on the sandbox: admins import OpenSLO and create the
 * signing secret; pushes are refused unless fresh, signed and valid (nothing partial stored);
 * duplicates and concurrent pushes lose nothing and count nothing twice; the fiveMinute job's
 * rolled-up status equals the engine's result on the same raw data.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { RotatedSecretView, SloListView } from '../../src/contract/slo';
import type { SliCountPoint } from '../../src/contract/push-api';
import {
  computeSloStatus,
  parseOpenSlo,
  sliSeriesFor,
  type SliInterval,
} from '../../src/domain/slo';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';

const YAML = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
const SLO = 'checkout-availability';
const MINUTE = 60_000;

let sandbox: AppSandbox;
let sliUrl: string;
let closeListener: () => Promise<void>;
let secret: string;
/** Two hours ago, on a whole minute: the pushed data ends before "now". */
const base = Math.floor(Date.now() / MINUTE) * MINUTE - 120 * MINUTE;

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
    extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
  })) as Envelope<T>;
}

function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

/** One-minute points of `slo` from minute `from` (after base) for `count` minutes. */
function points(
  from: number,
  count: number,
  bad: (minute: number) => number,
  slo = SLO,
): SliCountPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const minute = from + i;
    return {
      slo,
      start: new Date(base + minute * MINUTE).toISOString(),
      end: new Date(base + (minute + 1) * MINUTE).toISOString(),
      good: 1000 - bad(minute),
      total: 1000,
    };
  });
}

async function dataUntil(): Promise<Record<string, string | null>> {
  const answer = await push(sliUrl, secret, null, { method: 'GET' });
  expect(answer.status).toBe(200);
  const slos = answer.body.slos as { slo: string; dataUntil: string | null }[];
  return Object.fromEntries(slos.map((s) => [s.slo, s.dataUntil]));
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  sliUrl = `${listener.url}/x1/ballast-sli-push`;
});
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('SLO import and the push secret', () => {
  it('refuse pushes before a secret exists, saying how to create one', async () => {
    const answer = await push(sliUrl, 'guess', { batchId: 'b0', points: points(0, 1, () => 0) });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(JSON.stringify(answer.body)).toContain('project admin creates one');
  });

  it('let only project admins import OpenSLO and rotate the secret', async () => {
    expect(await call('slo/import', MEMBER_ACCOUNT_ID, { yaml: YAML, version: 0 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('push/rotateSecret', MEMBER_ACCOUNT_ID)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('slo/list', OUTSIDER_ACCOUNT_ID)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const imported = data(
      await call<SloListView>('slo/import', ADMIN_ACCOUNT_ID, { yaml: YAML, version: 0 }),
    );
    expect(imported.slos.map((s) => [s.name, s.service, s.target, s.window, s.state])).toEqual([
      ['checkout-availability', 'checkout', 0.999, '28d', 'NO_DATA'],
      ['checkout-minutes', 'checkout', 0.995, 'month', 'NO_DATA'],
      ['search-latency', 'search', 0.99, '30d', 'NO_DATA'],
    ]);
    expect(imported.version).toBe(1);
    const rotated = data(await call<RotatedSecretView>('push/rotateSecret', ADMIN_ACCOUNT_ID));
    expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.urls.sli).toBe(sliUrl);
    expect(rotated.previousSecretValidUntil).toBeNull();
    secret = rotated.secret;
  });

  it('refuse a broken OpenSLO file with each problem at its line, keeping the stored SLOs', async () => {
    const broken = YAML.replace('target: 0.999', 'target: 1.5');
    const envelope = await call<SloListView>('slo/import', ADMIN_ACCOUNT_ID, {
      yaml: broken,
      version: 1,
    });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('BAD_REQUEST');
    const line = broken.split('\n').findIndex((l) => l.includes('target: 1.5')) + 1;
    expect(envelope.error.problems?.[0]?.line).toBe(line);
    expect(envelope.error.problems?.[0]?.message).toContain('spec.objectives[0].target');
    const list = data(await call<SloListView>('slo/list', MEMBER_ACCOUNT_ID));
    expect(list.version).toBe(1);
    expect(list.slos).toHaveLength(3);
  });

  it('export the SLOs as OpenSLO that reads back to the same specs', async () => {
    const { yaml } = data(await call<{ yaml: string }>('slo/export', MEMBER_ACCOUNT_ID));
    const again = parseOpenSlo(yaml);
    const original = parseOpenSlo(YAML);
    expect(again.ok && original.ok && again.bundle).toEqual(original.ok && original.bundle);
  });
});

describe('the signed SLI push', () => {
  it('store a signed batch once; its repeat is a duplicate', async () => {
    const batch = { batchId: 'run-1', points: points(0, 30, (m) => (m === 10 ? 50 : 0)) };
    expect(await push(sliUrl, secret, batch)).toEqual({
      status: 200,
      body: { ok: true, accepted: 30, duplicate: false },
    });
    expect(await push(sliUrl, secret, batch)).toEqual({
      status: 200,
      body: { ok: true, accepted: 0, duplicate: true },
    });
    expect((await dataUntil())[SLO]).toBe(new Date(base + 30 * MINUTE).toISOString());
  });

  it('refuse tampered, stale, unsigned and malformed requests, storing nothing of them', async () => {
    const before = await dataUntil();
    const batch = { batchId: 'evil', points: points(30, 5, () => 0) };
    const tampered = await push(sliUrl, secret, batch, {
      tamper: (raw) => raw.replace('"good":1000', '"good":999'),
    });
    expect(tampered).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    const stale = await push(sliUrl, secret, batch, {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(stale).toMatchObject({ status: 401, body: { error: { code: 'STALE' } } });
    expect(await push(sliUrl, null, batch)).toMatchObject({ status: 401 });
    expect(await push(sliUrl, 'f'.repeat(64), batch)).toMatchObject({ status: 401 });

    const unknown = await push(sliUrl, secret, {
      batchId: 'u1',
      points: [...points(30, 2, () => 0), ...points(30, 1, () => 0, 'no-such-slo')],
    });
    expect(unknown).toMatchObject({
      status: 404,
      body: { ok: false, error: { code: 'UNKNOWN_SLO', field: 'points[2].slo' } },
    });
    const tooGood = points(30, 3, () => 0);
    tooGood[1] = { ...tooGood[1]!, good: 1001 };
    expect(await push(sliUrl, secret, { batchId: 'g1', points: tooGood })).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', field: 'points[1].good' } },
    });
    expect(
      await push(sliUrl, secret, { batchId: 'x1', points: points(30, 1, () => 0), extra: 1 }),
    ).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    const overlapping = [...points(30, 2, () => 0), ...points(31, 1, () => 0)];
    expect(await push(sliUrl, secret, { batchId: 'o1', points: overlapping })).toMatchObject({
      status: 400,
      body: { error: { field: 'points[2]' } },
    });
    expect(await push(sliUrl, secret, batch, { method: 'PUT' })).toMatchObject({ status: 405 });
    expect(await dataUntil()).toEqual(before);
  });

  it('lose nothing when many batches arrive at once, and roll up what the engine computes', async () => {
    const batches = Array.from({ length: 10 }, (_, k) => ({
      batchId: `parallel-${k}`,
      points: points(30 + k * 9, 9, (m) => (m % 7 === 0 ? 3 : 0)),
    }));
    const answers = await Promise.all(batches.map((b) => push(sliUrl, secret, b)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    await sandbox.host.runScheduled('ballast-slo-refresh');

    const list = data(await call<SloListView>('slo/list', MEMBER_ACCOUNT_ID));
    const summary = list.slos.find((s) => s.name === SLO)!;
    expect(summary.dataUntil).toBe(new Date(base + 120 * MINUTE).toISOString());
    const status = summary.status!;
    const sent: SliInterval[] = [
      ...points(0, 30, (m) => (m === 10 ? 50 : 0)),
      ...batches.flatMap((b) => b.points),
    ].map((p) => ({
      start: Date.parse(p.start),
      end: Date.parse(p.end),
      good: p.good,
      total: p.total,
    }));
    const parsed = parseOpenSlo(YAML);
    if (!parsed.ok) throw new Error('fixture');
    const spec = parsed.bundle.slos.find((s) => s.name === SLO)!;
    const expected = computeSloStatus(spec, sliSeriesFor(spec, sent), Date.parse(status.at));
    expect(status).toEqual(expected);
    expect(status.totalEvents).toBe(120_000);
    // 50 bad in minute 10, and 3 in each minute divisible by 7 among minutes 30…119 (35…119: 13).
    expect(status.badEvents).toBe(50 + 3 * 13);
    // 89 bad of 120,000 (120 allowed) leaves 25.8% of the budget, but at minute 11 the 50 bad
    // events had spent the 11 allowed so far: the policy froze, and leaving FROZEN needs ≥ 5%
    // held for 24 hours (hysteresis), so it is still FROZEN.
    expect(status.budgetRemaining).toBeCloseTo(1 - 89 / 120, 12);
    expect(summary.state).toBe('FROZEN');
  });

  it('keep accepting the previous secret for a day after a rotation', async () => {
    const old = secret;
    const rotated = data(await call<RotatedSecretView>('push/rotateSecret', ADMIN_ACCOUNT_ID));
    expect(rotated.previousSecretValidUntil).not.toBeNull();
    const late = { batchId: 'late-old', points: points(120, 1, () => 0) };
    expect((await push(sliUrl, old, late)).status).toBe(200);
    const fresh = { batchId: 'late-new', points: points(121, 1, () => 0) };
    expect((await push(sliUrl, rotated.secret, fresh)).status).toBe(200);
    secret = rotated.secret;
  });
});
