/**
 * Ballast inside Jira's rate limits, as Atlassian enforces them for apps
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): the emulator models the
 * hourly points pool, the burst buckets and their headers (sandbox/jira/rate-limits.ts) on a
 * virtual clock that the app's Jira waits and the host's queue delays share, so a Retry-After of
 * twenty minutes passes at once.
 *
 * - A resolver never waits past its 25 s: when Jira asks for longer it answers at once with a
 *   retryable JIRA_RATE_LIMITED saying when to try again; a short burst wait is waited out.
 * - The metrics consumer waits out a quota reset that fits its 300 s, else queues the same event
 *   again with a delay (@forge/events `delayInSeconds`, at most 900 s) until Jira accepts calls.
 * - The scheduled jobs stop cleanly and the next run resumes: the issue refresh from its saved
 *   progress, the suggestion model keeps its last model, postmortems keep no half-claimed marker;
 *   the SLO roll-up and the metrics hourly job make no Jira call at all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import { MEMBER_ACCOUNT_ID, RateLimits, WORK_TYPE_FIELD } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { callResolver } from '../support/resolver-calls';
import { VirtualClock } from '../support/virtual-clock';

const TENANT = 'sandbox-tenant';
const QUOTA_MESSAGE =
  'Jira is throttling Ballast: the app has used its hourly allowance of Jira requests.';

let clock: VirtualClock;
let limits: RateLimits;
let sandbox: AppSandbox;
let uninstallClock: () => void;

beforeEach(async () => {
  clock = new VirtualClock(Date.parse('2026-11-20T12:40:00Z'));
  // Unlimited until a test spends the pool: the setup's own calls must not be refused.
  limits = new RateLimits({ hourlyPoints: 10_000_000, burstCapacity: 10_000 }, clock.nowMs);
  sandbox = await startAppSandbox({ rateLimits: limits, sleep: clock.sleep });
  uninstallClock = clock.install();
});
afterEach(async () => {
  uninstallClock();
  await sandbox.close();
});

/** Leaves `points` in this hour's pool, and 10,000 in each later hour. */
function leave(points: number): void {
  const used = limits.used(TENANT);
  limits.update({ hourlyPoints: used + 10_000 });
  limits.spend(TENANT, 10_000 - points);
}

const jiraCalls = () =>
  Object.values(sandbox.jira.stats.snapshot().byRoute).reduce((sum, n) => sum + n, 0);

const kvValue = (key: string): unknown =>
  sandbox.host.kvs.store.entries({ kind: 'kv' }).find((e) => e.key === key)?.item.value;

const issueGet = (issueKey: string) =>
  callResolver(
    sandbox.host,
    'issue/get',
    MEMBER_ACCOUNT_ID,
    { issueKey },
    {
      type: 'jira:issuePanel',
      project: { key: 'SHOP' },
      issue: { key: issueKey },
    },
  ) as Promise<Envelope<{ issueKey: string }>>;

/** Opening the project page makes SHOP known to the hourly jobs (its recompute runs too). */
async function openProjectPage(): Promise<void> {
  await callResolver(
    sandbox.host,
    'project/overview',
    MEMBER_ACCOUNT_ID,
    {},
    {
      project: { key: 'SHOP' },
    },
  );
  await sandbox.host.idle();
}

describe('a resolver inside Jira’s rate limits', () => {
  it('answers at once, retryably, saying when to retry, when the hourly quota is spent', async () => {
    leave(0);
    sandbox.jira.stats.reset();
    const envelope = await issueGet('SHOP-1');
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'JIRA_RATE_LIMITED',
        message: `${QUOTA_MESSAGE} Try again in about 20 minutes (after 13:00 UTC).`,
        retryable: true,
        retryAfterSeconds: 1200,
      },
    });
    expect(clock.slept).toEqual([]);
    expect(jiraCalls()).toBe(1);

    clock.set('2026-11-20T13:00:00Z');
    expect((await issueGet('SHOP-1')).ok).toBe(true);
  });

  it('waits out a one-second burst limit and answers with the data', async () => {
    limits.update({ burstCapacity: 1, refillPerSecond: { GET: 1, POST: 1, PUT: 1, DELETE: 1 } });
    expect((await issueGet('SHOP-1')).ok).toBe(true);
    const waitsBefore = clock.slept.length;
    expect((await issueGet('SHOP-1')).ok).toBe(true);
    expect(clock.slept.slice(waitsBefore)).toEqual([1000]);
  });
});

describe('the metrics consumer inside Jira’s rate limits', () => {
  it('waits for the quota reset when it fits its 300 s, and recomputes the snapshot', async () => {
    clock.set('2026-11-20T12:57:00Z');
    leave(0);
    const outcomes = await sandbox.host.deliverEvent('ballast-metrics-refresh', {
      projectKey: 'SHOP',
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true]);
    expect(clock.slept).toEqual([180_000]);
    expect(kvValue('metrics:SHOP:head')).toBeDefined();
  });

  it('queues the event again until Jira accepts calls, losing no recompute', async () => {
    leave(0);
    await sandbox.host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' });
    await sandbox.host.idle();
    // 12:40: 20 min to the reset, longer than the invocation: queued again for 900 s (the most
    // @forge/events allows); at 12:55, 5 min left: again for 300 s; at 13:00 it recomputes.
    expect(clock.slept).toEqual([900_000, 300_000]);
    expect(kvValue('metrics:SHOP:head')).toBeDefined();
  });
});

describe('scheduled jobs inside Jira’s rate limits', () => {
  const shopIssues = () => {
    const project = sandbox.jira.state.projects.find((p) => p.key === 'SHOP')!;
    return sandbox.jira.state.issues.filter((i) => i.projectId === project.id);
  };
  const typeOf = (i: { properties: Record<string, unknown> }) =>
    (i.properties.ballast as { workType?: string } | undefined)?.workType;

  const untagged = () => shopIssues().filter((i) => i.properties.ballast === undefined).length;

  it('issue refresh: stops near the hourly limit without a single 429, leaving the rest of the hour to people; the next run finishes', async () => {
    await openProjectPage();
    const before = untagged();
    expect(before).toBeGreaterThan(100);
    // 3,000 points left of a 10,000 pool: NearLimit (below 2,000 left) comes part-way through.
    leave(3_000);
    await sandbox.host.runScheduled('ballast-issue-refresh');
    const left = untagged();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(before);
    expect([...limits.charged.refused]).toEqual([]);
    // The last fifth of the hour is still there for people's requests.
    expect(limits.settings.hourlyPoints - limits.used(TENANT)).toBeGreaterThan(0);
    expect(kvValue('issue-refresh:SHOP')).toMatchObject({ finishedAt: null });

    clock.set('2026-11-20T13:00:00Z');
    limits.update({ hourlyPoints: 1_000_000 });
    await sandbox.host.runScheduled('ballast-issue-refresh');
    expect(untagged()).toBe(0);
    for (const i of shopIssues()) expect(i.custom[WORK_TYPE_FIELD.id], i.key).toBe(typeOf(i));
  });

  it('issue refresh: when another installation spends the shared pool mid-pass, stops at the refusal and the next run finishes', async () => {
    await openProjectPage();
    const before = untagged();
    limits.update({ hourlyPoints: 10_000_000 });
    // After 60 calls of the pass, the rest of the Tier 1 pool goes to the app's other tenants.
    let calls = 0;
    const stop = limits.onCharged(() => {
      calls += 1;
      if (calls === 60) limits.spend(TENANT, 10_000_000);
    });
    await sandbox.host.runScheduled('ballast-issue-refresh');
    stop();
    const left = untagged();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(before);
    // One refusal: the client sends nothing more once Jira says the quota is spent.
    expect([...limits.charged.refused]).toEqual([['jira-quota-global-based', 1]]);
    expect(kvValue('issue-refresh:SHOP')).toMatchObject({ finishedAt: null });

    clock.set('2026-11-20T13:00:00Z');
    await sandbox.host.runScheduled('ballast-issue-refresh');
    expect(untagged()).toBe(0);
    for (const i of shopIssues()) expect(i.custom[WORK_TYPE_FIELD.id], i.key).toBe(typeOf(i));
  });

  it('suggestion model: keeps the last model and sends nothing more once refused; retrains next hour', async () => {
    const project = sandbox.jira.state.projects.find((p) => p.key === 'SHOP')!;
    const task = sandbox.jira.state.issueTypes.find((t) => t.name === 'Task')!;
    const unclassified = sandbox.jira.state.issues.find(
      (i) =>
        i.projectId === project.id &&
        i.issueTypeId === task.id &&
        !i.parentId &&
        i.labels.length === 0 &&
        i.properties.ballast === undefined,
    )!;
    // Opening an unclassified item trains the project's first model.
    expect((await issueGet(unclassified.key)).ok).toBe(true);
    const model = JSON.stringify(kvValue('suggestion-model:SHOP'));
    expect(model).not.toBe(undefined);

    leave(0);
    sandbox.jira.stats.reset();
    // A scheduled function answers 204 (events-reference/scheduled-trigger); a project it could not
    // train is logged, with the backend's when-to-retry words.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await sandbox.host.runScheduled('ballast-suggestion-model')).toEqual({
      statusCode: 204,
    });
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([
      `Ballast could not train the suggestion model of SHOP: ${QUOTA_MESSAGE} Try again in about 20 minutes (after 13:00 UTC).`,
    ]);
    logged.mockRestore();
    expect(jiraCalls()).toBe(1);
    expect(JSON.stringify(kvValue('suggestion-model:SHOP'))).toBe(model);

    clock.set('2026-11-20T13:00:00Z');
    expect(await sandbox.host.runScheduled('ballast-suggestion-model')).toEqual({
      statusCode: 204,
    });
    // Trained again at the new hour, on the clock Jira's waits run on.
    expect((kvValue('suggestion-model:SHOP') as { trainedAt: string }).trainedAt).toMatch(
      /^2026-11-20T13:/,
    );
  });

  it(
    'postmortems: opens nothing while refused, keeps no claimed marker, and opens it on the next run',
    async () => {
      // The seed would run the postmortem job itself; here it runs under a spent quota.
      await seedApp(sandbox.host, { variant: 'demo', postmortems: false });
      await sandbox.host.idle();
      const postmortems = () =>
        sandbox.jira.state.issues.filter(
          (i) => i.labels.includes('postmortem') && i.labels.includes('slo'),
        );
      leave(0);
      await sandbox.host.runScheduled('ballast-postmortems');
      expect(postmortems()).toEqual([]);
      const markers = sandbox.host.kvs.store
        .entries({ kind: 'kv' })
        .filter((e) => e.key.startsWith('postmortem:'));
      expect(markers).toEqual([]);

      clock.set('2026-11-20T13:00:00Z');
      await sandbox.host.runScheduled('ballast-postmortems');
      expect(postmortems()).toHaveLength(1);
    },
    APP_SEED_TIMEOUT_MS,
  );

  it('SLO roll-up and the metrics hourly job need no Jira call, so a spent quota stops neither', async () => {
    await openProjectPage();
    leave(0);
    sandbox.jira.stats.reset();
    await sandbox.host.runScheduled('ballast-slo-refresh');
    expect(jiraCalls()).toBe(0);
    // It only queues the recompute (the consumer then waits for Jira as above).
    expect(await sandbox.host.runScheduled('ballast-metrics-hourly')).toEqual({ statusCode: 204 });
    expect(jiraCalls()).toBe(0);
    const consumed = (await sandbox.host.idle()).filter(
      (o) => o.moduleKey === 'ballast-metrics-consumer',
    );
    expect(consumed.length).toBeGreaterThan(0);
  });
});
