/**
 * Connector speed (issue #9): backfilling 35 days × 3 SLOs at one-minute resolution (151,200
 * points in 105 batches) from a local Prometheus must take well under a minute. Prepared once: the
 * history of test/fixtures/connector/shop-data.ts backfilled by promtool into a real Prometheus on a
 * loopback port. Timed: `ballast sli sync --once` (in-process `main`, real HTTP) against
 * - a signed receiver (test/fixtures/connector/receiver.ts) served in the bench's own process, so
 *   its HMAC check and zod validation of every point share the CPU with the connector: at the
 *   default `--rate 10`, unthrottled, and as a dry run (queries and batching without pushes);
 * - the app on the sandbox (the real ballast-sli-push web trigger and KVS), once, unthrottled.
 */
import { readFileSync } from 'node:fs';
import { main } from '../src/cli/main';
import { DAY_MS, MINUTE_MS } from '../src/domain/slo';
import { ADMIN_ACCOUNT_ID } from '../sandbox/jira';
import type { Envelope } from '../src/contract/envelope';
import type { RotatedSecretView, SloListView } from '../src/contract/slo';
import { createReceiver, serveReceiver } from '../test/fixtures/connector/receiver';
import { shopData } from '../test/fixtures/connector/shop-data';
import {
  prometheusAvailable,
  startLocalPrometheus,
} from '../test/fixtures/prometheus/local-prometheus';
import { startAppSandbox } from '../test/support/app-sandbox';
import { time, type BenchResult, type BenchSuite } from './harness';

const SPEC = 'test/fixtures/connector/shop.openslo.yaml';
const SLOS = ['shop-checkout-availability', 'shop-search-latency', 'shop-checkout-minutes'];
const DAYS = 35;
const AIM = 'well under a minute (issue #9)';

async function sync(
  prometheus: string,
  target: string,
  secret: string,
  until: number,
  rate: string,
  ...extra: string[]
) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    [
      'sli',
      'sync',
      '--prometheus',
      prometheus,
      '--spec',
      SPEC,
      '--target',
      target,
      '--secret-file',
      'secret',
      '--since',
      `${DAYS}d`,
      '--until',
      new Date(until).toISOString(),
      '--once',
      '--rate',
      rate,
      ...extra,
    ],
    {
      readFile: (path) => (path === 'secret' ? secret : readFileSync(path, 'utf8')),
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    },
  );
  if (code !== 0) throw new Error(`sync exited ${code}: ${stderr}`);
  return /^(synced|dry-run) .*$/m.exec(stdout)![0];
}

/** One unthrottled sync into the app on the sandbox, the SLOs imported and a secret made first. */
async function intoTheApp(
  prometheus: string,
  until: number,
  minutes: number,
): Promise<BenchResult> {
  const sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  try {
    const call = async <T>(key: string, payload: unknown = {}): Promise<T> => {
      const envelope = (await sandbox.host.invokeResolver({
        moduleKey: 'ballast-issue-panel',
        functionKey: key,
        payload,
        accountId: ADMIN_ACCOUNT_ID,
        extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP', id: '10000' } },
      })) as Envelope<T>;
      if (!envelope.ok) throw new Error(`${key}: ${envelope.error.message}`);
      return envelope.data;
    };
    const { version } = await call<SloListView>('slo/list');
    await call('slo/import', { yaml: readFileSync(SPEC, 'utf8'), version });
    const rotated = await call<RotatedSecretView>('push/rotateSecret');
    let summary = '';
    const timing = await time(
      async () => {
        summary = await sync(prometheus, rotated.urls.sli!, rotated.secret, until, '1000');
      },
      { runs: 1, warmup: 0 },
    );
    return {
      name: 'sli sync --once into the app on the sandbox (web trigger + KVS), unthrottled',
      aim: AIM,
      timing,
      extra: { result: summary.replace(/^synced /, ''), minutes },
    };
  } finally {
    await listener.close();
    await sandbox.close();
  }
}

const suite: BenchSuite = {
  title: 'Prometheus connector: 35-day backfill of 3 SLOs',
  async run() {
    if (!prometheusAvailable())
      throw new Error('promtool/prometheus are not installed (Debian package "prometheus")');
    const start = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAYS * DAY_MS;
    const data = shopData(start, DAYS * 1440);
    const prometheus = await startLocalPrometheus(data.openMetrics);
    const results: BenchResult[] = [];
    try {
      const variants = [
        { label: '--rate 10 (the default)', rate: '10', extra: [] },
        { label: 'unthrottled', rate: '1000', extra: [] },
        {
          label: '--dry-run, unthrottled (Prometheus and batching only)',
          rate: '1000',
          extra: ['--dry-run'],
        },
      ];
      for (const { label, rate, extra } of variants) {
        let summary = '';
        const timing = await time(
          async () => {
            const receiver = createReceiver({ secret: 'bench', kind: 'sli', slos: SLOS });
            const { url, server } = await serveReceiver(receiver);
            try {
              summary = await sync(prometheus.url, url, 'bench', data.end, rate, ...extra);
            } finally {
              server.close();
            }
          },
          { runs: 3, warmup: 1 },
        );
        results.push({
          name: `sli sync --once to a signed receiver in the same process, ${label}`,
          aim: AIM,
          timing,
          extra: { result: summary.replace(/^(synced|dry-run) /, '') },
        });
      }
      try {
        results.push(
          await intoTheApp(prometheus.url, data.end, (data.end - data.start) / MINUTE_MS),
        );
      } catch (error) {
        // Recorded as absent rather than as a figure of something else.
        process.stdout.write(
          `bench: connector into the app skipped: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    } finally {
      prometheus.stop();
    }
    return results;
  },
};

export default suite;
