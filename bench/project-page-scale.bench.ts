/**
 * The project page at scale (issue #10): the emulator's 10,000- and 50,000-issue seeds (50 sprints
 * each) with 100 ms of latency on every Jira call. For each: a cold recompute through the real
 * consumer (every run reads Jira again), its Jira calls against the fewest the data needs
 * (bench/project-page-bound.ts; aim calls/bound ≤ 1.1), its peak memory against Forge's 512 MB,
 * and `project/overview` answering from the fresh snapshot.
 */
import { loadavg } from 'node:os';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, NO_FAULTS, type SeedSize } from '../sandbox/jira';
import { withAppHost } from './app-host';
import { time, type BenchResult, type BenchSuite } from './harness';
import { describePeak, FORGE_MEMORY_MB, measurePeakMemory } from './memory-sampler';
import { projectPageCallBound } from './project-page-bound';

const ANCHOR = new Date('2026-11-20T12:00:00Z');
const LATENCY_MS = 100;
const BOARD_ID = 1;
const project = { type: 'jira:projectPage', project: { key: 'SHOP' } };

async function measureSize(size: SeedSize, label: string, runs: number): Promise<BenchResult[]> {
  return withAppHost(
    async ({ jira, host }) => {
      const resolve = async (functionKey: string, accountId: string, payload: unknown = {}) => {
        const answer = (await host.invokeResolver({
          moduleKey: 'ballast-project-page',
          functionKey,
          accountId,
          payload,
          extension: project,
        })) as { ok: boolean; data?: unknown };
        if (!answer.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(answer)}`);
        return answer;
      };
      const settings = (await resolve('settings/get', ADMIN_ACCOUNT_ID)) as {
        data: { config: Record<string, unknown>; version: number };
      };
      await resolve('settings/save', ADMIN_ACCOUNT_ID, {
        config: { ...settings.data.config, board: { boardId: BOARD_ID, estimationFieldId: null } },
        version: settings.data.version,
      });
      const recompute = async () => {
        const outcomes = await host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' });
        if (!outcomes.every((o) => o.ok))
          throw new Error(`recompute failed: ${JSON.stringify(outcomes)}`);
      };
      const bound = projectPageCallBound(jira.state, BOARD_ID);
      jira.faults.update({ ...NO_FAULTS, latencyMs: LATENCY_MS });
      const load = loadavg()[0]!.toFixed(1);
      jira.stats.reset();
      const { peak } = await measurePeakMemory(recompute);
      const calls = jira.stats.snapshot();
      const ratio = calls.total / bound.total;
      const recomputeTiming = await time(recompute, { runs, warmup: 0 });
      const overview = await time(() => resolve('project/overview', MEMBER_ACCOUNT_ID), {
        runs: 7,
        warmup: 1,
      });
      const heapGrowth = peak.peakHeapMb - peak.baseHeapMb;
      const results: BenchResult[] = [
        {
          name: `recompute the snapshot, ${label}, 100 ms per Jira call, via the consumer (cold: every run reads Jira)`,
          aim: 'far inside the consumer’s 300 s (manifest.yml timeoutSeconds)',
          timing: recomputeTiming,
          extra: {
            'load average (1 min) before': load,
            'Jira calls': calls.total,
            routes: Object.entries(calls.byRoute)
              .map(([r, n]) => `${r} ${n}`)
              .join(', '),
          },
        },
        {
          name: `Jira calls of one recompute, ${label}, against the fewest the data needs`,
          aim: 'calls/bound ≤ 1.1 (bound: bench/project-page-bound.ts)',
          timing: recomputeTiming,
          extra: {
            'calls/bound': `${calls.total}/${bound.total} = ${ratio.toFixed(2)}`,
            verdict: calls.total <= 1.1 * bound.total + 1e-9 ? 'meets the aim' : 'MISSES the aim',
            data: `${bound.uniqueIssues} issues in the 8 closed + active sprints (${bound.sprintMemberships} sprint memberships), ${bound.incidents} incidents, ${bound.actions} postmortem actions`,
          },
        },
        {
          name: `peak memory of one recompute, ${label} (app, Forge host and Jira emulator in one process)`,
          aim: `growth well under Forge’s ${FORGE_MEMORY_MB} MB per invocation`,
          timing: recomputeTiming,
          extra: {
            memory: describePeak(peak),
            verdict:
              heapGrowth < FORGE_MEMORY_MB / 2 ? 'meets the aim' : 'MISSES the aim (over half)',
          },
        },
        {
          name: `project/overview from the fresh snapshot, ${label}, 100 ms per Jira call (member)`,
          aim: 'a few hundred ms (issue #7)',
          timing: overview,
          extra: { 'Jira calls per answer': 1 },
        },
      ];
      return results;
    },
    { anchor: ANCHOR, size },
  );
}

const NOTES = `
**Call bound** (bench/project-page-bound.ts, from the emulator's data): 1 board configuration + ⌈sprints/50⌉ sprint
pages + ⌈U/100⌉ search pages for the U unique issues of the 8 closed + active sprints (Jira answers at most 100 issues
a page when fields are asked; platform.v3.json allows 5,000 only for ids) + per 1,000 of those issues
max(1, ⌈status/Sprint histories/10,000⌉) changelog pages + max(1, ⌈incidents/100⌉) + ⌈postmortem actions/100⌉. The
app's one call above it is GET /rest/api/3/field, which finds the site's Sprint field.

**What changed** (src/app/metrics/sprint-history.ts, sprint-field.ts): the recompute searched each sprint on its own,
reading carried-over issues once per sprint and ending each sprint with a partial page — 32 calls against a bound of
26 (1.23×) for 10,000 issues, 127 against 115 (1.10×) for 50,000. It now makes one search over all the sprints,
reads each issue's Sprint field for its membership, and asks the changelog only for the status and Sprint
histories: 27/26 (1.04×) and 116/115 (1.01×). searchAll has a result cap now (default 10,000; the recompute passes
20,000 explicitly).

**Memory**: app, Forge host and Jira emulator share one process, so the growth over the level before the run is an
upper bound of the app's own; Forge allows 512 MB per invocation.
`;

const suite: BenchSuite = {
  title: 'Project page at scale (100 ms Jira latency)',
  notes: NOTES,
  async run() {
    return [
      ...(await measureSize('large', '10,000 issues (large seed)', 3)),
      ...(await measureSize('huge', '50,000 issues (huge seed)', 2)),
    ];
  },
};

export default suite;
