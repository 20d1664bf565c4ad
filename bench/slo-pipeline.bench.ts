/**
 * The SLO data path on the sandbox (issue #7/#10): the demo seed's 35 days × 3 SLOs pushed through
 * the signed web trigger and rolled up; then the steady state — a 5-minute push and the fiveMinute
 * job's incremental compaction + roll-up (it must stay far inside the job's time limit), one full
 * 2,000-point batch ingested, and `slo/list` answering from the rolled-up status.
 */
import { seedApp } from '../sandbox/app-seed/seed-app';
import { callSigned } from '../sandbox/app-seed/signed-push';
import type { ForgeHost } from '../sandbox/forge/host';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../sandbox/jira';
import { withAppHost } from './app-host';
import { time, type BenchSuite } from './harness';

const MINUTE = 60_000;
const SLOS = ['checkout-availability', 'checkout-latency', 'search-availability'];

const withHost = <T>(fn: (host: ForgeHost) => Promise<T>): Promise<T> =>
  withAppHost(({ host }) => fn(host));

async function push(host: ForgeHost, secret: string, body: unknown): Promise<void> {
  const answer = await callSigned(host, 'ballast-sli-push', JSON.stringify(body), secret);
  if (answer.statusCode !== 200) throw new Error(`push refused: ${answer.body ?? ''}`);
}

const points = (slo: string, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    slo,
    start: new Date(from + i * MINUTE).toISOString(),
    end: new Date(from + (i + 1) * MINUTE).toISOString(),
    good: 999,
    total: 1000,
  }));

const suite: BenchSuite = {
  title: 'SLO data path (push API, compaction, roll-up)',
  async run() {
    const seed = await time(() => withHost((host) => seedApp(host, { variant: 'demo' })), {
      runs: 3,
      warmup: 0,
    });
    return withHost(async (host) => {
      await seedApp(host, { variant: 'demo' });
      const resolver = (functionKey: string, accountId: string) =>
        host.invokeResolver({
          moduleKey: 'ballast-issue-panel',
          functionKey,
          payload: {},
          accountId,
          extension: { project: { key: 'SHOP' } },
        }) as Promise<{ ok: boolean; data: { secret: string } }>;
      const { secret } = (await resolver('push/rotateSecret', ADMIN_ACCOUNT_ID)).data;
      let round = 0;
      const fiveMinutes = async () => {
        round += 1;
        const from = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
        await push(host, secret, {
          batchId: `steady-${round}`,
          points: SLOS.flatMap((slo) => points(slo, from, 5)),
        });
        await host.runScheduled('ballast-slo-refresh');
      };
      let big = 0;
      const bigBatch = async () => {
        big += 1;
        const from =
          Math.floor(Date.now() / MINUTE) * MINUTE - 40 * 86_400_000 - big * 2000 * MINUTE;
        await push(host, secret, {
          batchId: `big-${big}`,
          points: points('checkout-latency', from, 2000),
        });
      };
      return [
        {
          name: 'seed: import 3 SLOs, push 35 days × 3 SLOs (151,200 minutes, 78 batches) and 50 deployments, roll up',
          aim: 'a fresh `npm start` stays quick (connector bench: backfill well under a minute)',
          timing: seed,
        },
        {
          name: 'steady state: push 5 minutes × 3 SLOs, then the fiveMinute job (compaction + incremental roll-up)',
          aim: 'far inside the job’s 240 s timeout (Forge scheduled functions)',
          timing: await time(fiveMinutes, { runs: 5, warmup: 1 }),
        },
        {
          name: 'ingest one full batch (2,000 one-minute points, signed, validated, one transaction)',
          aim: 'far inside a web trigger’s 55 s',
          timing: await time(bigBatch, { runs: 5, warmup: 1 }),
        },
        {
          name: '`slo/list` for SHOP from the rolled-up status (3 SLOs)',
          aim: 'a few hundred ms for a settings page',
          timing: await time(() => resolver('slo/list', MEMBER_ACCOUNT_ID), { runs: 7, warmup: 2 }),
        },
      ];
    });
  },
};

export default suite;
