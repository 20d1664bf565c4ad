/**
 * Latency (threshold) SLOs fed from a real Prometheus, cross-checked three ways: a histogram of
 * three days (test/fixtures/prometheus/latency-histogram.ts: incidents, idle minutes, a scrape gap)
 * is backfilled with promtool and served on a loopback port; `ballast sli sync` runs as a real
 * process with test/fixtures/connector/latency.openslo.yaml and pushes each minute's
 * histogram_quantile value to the app on the sandbox, which judges it by the SLO's op and value and
 * rolls it up. The app's SLI must equal
 *  1. the independent count from the generator's truth (good minutes / minutes with data), exactly;
 *  2. PromQL's own threshold SLI over the same histogram, to 1e-12:
 *     `avg_over_time(((Q < bool 0.3) and (Q >= 0))[w:1m])`. `Q < bool 0.3` alone would be 0 — a
 *     bad minute — where Q is NaN (no requests); `and (Q >= 0)` drops those minutes, as Ballast
 *     counts a minute without data as missing, never good or bad (PRODUCT.md §4).
 *
 * Subquery alignment: the subquery evaluates Q at the whole minutes in [at − w, at] (2.x); with
 * w = span − 1 s these are the ends of the minutes start … at − 1m, each value the data point of
 * the minute ending there — the minutes the connector pushed.
 *
 * Skips with a message when promtool/prometheus are absent (on CI it fails instead).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { RotatedSecretView, SloListView } from '../../src/contract/slo';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/slo';
import { VERDICTS, latencyData } from '../fixtures/prometheus/latency-histogram';
import {
  prometheusAvailable,
  startLocalPrometheus,
  type LocalPrometheus,
} from '../fixtures/prometheus/local-prometheus';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { testClockChildEnv } from '../support/test-clock';

const SPEC_PATH = 'test/fixtures/connector/latency.openslo.yaml';
const available = prometheusAvailable();
const MISSING = 'promtool/prometheus are not installed (Debian package "prometheus")';
if (!available && !process.env.CI) console.warn(`Latency cross-check skipped: ${MISSING}`);

// Three days of history ending an hour ago, so the 28-day window holds all of it.
const NOW = Date.now();
const START = Math.floor(NOW / DAY_MS) * DAY_MS - 3 * DAY_MS;
const END = Math.floor(NOW / HOUR_MS) * HOUR_MS - HOUR_MS;
const MINUTES = (END - START) / MINUTE_MS;
const DATA = latencyData(START, MINUTES);
const iso = (t: number) => new Date(t).toISOString();

const Q = (quantile: number) =>
  `histogram_quantile(${quantile}, sum by (le) (rate(ballast_latency_seconds_bucket[1m])))`;

/** Independent: good minutes and minutes with data, from the generator's truth. */
function truth(which: 'p99' | 'median'): { good: number; data: number } {
  const verdicts = DATA.kinds.map((k) => VERDICTS[k]).filter((v) => v !== null);
  return { good: verdicts.filter((v) => v[which]).length, data: verdicts.length };
}

describe.runIf(!available && Boolean(process.env.CI))('the latency cross-check on CI', () => {
  it('needs promtool and prometheus installed', () => {
    throw new Error(`Latency cross-check cannot run on CI: ${MISSING}; .ci/run must install it`);
  });
});

describe.skipIf(!available)('latency SLOs from a real Prometheus histogram', () => {
  let prometheus: LocalPrometheus;
  let sandbox: AppSandbox;
  let dir: string;
  let secretFile: string;
  let rotated: RotatedSecretView;
  let closeListener: (() => Promise<void>) | undefined;

  async function call<T>(key: string, payload: unknown = {}): Promise<T> {
    const envelope = (await sandbox.host.invokeResolver({
      moduleKey: 'ballast-issue-panel',
      functionKey: key,
      payload,
      accountId: ADMIN_ACCOUNT_ID,
      extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP', id: '10000' } },
    })) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${key}: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  }

  async function promql(query: string, at: number): Promise<number | null> {
    const url = `${prometheus.url}/api/v1/query?query=${encodeURIComponent(query)}&time=${at / 1000}`;
    const body = (await (await fetch(url)).json()) as {
      status: string;
      error?: string;
      data: { result: { value: [number, string] }[] };
    };
    if (body.status !== 'success') throw new Error(`PromQL failed: ${query}: ${body.error}`);
    const value = body.data.result[0]?.value[1];
    return value === undefined || value === 'NaN' ? null : Number(value);
  }

  function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/ballast.mjs', ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: testClockChildEnv(),
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
  }

  beforeAll(async () => {
    prometheus = await startLocalPrometheus(DATA.openMetrics);
    sandbox = await startAppSandbox();
    const listener = await sandbox.host.listen();
    closeListener = () => listener.close();
    const { version } = await call<SloListView>('slo/list');
    await call('slo/import', { yaml: readFileSync(SPEC_PATH, 'utf8'), version });
    rotated = await call<RotatedSecretView>('push/rotateSecret');
    dir = mkdtempSync(join(tmpdir(), 'ballast-latency-'));
    secretFile = join(dir, 'secret');
    writeFileSync(secretFile, `${rotated.secret}\n`, { mode: 0o600 });
  }, 120_000);

  afterAll(async () => {
    prometheus?.stop();
    await closeListener?.();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pushes each minute’s quantile; the minutes without data are counted as gaps', async () => {
    const run = await cli([
      'sli',
      'sync',
      '--prometheus',
      prometheus.url,
      '--spec',
      SPEC_PATH,
      '--target',
      rotated.urls.sli!,
      '--secret-file',
      secretFile,
      '--since',
      '3d',
      '--until',
      iso(END),
      '--once',
    ]);
    expect(run.code).toBe(0);
    await sandbox.host.runScheduled('ballast-slo-refresh');
    const { data } = truth('p99');
    const missing = MINUTES - data;
    // 180 gap minutes and 20 idle ones have no data, in each of the two SLOs; one batch per UTC
    // day (three whole days and today's first hours) per SLO.
    expect(missing).toBe(200);
    expect(run.stdout.split('\n').at(-2)).toBe(
      `synced slos=2 batches=8 points=${2 * data} accepted=${2 * data} duplicates=0 missing-minutes=${2 * missing} gaps=${2 * missing} resets=0 inconsistent=0`,
    );
  }, 180_000);

  it.each([
    ['shop-search-p99', 'p99', `((${Q(0.99)} < bool 0.3) and (${Q(0.99)} >= 0))`],
    ['shop-search-median', 'median', `((${Q(0.5)} <= bool 0.1) and (${Q(0.5)} >= 0))`],
  ] as const)(
    '%s: the app’s SLI equals the count from the truth and PromQL’s threshold SLI',
    async (name, which, good) => {
      const summary = (await call<SloListView>('slo/list')).slos.find((s) => s.name === name)!;
      const status = summary.status!;
      expect(summary.dataUntil).toBe(iso(END));
      const expected = truth(which);
      // 1. Independent of Prometheus and of the engine: the generator's truth.
      expect(status.sli).toBe(expected.good / expected.data);
      expect(status.totalEvents).toBe(expected.data);
      expect(status.badEvents).toBe(expected.data - expected.good);
      // 2. PromQL over the same histogram.
      const w = `${(END - START) / 1000 - 1}s`;
      const prom = await promql(`avg_over_time(${good}[${w}:1m])`, END);
      expect(Math.abs(status.sli! - prom!)).toBeLessThan(1e-12);
      const counted = await promql(`count_over_time(${good}[${w}:1m])`, END);
      expect(counted).toBe(expected.data);
    },
    60_000,
  );

  it('shows the p99 incident in PromQL and the app alike: every minute of it bad', async () => {
    const during = START + (1440 + 660) * MINUTE_MS;
    expect(await promql(Q(0.99), during)).toBeCloseTo(0.46, 9);
    const summary = (await call<SloListView>('slo/list')).slos.find(
      (s) => s.name === 'shop-search-p99',
    )!;
    // 90 + 30 incident minutes and 2% at random spend far more than the 1% budget.
    expect(summary.status!.budgetRemaining).toBeLessThan(0);
    expect(summary.state).toBe('FROZEN');
  });
});
