/**
 * The portfolio (issue #23): with the three demo teams seeded (SHOP at risk, PAY healthy, OPS
 * frozen), each viewer sees exactly the projects Jira lets them browse — Ada all three, Marco
 * (member of SHOP and PAY) two, Nina (outsider) none — and every figure of a row is the one the
 * project page serves, from the stored snapshot and statuses, with one Jira call per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID } from '../../sandbox/jira';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import type { Envelope } from '../../src/contract/envelope';
import type { PortfolioData } from '../../src/contract/portfolio';
import type { CapacityData, OverviewData, SnapshotAnswer } from '../../src/contract/project-page';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';

const LOCAL_ID =
  'ari:cloud:ecosystem::extension/6b1f6c1e-3c4d-4b8e-9a51-ba11a57a0001/env-1/static/ballast-portfolio';

let sandbox: AppSandbox;
beforeAll(async () => {
  sandbox = await startAppSandbox({ extraTeams: true });
  await seedApp(sandbox.host, { variant: 'demo', issues: sandbox.jira.state.issues, teams: true });
}, APP_SEED_TIMEOUT_MS * 3);
afterAll(async () => {
  await sandbox?.close();
});

async function invoke<T>(
  functionKey: string,
  accountId: string,
  extension: Record<string, unknown>,
  localId?: string,
): Promise<Envelope<T>> {
  return (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-portfolio',
    functionKey,
    payload: {},
    accountId,
    extension,
    ...(localId === undefined ? {} : { localId }),
  })) as Envelope<T>;
}

async function portfolio(accountId: string): Promise<PortfolioData> {
  const answer = await invoke<PortfolioData>(
    'portfolio/list',
    accountId,
    { type: 'jira:globalPage' },
    LOCAL_ID,
  );
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

async function projectAnswer<T>(key: string, id: string, resolver: string): Promise<T> {
  const answer = await invoke<SnapshotAnswer<T>>(resolver, ADMIN_ACCOUNT_ID, {
    type: 'jira:projectPage',
    project: { key, id, type: 'software' },
  });
  if (!answer.ok) throw new Error(answer.error.message);
  if (answer.data.status !== 'ready') throw new Error(`${key}: ${resolver} is pending`);
  return answer.data.data;
}

describe('the portfolio', () => {
  it('shows Ada, admin of every project, all three teams, worst gate first', async () => {
    const data = await portfolio(ADMIN_ACCOUNT_ID);
    expect(data.rows.map((r) => [r.projectKey, r.gate.state])).toEqual([
      ['OPS', 'FROZEN'],
      ['SHOP', 'AT_RISK'],
      ['PAY', 'HEALTHY'],
    ]);
    expect(data.rows.map((r) => r.projectName)).toEqual([
      'Platform Ops',
      'Shop Platform',
      'Payments',
    ]);
  });

  it('shows Marco, who may browse SHOP and PAY but not OPS, only those two', async () => {
    const data = await portfolio(MEMBER_ACCOUNT_ID);
    expect(data.rows.map((r) => r.projectKey)).toEqual(['SHOP', 'PAY']);
  });

  it('shows Nina, who may browse none of them, no project at all', async () => {
    expect((await portfolio(OUTSIDER_ACCOUNT_ID)).rows).toEqual([]);
  });

  it('refuses a caller with no account, saying why', async () => {
    const answer = await invoke('portfolio/list', undefined as unknown as string, {
      type: 'jira:globalPage',
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
  });

  it('links each row to the project page in Jira’s URL form for this app and environment', async () => {
    const shop = (await portfolio(ADMIN_ACCOUNT_ID)).rows.find((r) => r.projectKey === 'SHOP')!;
    expect(shop.projectPageUrl).toBe(
      '/jira/software/projects/SHOP/apps/6b1f6c1e-3c4d-4b8e-9a51-ba11a57a0001/env-1',
    );
  });

  it.each([
    ['SHOP', '10000'],
    ['PAY', '10001'],
    ['OPS', '10002'],
  ])('gives %s the figures its project page shows', async (key, id) => {
    const row = (await portfolio(ADMIN_ACCOUNT_ID)).rows.find((r) => r.projectKey === key)!;
    const overview = await projectAnswer<OverviewData>(key, id, 'project/overview');
    const capacity = await projectAnswer<CapacityData>(key, id, 'project/capacity');
    expect(row.gate).toEqual({ state: overview.gate.state, reasons: overview.gate.reasons });
    expect(row.slos).toEqual(overview.gate.slos);
    expect(row.toilShare).toEqual(overview.toilDebt.toilShare);
    expect(row.debtRatio).toEqual(overview.toilDebt.debtRatio);
    expect(row.dora).toEqual({
      deploymentFrequency: overview.delivery.deploymentFrequency,
      leadTime: overview.delivery.leadTime,
      changeFailureRate: overview.delivery.changeFailureRate,
      timeToRestore: overview.delivery.timeToRestore,
    });
    const active = capacity.capacityShares.at(-1)!;
    expect(row.split?.sprint).toBe(overview.activeSprint?.name);
    expect(row.split?.byType.map((t) => [t.type, t.share])).toEqual(
      active.byType.map((t) => [t.type, t.share]),
    );
    expect(row.split?.byType.map((t) => [t.type, t.target, t.min, t.max])).toEqual(
      capacity.targets.byType.map((t) => [t.type, t.share, t.min, t.max]),
    );
  });

  it('puts OPS’s spent budget and PAY’s healthy one in the rows', async () => {
    const rows = (await portfolio(ADMIN_ACCOUNT_ID)).rows;
    const ops = rows.find((r) => r.projectKey === 'OPS')!;
    const pay = rows.find((r) => r.projectKey === 'PAY')!;
    expect(ops.slos.map((s) => s.name)).toEqual(['pipeline-availability']);
    expect(ops.slos[0]!.budgetRemaining).toBeLessThanOrEqual(0);
    expect(ops.gate.reasons[0]).toMatch(/^pipeline-availability: /);
    expect(pay.slos[0]!.budgetRemaining).toBeGreaterThan(0.5);
  });

  it('serves a project whose portfolio record is missing (stored before it existed) from its snapshot', async () => {
    const before = (await portfolio(ADMIN_ACCOUNT_ID)).rows.find((r) => r.projectKey === 'PAY')!;
    sandbox.host.kvs.store.delete({ kind: 'kv' }, 'metrics:PAY:portfolio');
    const after = (await portfolio(ADMIN_ACCOUNT_ID)).rows.find((r) => r.projectKey === 'PAY')!;
    expect(after).toEqual(before);
    expect(after.pendingReason).toBeNull();
  });

  it('asks Jira once per request (the permission check) and reads no issue', async () => {
    const before = sandbox.jira.stats.snapshot();
    await portfolio(MEMBER_ACCOUNT_ID);
    const after = sandbox.jira.stats.snapshot();
    const delta = Object.fromEntries(
      Object.entries(after.byRoute)
        .map(([route, n]) => [route, n - (before.byRoute[route] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    expect(delta).toEqual({ 'GET /rest/api/3/project/search': 1 });
  });
});
