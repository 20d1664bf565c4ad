/**
 * Truthful answers to concurrent pushes (issue #19, item 5 replayed, item 6): the same request sent
 * several times at once is answered "accepted" exactly once and "duplicate" the other times, and
 * stored once; the same batch or deployment id with other content is a 409 that names the id, and
 * what is stored is the accepted push's data — never a silent replacement. Through the real web
 * triggers on the sandbox, whose KVS follows Forge's documented atomic create (`FAIL_IF_EXISTS`)
 * and write-returning-previous (`returnValue: 'PREVIOUS'`), see src/app/push/push-claim.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSigned } from '../../sandbox/app-seed/signed-push';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { callResolver, fullExtension } from '../support/resolver-calls';

let sandbox: AppSandbox;
let secret: string;
const SLO = 'checkout-availability';
const MINUTE = 60_000;
const COPIES = 6;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const call = async <T>(key: string, payload: unknown) => {
    const answer = (await callResolver(
      sandbox.host,
      key,
      ADMIN_ACCOUNT_ID,
      payload,
      fullExtension('SHOP-1'),
    )) as Envelope<T>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  await call('slo/import', {
    yaml: readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'),
    version: 0,
  });
  ({ secret } = await call<{ secret: string }>('push/rotateSecret', {}));
}, 60_000);
afterAll(() => sandbox.close());

interface Answer {
  status: number;
  body: {
    ok: boolean;
    accepted?: number;
    duplicate?: boolean;
    error?: { code: string; message: string; field?: string };
  };
}

async function pushAll(trigger: string, bodies: readonly string[]): Promise<Answer[]> {
  const answers = await Promise.all(
    bodies.map((body) => callSigned(sandbox.host, trigger, body, secret)),
  );
  return answers.map((a) => ({
    status: a.statusCode,
    body: JSON.parse(a.body ?? '{}') as Answer['body'],
  }));
}

const kvKeys = (prefix: string): string[] =>
  Object.keys(sandbox.host.kvs.store.state.kv).filter((k) => k.startsWith(prefix));
const kvValue = (key: string): unknown => sandbox.host.kvs.store.state.kv[key]?.value;

const minuteAgo = (n: number): number => Math.floor(Date.now() / MINUTE) * MINUTE - n * MINUTE;
const sliBatch = (batchId: string, start: number, good: number) =>
  JSON.stringify({
    batchId,
    points: [
      {
        slo: SLO,
        start: new Date(start).toISOString(),
        end: new Date(start + MINUTE).toISOString(),
        good,
        total: 100,
      },
    ],
  });

/** Exactly one accepted answer and the rest duplicates, all 200. */
function expectOneAccepted(answers: readonly Answer[], accepted: number): void {
  expect(
    answers.map((a) => a.status),
    JSON.stringify(answers),
  ).toEqual(Array(answers.length).fill(200));
  const winners = answers.filter((a) => a.body.duplicate === false);
  expect(winners.length, JSON.stringify(answers)).toBe(1);
  expect(winners[0]!.body.accepted).toBe(accepted);
  const duplicates = answers.filter((a) => a.body.duplicate === true);
  expect(duplicates.length).toBe(answers.length - 1);
  for (const d of duplicates) expect(d.body.accepted).toBe(0);
}

/** One 200 accepted and one 409 CONFLICT naming `id` in `field`; returns the accepted index. */
function expectOneConflict(answers: readonly Answer[], id: string, field: string): number {
  const accepted = answers.findIndex((a) => a.status === 200);
  expect(accepted, JSON.stringify(answers)).toBeGreaterThanOrEqual(0);
  expect(answers[accepted]!.body).toEqual({ ok: true, accepted: 1, duplicate: false });
  const refused = answers[1 - accepted]!;
  expect(refused.status, JSON.stringify(refused)).toBe(409);
  expect(refused.body.error).toMatchObject({ code: 'CONFLICT', field });
  expect(refused.body.error!.message).toContain(`"${id}"`);
  expect(refused.body.error!.message).toMatch(/different data/);
  return accepted;
}

describe('SLI pushes of one batch id at once', () => {
  it(`${COPIES} simultaneous copies of one batch: 1 accepted, ${COPIES - 1} duplicates, stored once`, async () => {
    const start = minuteAgo(20);
    const answers = await pushAll(
      'ballast-sli-push',
      Array.from({ length: COPIES }, () => sliBatch('copies-1', start, 97)),
    );
    expectOneAccepted(answers, 1);
    expect(kvKeys('sli-raw:').filter((k) => k.endsWith(':copies-1'))).toHaveLength(1);
    expect(kvValue('sli-batch:copies-1')).toMatchObject({ v: 2, state: 'stored', points: 1 });
    // Sent again later: still a duplicate, nothing more stored.
    const [again] = await pushAll('ballast-sli-push', [sliBatch('copies-1', start, 97)]);
    expect(again!.body).toEqual({ ok: true, accepted: 0, duplicate: true });
    expect(kvKeys('sli-raw:').filter((k) => k.endsWith(':copies-1'))).toHaveLength(1);
  });

  it('two different bodies with one batch id at once: one accepted, the other 409 naming the batch; the accepted one is stored', async () => {
    const start = minuteAgo(30);
    const bodies = [sliBatch('clash-1', start, 91), sliBatch('clash-1', start, 42)];
    const answers = await pushAll('ballast-sli-push', bodies);
    const accepted = expectOneConflict(answers, 'clash-1', 'batchId');
    const raws = kvKeys('sli-raw:').filter((k) => k.endsWith(':clash-1'));
    expect(raws).toHaveLength(1);
    const good = [91, 42][accepted]!;
    expect((kvValue(raws[0]!) as { intervals: unknown }).intervals).toEqual([
      [start, start + MINUTE, good, 100],
    ]);
    // Later, too: the id with other data is refused, the stored data stays.
    const [late] = await pushAll('ballast-sli-push', [sliBatch('clash-1', start, 7)]);
    expect(late!.status).toBe(409);
    expect((kvValue(raws[0]!) as { intervals: unknown }).intervals).toEqual([
      [start, start + MINUTE, good, 100],
    ]);
  });

  it('the same points in another order and time format are the same batch (a duplicate)', async () => {
    const start = minuteAgo(40);
    const points = [0, 1].map((i) => ({
      slo: SLO,
      start: new Date(start + i * MINUTE).toISOString(),
      end: new Date(start + (i + 1) * MINUTE).toISOString(),
      good: 10 + i,
      total: 20,
    }));
    const first = JSON.stringify({ batchId: 'order-1', points });
    const second = JSON.stringify({
      batchId: 'order-1',
      points: [...points].reverse().map((p) => ({
        ...p,
        start: p.start.replace('.000Z', 'Z'),
        end: p.end.replace('.000Z', 'Z'),
      })),
    });
    const [a] = await pushAll('ballast-sli-push', [first]);
    const [b] = await pushAll('ballast-sli-push', [second]);
    expect(a!.body).toEqual({ ok: true, accepted: 2, duplicate: false });
    expect(b!.body).toEqual({ ok: true, accepted: 0, duplicate: true });
  });
});

describe('deployment pushes of one id at once', () => {
  const deployment = (id: string, status: string) =>
    JSON.stringify({
      id,
      service: 'checkout',
      environment: 'production',
      status,
      finishedAt: new Date(minuteAgo(5)).toISOString(),
      issueKeys: ['SHOP-1'],
    });

  it(`${COPIES} simultaneous copies: 1 accepted, ${COPIES - 1} duplicates, stored once`, async () => {
    const answers = await pushAll(
      'ballast-deployment-push',
      Array.from({ length: COPIES }, () => deployment('deploy-copies', 'success')),
    );
    expectOneAccepted(answers, 1);
    expect(kvKeys('deploy:').filter((k) => k.endsWith(':deploy-copies'))).toHaveLength(1);
  });

  it('two different bodies with one id at once: one accepted, the other 409 naming the id; the accepted one is stored', async () => {
    const statuses = ['success', 'failed'];
    const answers = await pushAll(
      'ballast-deployment-push',
      statuses.map((s) => deployment('deploy-clash', s)),
    );
    const accepted = expectOneConflict(answers, 'deploy-clash', 'id');
    const stored = kvKeys('deploy:').filter((k) => k.endsWith(':deploy-clash'));
    expect(stored).toHaveLength(1);
    expect(kvValue(stored[0]!)).toMatchObject({ status: statuses[accepted] });
  });

  it('a retry that differs only in its times (the CLI stamps now) is a duplicate', async () => {
    const at = (minutes: number) =>
      JSON.stringify({
        ...(JSON.parse(deployment('deploy-retry', 'success')) as object),
        finishedAt: new Date(minuteAgo(minutes)).toISOString(),
      });
    const [first] = await pushAll('ballast-deployment-push', [at(3)]);
    const [retry] = await pushAll('ballast-deployment-push', [at(1)]);
    expect(first!.body).toEqual({ ok: true, accepted: 1, duplicate: false });
    expect(retry!.body).toEqual({ ok: true, accepted: 0, duplicate: true });
    expect(kvKeys('deploy:').filter((k) => k.endsWith(':deploy-retry'))).toHaveLength(1);
  });

  it('a deployment id stored before digests ({ key } only) is compared by its record', async () => {
    const body = deployment('deploy-legacy', 'success');
    const [first] = await pushAll('ballast-deployment-push', [body]);
    expect(first!.body.duplicate).toBe(false);
    const item = sandbox.host.kvs.store.state.kv['deploy-id:deploy-legacy']!;
    item.value = { key: (item.value as { key: string }).key };
    const [same] = await pushAll('ballast-deployment-push', [body]);
    expect(same!.body).toEqual({ ok: true, accepted: 0, duplicate: true });
    const [other] = await pushAll('ballast-deployment-push', [
      deployment('deploy-legacy', 'rolled_back'),
    ]);
    expect(other!.status).toBe(409);
  });
});

describe('incident pushes of one id at once', () => {
  const incident = (resolved: boolean) =>
    JSON.stringify({
      id: 'inc-copies',
      service: 'checkout',
      title: 'Checkout errors',
      startedAt: new Date(minuteAgo(90)).toISOString(),
      ...(resolved ? { resolvedAt: new Date(minuteAgo(10)).toISOString() } : {}),
    });

  it(`${COPIES} simultaneous copies: 1 accepted, ${COPIES - 1} duplicates; then an update is accepted once`, async () => {
    expectOneAccepted(
      await pushAll(
        'ballast-incident-push',
        Array.from({ length: COPIES }, () => incident(false)),
      ),
      1,
    );
    expect(kvValue('incident:inc-copies')).not.toHaveProperty('resolvedAt');
    // An incident changes: its update (resolved), sent six times at once, is accepted once.
    expectOneAccepted(
      await pushAll(
        'ballast-incident-push',
        Array.from({ length: COPIES }, () => incident(true)),
      ),
      1,
    );
    expect(kvValue('incident:inc-copies')).toHaveProperty('resolvedAt');
    expect(kvKeys('incident:')).toEqual(['incident:inc-copies']);
  });
});
