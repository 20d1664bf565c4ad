/**
 * The project page's SLO subpage on the sandbox: the project's SLOs imported from OpenSLO, an hour
 * of SLI data pushed through the signed API and rolled up by the SLO job; project/slos then shows
 * the frozen SLO with its burn rates, firing alerts, budget burn-down, SLI chart and the budget
 * forecast at the end of the active sprint, and the others as having no data (never as healthy).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { OverviewData, SlosData, SnapshotAnswer } from '../../src/contract/project-page';
import type { SettingsView } from '../../src/contract/settings';
import type { RotatedSecretView } from '../../src/contract/slo';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';

const MINUTE = 60_000;
const DAY = 86_400_000;
let sandbox: AppSandbox;
let closeListener: () => Promise<void>;

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

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
  await data(call('slo/import', ADMIN_ACCOUNT_ID, { yaml, version: 0 }));
  const { secret } = await data(call<RotatedSecretView>('push/rotateSecret', ADMIN_ACCOUNT_ID));
  // The last hour of checkout: 20% of requests failing spends the 0.1% budget many times over.
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const points = Array.from({ length: 60 }, (_, i) => ({
    slo: 'checkout-availability',
    start: new Date(end - (60 - i) * MINUTE).toISOString(),
    end: new Date(end - (59 - i) * MINUTE).toISOString(),
    good: 800,
    total: 1000,
  }));
  const answer = await push(`${listener.url}/x1/ballast-sli-push`, secret, {
    batchId: 'outage',
    points,
  });
  expect(answer.status).toBe(200);
  await sandbox.host.runScheduled('ballast-slo-refresh');
}, 60_000);
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('project/slos', () => {
  it('shows the gate frozen by the burning SLO, with its reason', async () => {
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    expect(answer.meta.stale).toBe(false);
    expect(answer.data.gate.state).toBe('FROZEN');
    expect(answer.data.gate.reasons.some((r) => r.startsWith('checkout-availability:'))).toBe(true);
  });

  it('gives the burning SLO its SLI, budget, burn rates, firing alerts and burn-down', async () => {
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    const slo = answer.data.slos.find((s) => s.name === 'checkout-availability')!;
    expect(slo.state).toBe('FROZEN');
    expect(slo.sli).toBe(0.8);
    // 60,000 events, 12,000 bad against 0.1% allowed (60): the budget is overspent 200 times.
    expect(slo.budgetRemaining).toBeCloseTo(1 - 12_000 / 60, 9); // float sums: 1e-9
    expect(slo.burnRates.find((b) => b.window === '1h')?.rate).toBeCloseTo(200, 6);
    expect(slo.alerts.some((a) => a.firing && a.severity === 'page')).toBe(true);
    expect(slo.burndown.length).toBeGreaterThan(0);
    expect(slo.burndown.at(-1)?.budgetRemaining).toBeCloseTo(slo.budgetRemaining!, 9);
  });

  it('charts the SLI in 6-hour buckets over the 28-day window: the outage hour’s 80%', async () => {
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    const slo = answer.data.slos.find((s) => s.name === 'checkout-availability')!;
    const at = Date.parse(slo.evaluatedAt!);
    expect(slo.sliHistory.step).toBe('6h');
    expect(slo.sliHistory.points).toHaveLength(112); // 28 days × 4
    expect(slo.sliHistory.points[0]?.from).toBe(new Date(at - 28 * DAY).toISOString());
    // Only the last bucket [at − 6h, at) holds data: the outage hour, 48,000 good of 60,000.
    expect(slo.sliHistory.points.at(-1)).toEqual({
      from: new Date(at - 6 * 3_600_000).toISOString(),
      sli: 0.8,
    });
    expect(slo.sliHistory.points.slice(0, -1).every((p) => p.sli === null)).toBe(true);
  });

  it('keeps the answer small: every series bounded, the whole answer a few KB per SLO', async () => {
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    for (const slo of answer.data.slos) {
      expect(slo.sliHistory.points.length).toBeLessThanOrEqual(120);
      expect(slo.burndown.length).toBeLessThanOrEqual(31);
    }
    const bytes = JSON.stringify(answer).length;
    // About 8 KB per SLO (112 buckets, 28 burn-down days, alerts), measured.
    expect(bytes / answer.data.slos.length).toBeLessThan(12_000);
  });

  it('has no sprint-end forecast while no board is chosen, and says so', async () => {
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    const slo = answer.data.slos.find((s) => s.name === 'checkout-availability')!;
    // Spent already: the card says so from the forecast's own window, never "spent by" a later day.
    expect(slo.trend).toEqual({ kind: 'spent', window: '3d' });
    // The policy's thresholds the burn-down draws (the project's errorBudget, defaults here).
    expect(slo.thresholds).toEqual({ atRiskBelow: 0.25, freezeAtOrBelow: 0 });
    expect(slo.sprintForecast).toMatchObject({ sprint: null, budgetRemaining: null });
    expect(slo.sprintForecast.reason).toMatch(/No Scrum board is chosen/);
  });

  it('forecasts the budget at the active sprint’s end at the 3-day burn rate', async () => {
    const view = await data(call<SettingsView>('settings/get', ADMIN_ACCOUNT_ID));
    await data(
      call('settings/save', ADMIN_ACCOUNT_ID, {
        config: { ...view.config, board: { boardId: 1, estimationFieldId: null } },
        version: view.version,
      }),
    );
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    const slo = answer.data.slos.find((s) => s.name === 'checkout-availability')!;
    const active = sandbox.jira.state.sprints.find((s) => s.state === 'active')!;
    const endsAt = Date.parse(active.endDate!);
    const at = Date.parse(slo.evaluatedAt!);
    // The 3-day window holds only the outage hour: 20% bad / 0.1% allowed = burn rate 200, so
    // the budget share drains 200 × (time to the sprint's end) / 28 days more.
    expect(slo.sprintForecast).toMatchObject({
      sprint: active.name,
      endsAt: new Date(endsAt).toISOString(),
      burnRateWindow: '3d',
      reason: null,
    });
    expect(slo.sprintForecast.burnRate).toBeCloseTo(200, 6);
    expect(slo.sprintForecast.budgetRemaining).toBeCloseTo(
      -199 - (200 * (endsAt - at)) / (28 * DAY),
      6,
    );
  });

  it('lists SLOs without data as NO_DATA, with nulls instead of figures', async () => {
    const answer = await data(call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID));
    if (answer.status !== 'ready') throw new Error('not ready');
    const quiet = answer.data.slos.filter((s) => s.name !== 'checkout-availability');
    expect(quiet.length).toBeGreaterThan(0);
    for (const slo of quiet) {
      expect(slo.state).toBe('NO_DATA');
      expect(slo.sli).toBeNull();
      expect(slo.budgetRemaining).toBeNull();
      expect(slo.sliHistory.points.every((p) => p.sli === null)).toBe(true);
      expect(slo.sprintForecast).toMatchObject({
        budgetRemaining: null,
        reason: 'No SLI data in the window yet.',
      });
    }
  });

  it('heads the overview with the live gate and each SLO’s budget', async () => {
    await call('project/overview', MEMBER_ACCOUNT_ID); // queues the first snapshot
    await sandbox.host.idle();
    const answer = await data(
      call<SnapshotAnswer<OverviewData>>('project/overview', MEMBER_ACCOUNT_ID),
    );
    if (answer.status !== 'ready') throw new Error('not ready');
    const { gate } = answer.data;
    expect(gate.state).toBe('FROZEN');
    const checkout = gate.slos.find((s) => s.name === 'checkout-availability')!;
    expect(checkout.state).toBe('FROZEN');
    expect(checkout.budgetRemaining).toBeCloseTo(-199, 9);
    expect(
      gate.slos.filter((s) => s.state === 'NO_DATA').every((s) => s.budgetRemaining === null),
    ).toBe(true);
  }, 60_000);

  it('refuses an outsider', async () => {
    expect(await call('project/slos', OUTSIDER_ACCOUNT_ID)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
