/**
 * Jira calls and rate-limit points per run of each background job on the demo seed (400 issues),
 * measured by the emulator's model of Jira's points-based quota (sandbox/jira/rate-cost.ts, after
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ "How points work": 1 point a
 * request, plus 1 per core object read and 2 per user or permission object; writes 1 point). The
 * pool is set far above any run, so nothing is refused and each figure is what the job costs.
 */
import { seedApp } from '../sandbox/app-seed/seed-app';
import { DOCUMENTED_RATE_LIMITS, MEMBER_ACCOUNT_ID, RateLimits } from '../sandbox/jira';
import type { ForgeHost } from '../sandbox/forge/host';
import type { JiraEmulator } from '../sandbox/jira';
import { withAppHost } from './app-host';
import { summarize, type BenchResult, type BenchSuite } from './harness';

const TIER1_POOL = DOCUMENTED_RATE_LIMITS.hourlyPoints;
const share = (points: number) => `${((points / TIER1_POOL) * 100).toFixed(2)}%`;

interface Env {
  jira: JiraEmulator;
  host: ForgeHost;
  limits: RateLimits;
}

/** Runs one job once and reports its Jira calls, their routes and the points they cost. */
async function measure(
  env: Env,
  name: string,
  aim: string,
  run: () => Promise<unknown>,
  options: { includeQueuedWork?: boolean } = {},
) {
  env.jira.stats.reset();
  const before = env.limits.charged.points;
  const started = performance.now();
  await run();
  // Triggers and queued events the run caused are its own work, unless they are measured apart.
  if (options.includeQueuedWork !== false) await env.host.idle();
  const ms = performance.now() - started;
  const { byRoute } = env.jira.stats.snapshot();
  const calls = Object.values(byRoute).reduce((sum, n) => sum + n, 0);
  const points = env.limits.charged.points - before;
  const routes = Object.entries(byRoute)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, n]) => `${route} ${n}`)
    .join(', ');
  const result: BenchResult = {
    name,
    aim,
    timing: summarize([ms]),
    extra: {
      'Jira calls': calls,
      points,
      'share of the 65,000-point Tier 1 hour': share(points),
      routes: routes === '' ? 'none' : routes,
    },
  };
  await env.host.idle();
  return { result, points };
}

const limitsForBench = () =>
  new RateLimits({ ...DOCUMENTED_RATE_LIMITS, hourlyPoints: 1e12, burstCapacity: 1e9 });

const suite: BenchSuite = {
  title: 'Jira calls and rate-limit points per job run (demo seed)',
  notes: [
    'One run of each job on the demo seed (400 issues, SLO data of the app seed), counted by the',
    'emulator: calls by route, and the points they cost under Atlassian’s documented cost model',
    '(https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). The share is of the',
    'Tier 1 pool, 65,000 points an hour for the app across all tenants. A resolver call would',
    'count against the same pool. Times are of one run (no warm-up) and only indicative.',
  ].join('\n'),
  async run() {
    const results: BenchResult[] = [];
    const freshLimits = limitsForBench();
    // The first full pass of the issue refresh, on an install where nothing was tagged yet.
    await withAppHost(
      async ({ jira, host }) => {
        const env = { jira, host, limits: freshLimits };
        await host.invokeResolver({
          moduleKey: 'ballast-project-page',
          functionKey: 'project/overview',
          accountId: MEMBER_ACCOUNT_ID,
          payload: {},
          extension: { project: { key: 'SHOP' } },
        });
        await host.idle();
        const pass = await measure(
          env,
          'issue refresh (hourly): the day’s full pass over 400 issues, first install',
          'a full pass a day; writes only changed issues',
          () => host.runScheduled('ballast-issue-refresh'),
        );
        results.push(pass.result);
        const again = await measure(
          env,
          'issue refresh (hourly): a later run the same day',
          'no Jira call until the next day’s pass',
          () => host.runScheduled('ballast-issue-refresh'),
        );
        results.push(again.result);
      },
      { anchor: new Date('2026-11-20T12:00:00Z'), rateLimits: freshLimits },
    );
    const limits = limitsForBench();
    await withAppHost(
      async ({ jira, host }) => {
        const env = { jira, host, limits };
        await seedApp(host, { variant: 'demo' });
        await host.idle();
        results.push(
          (
            await measure(
              env,
              'postmortems (hourly): the run that opens the demo incident’s postmortem',
              'one issue created per incident over 20% of a budget',
              () => host.runScheduled('ballast-postmortems'),
            )
          ).result,
          (
            await measure(
              env,
              'postmortems (hourly): a later run',
              'no Jira call when nothing new',
              () => host.runScheduled('ballast-postmortems'),
            )
          ).result,
          (
            await measure(
              env,
              'metrics consumer: recompute of the SHOP snapshot (one queued event)',
              'queued hourly per opened project page',
              () => host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' }),
            )
          ).result,
          (
            await measure(
              env,
              'metrics hourly job itself (queues one event per project; the consumer row above does the work)',
              'no Jira call',
              () => host.runScheduled('ballast-metrics-hourly').then(() => undefined),
              { includeQueuedWork: false },
            )
          ).result,
        );
        const project = jira.state.projects.find((p) => p.key === 'SHOP')!;
        const task = jira.state.issueTypes.find((t) => t.name === 'Task')!;
        const unclassified = jira.state.issues.find(
          (i) =>
            i.projectId === project.id &&
            i.issueTypeId === task.id &&
            !i.parentId &&
            i.labels.length === 0 &&
            // Still unclassified after the seed's refresh: opening it trains the first model.
            (i.properties.ballast as { workType?: string } | undefined)?.workType ===
              'unclassified',
        )!;
        await host.invokeResolver({
          moduleKey: 'ballast-issue-panel',
          functionKey: 'issue/get',
          accountId: MEMBER_ACCOUNT_ID,
          payload: { issueKey: unclassified.key },
          extension: {
            type: 'jira:issuePanel',
            project: { key: 'SHOP' },
            issue: { key: unclassified.key },
          },
        });
        await host.idle();
        results.push(
          (
            await measure(
              env,
              'suggestion model (hourly): retrain SHOP',
              'a few searches per project',
              () => host.runScheduled('ballast-suggestion-model'),
            )
          ).result,
          (
            await measure(
              env,
              'SLO refresh (every 5 minutes): compaction and roll-up',
              'no Jira call (storage only)',
              () => host.runScheduled('ballast-slo-refresh'),
            )
          ).result,
        );
      },
      { anchor: new Date('2026-11-20T12:00:00Z'), rateLimits: limits },
    );
    return results;
  },
};

export default suite;
