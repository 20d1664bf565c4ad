/**
 * Latency (OpenSLO `thresholdMetric`) SLOs end to end on the sandbox: imported from
 * test/fixtures/slo/latency.openslo.yaml, fed through the signed push API with each minute's raw
 * value (the app judges it by the SLO's `op` and `value`) or with good/total counted against the
 * threshold by the sender, rolled up by the real job; the project page shows the figures and the
 * rule, and a latency SLO that spends its budget freezes the planner's gate like a ratio SLO.
 *
 * Expected figures are computed by hand from the pushed values (independent of the engine):
 * search-p99 (Timeslices, p99 < 0.3 s, 99%): 60 minutes, the last 15 at 0.45 s, one exactly at
 * 0.3 s (not < 0.3: bad) → 44 good minutes of 60; budget 1 − (16/60)/0.01 = −2566.67%.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { SlosData, SnapshotAnswer } from '../../src/contract/project-page';
import type { RotatedSecretView } from '../../src/contract/slo';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';
import { ACTIVE_SPRINT, dataOf, plannerCaller } from './planner-support';

const MINUTE = 60_000;
const YAML = readFileSync('test/fixtures/slo/latency.openslo.yaml', 'utf8');
let sandbox: AppSandbox;
let closeListener: () => Promise<void>;
let sliUrl: string;
let secret: string;
/** The hour of data ends at the current minute. */
const end = Math.floor(Date.now() / MINUTE) * MINUTE;
const minuteIso = (i: number) => new Date(end - (60 - i) * MINUTE).toISOString();

function call<T>(functionKey: string, accountId: string, payload: unknown = {}) {
  return sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-page',
    functionKey,
    payload,
    accountId,
    extension: { type: 'jira:projectPage', project: { key: 'SHOP' } },
  }) as Promise<Envelope<T>>;
}

async function data<T>(promise: Promise<Envelope<T>>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.data;
}

/** Minute i's p99 in seconds: 0.21 s, minute 44 exactly at the threshold, the last 15 at 0.45 s. */
const p99 = (i: number): number => (i >= 45 ? 0.45 : i === 44 ? 0.3 : 0.21);

const valuePoints = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => ({
    slo: 'search-p99',
    start: minuteIso(from + k),
    end: minuteIso(from + k + 1),
    value: p99(from + k),
  }));

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  sliUrl = `${listener.url}/x1/ballast-sli-push`;
  await data(call('slo/import', ADMIN_ACCOUNT_ID, { yaml: YAML, version: 0 }));
  secret = (await data(call<RotatedSecretView>('push/rotateSecret', ADMIN_ACCOUNT_ID))).secret;
}, 60_000);
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('the push API for a latency SLO', () => {
  it('refuses a value for a ratio SLO, a value with counts, and a value over more than a minute', async () => {
    const ratio = await push(sliUrl, secret, {
      batchId: 'v-ratio',
      points: [{ slo: 'search-availability', start: minuteIso(0), end: minuteIso(1), value: 0.2 }],
    });
    expect(ratio).toEqual({
      status: 400,
      body: {
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          field: 'points[0].value',
          message:
            'points[0].value: SLO search-availability has a ratio SLI, which has no threshold to compare a value with; push good and total for it.',
        },
      },
    });
    const both = await push(sliUrl, secret, {
      batchId: 'v-both',
      points: [{ ...valuePoints(0, 1)[0], good: 1, total: 1 }],
    });
    expect(both).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', field: 'points[0].value' } },
    });
    expect(JSON.stringify(both.body)).toContain('either value');
    const long = await push(sliUrl, secret, {
      batchId: 'v-long',
      points: [{ slo: 'search-p99', start: minuteIso(0), end: minuteIso(2), value: 0.2 }],
    });
    expect(long).toMatchObject({ status: 400, body: { error: { field: 'points[0].end' } } });
    expect(JSON.stringify(long.body)).toContain('one minute');
    // Nothing of the refused batches was stored.
    const status = await push(sliUrl, secret, null, { method: 'GET' });
    const slos = status.body.slos as { slo: string; dataUntil: string | null }[];
    expect(slos.find((s) => s.slo === 'search-p99')?.dataUntil).toBeNull();
  });

  it('stores each minute’s value as one event judged by the threshold, once per batch id', async () => {
    const first = { batchId: 'p99-a', points: valuePoints(0, 30) };
    expect(await push(sliUrl, secret, first)).toEqual({
      status: 200,
      body: { ok: true, accepted: 30, duplicate: false },
    });
    expect(await push(sliUrl, secret, first)).toEqual({
      status: 200,
      body: { ok: true, accepted: 0, duplicate: true },
    });
    expect(await push(sliUrl, secret, { batchId: 'p99-b', points: valuePoints(30, 60) })).toEqual({
      status: 200,
      body: { ok: true, accepted: 30, duplicate: false },
    });
    // search-median (Occurrences, median ≤ 0.1 s): the sender counts its own data points against
    // the threshold — 4 a minute, 3 of them good — and pushes good/total.
    const counted = Array.from({ length: 60 }, (_, i) => ({
      slo: 'search-median',
      start: minuteIso(i),
      end: minuteIso(i + 1),
      good: 3,
      total: 4,
    }));
    expect((await push(sliUrl, secret, { batchId: 'median', points: counted })).status).toBe(200);
    await sandbox.host.runScheduled('ballast-slo-refresh');
  });
});

describe('the project page and the planner with latency SLOs', () => {
  async function rows() {
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    return answer.data;
  }

  it('shows the Timeslices latency SLO with its rule, SLI, budget and burn rates', async () => {
    const slo = (await rows()).slos.find((s) => s.name === 'search-p99')!;
    expect(slo.objective).toBe(
      'A minute is good when its value is < 0.3; SLI = good minutes / minutes with data',
    );
    expect([slo.target, slo.window, slo.state]).toEqual([0.99, '28d', 'FROZEN']);
    expect(slo.sli).toBeCloseTo(44 / 60, 12);
    expect(slo.budgetRemaining).toBeCloseTo(1 - 16 / 60 / 0.01, 9);
    // The last hour [at − 1h, at) ends a few seconds after the data: it holds the 16 bad minutes
    // and all but those seconds of the first (good) minute, which the engine counts pro rata.
    const late = (Date.parse(slo.evaluatedAt!) - end) / MINUTE;
    expect(slo.burnRates.find((b) => b.window === '1h')?.rate).toBeCloseTo(
      16 / (60 - late) / 0.01,
      9,
    );
    // The last 5 minutes are all slow: 100% bad, burning at 100×; the page alert fires.
    expect(slo.burnRates.find((b) => b.window === '5m')?.rate).toBeCloseTo(100, 9);
    expect(slo.alerts.some((a) => a.firing && a.severity === 'page')).toBe(true);
    expect(slo.sliHistory.points.at(-1)?.sli).toBeCloseTo(44 / 60, 12);
  });

  it('shows the Occurrences latency SLO from counted points: 75% against 95%', async () => {
    const slo = (await rows()).slos.find((s) => s.name === 'search-median')!;
    expect(slo.objective).toBe(
      'A data point is good when its value is ≤ 0.1; SLI = good points / points',
    );
    expect(slo.sli).toBe(0.75);
    expect(slo.budgetRemaining).toBeCloseTo(1 - 0.25 / 0.05, 9);
    expect(slo.state).toBe('FROZEN');
  });

  it('keeps the ratio SLO without data as NO_DATA, its objective null', async () => {
    const slo = (await rows()).slos.find((s) => s.name === 'search-availability')!;
    expect([slo.state, slo.objective, slo.sli]).toEqual(['NO_DATA', null, null]);
  });

  it('freezes the project gate and the planner: no feature work in the sprint', async () => {
    const page = await rows();
    expect(page.gate.state).toBe('FROZEN');
    expect(page.gate.reasons.some((r) => r.startsWith('search-p99:'))).toBe(true);
    const planner = plannerCaller(sandbox.host);
    const view = dataOf(
      await planner('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
    );
    expect(view.gateState).toBe('FROZEN');
    expect(view.gate.statement.sentences.join(' ')).toContain('search-p99');
    expect(view.evaluation.byType.find((t) => t.type === 'feature')?.target.maxShare).toBe(0);
  });
});
