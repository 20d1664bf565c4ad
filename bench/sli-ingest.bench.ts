/**
 * SLI ingestion through the signed push API (issue #10): 10,000 one-minute points of one SLO
 * pushed to the real web trigger (signed like the CLI, validated, stored in one KVS transaction per
 * batch), as full 2,000-point batches (the largest the API takes) and as 100-point batches (a
 * connector pushing often). Reports points per second and the storage operations per point,
 * counted at the sandbox KVS (bench/kvs-counter.ts). The sandbox's own disk writes of its KVS file
 * are deferred to the end, as Forge has no such cost.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { callSigned } from '../sandbox/app-seed/signed-push';
import type { ForgeHost } from '../sandbox/forge/host';
import { ADMIN_ACCOUNT_ID } from '../sandbox/jira';
import { withAppHost } from './app-host';
import { time, type BenchResult, type BenchSuite } from './harness';
import { countKvs } from './kvs-counter';

const MINUTE = 60_000;
const POINTS = 10_000;
const SLO = 'checkout-latency';
const SPEC = new URL('../sandbox/app-seed/demo.openslo.yaml', import.meta.url);

async function admin<T>(host: ForgeHost, functionKey: string, payload: unknown): Promise<T> {
  const answer = (await host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey,
    payload,
    accountId: ADMIN_ACCOUNT_ID,
    extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
  })) as { ok: boolean; data?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${functionKey} failed: ${answer.error?.message}`);
  return answer.data as T;
}

const suite: BenchSuite = {
  title: 'SLI ingestion through the signed push API',
  async run() {
    return withAppHost(async ({ host }) => {
      const slos = await admin<{ version: number }>(host, 'slo/list', {});
      await admin(host, 'slo/import', { yaml: readFileSync(SPEC, 'utf8'), version: slos.version });
      const { secret } = await admin<{ secret: string }>(host, 'push/rotateSecret', {});
      // Every run pushes minutes no earlier run pushed, so nothing is a duplicate.
      let nextMinute = Math.floor(Date.now() / MINUTE) * MINUTE - 400 * 86_400_000;
      let batchNo = 0;
      const pushAll = async (batchSize: number) => {
        for (let sent = 0; sent < POINTS; sent += batchSize) {
          batchNo += 1;
          const points = Array.from({ length: Math.min(batchSize, POINTS - sent) }, () => {
            const start = nextMinute;
            nextMinute += MINUTE;
            return {
              slo: SLO,
              start: new Date(start).toISOString(),
              end: new Date(start + MINUTE).toISOString(),
              good: 995,
              total: 1000,
            };
          });
          const body = JSON.stringify({ batchId: `bench-${batchNo}`, points });
          const answer = await callSigned(host, 'ballast-sli-push', body, secret);
          if (answer.statusCode !== 200) throw new Error(`push refused: ${answer.body ?? ''}`);
        }
      };
      const measure = async (batchSize: number): Promise<BenchResult> =>
        host.kvs.deferPersistence(async () => {
          const load = loadavg()[0]!.toFixed(1);
          const { counts } = await countKvs(() => pushAll(batchSize));
          const timing = await time(() => pushAll(batchSize), { runs: 3, warmup: 0 });
          const batches = Math.ceil(POINTS / batchSize);
          return {
            name: `ingest ${POINTS.toLocaleString('en')} points as ${batches} signed batches of ${batchSize.toLocaleString('en')} (web trigger → validation → KVS transaction)`,
            aim: 'each call far inside a web trigger’s 55 s; storage operations per point well below 1',
            timing,
            extra: {
              'load average (1 min) before': load,
              'points/s': Math.round(POINTS / (timing.medianMs / 1000)).toLocaleString('en'),
              'KVS calls per point': (counts.totalCalls / POINTS).toFixed(4),
              'KVS item operations per point': (counts.itemOperations / POINTS).toFixed(4),
              'KVS calls': Object.entries(counts.calls)
                .map(([op, n]) => `${op} ${n}`)
                .join(', '),
            },
          };
        });
      return [await measure(2000), await measure(100)];
    });
  },
};

export default suite;
