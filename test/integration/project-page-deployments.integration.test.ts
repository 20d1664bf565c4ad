/**
 * The project page's DORA figures once CI/CD pushes deployments through the signed push API:
 * deployment frequency and change failure rate get values (and bands from the DORA 2023 table as
 * DevLake applies it), lead time is measured from the first move to In Progress to the first
 * deployment that shipped the issue, failed and rolled-back deployments are change failures, and
 * incidents count against the deployment they name, else the last one of their service. Expected
 * numbers are worked out here from what the test pushed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { DeliveryData, SnapshotAnswer } from '../../src/contract/project-page';
import type { SettingsView } from '../../src/contract/settings';
import type { RotatedSecretView } from '../../src/contract/slo';
import { changeFailureRateBand, leadTimeBand } from '../../src/domain/metrics';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';

let sandbox: AppSandbox;
let base: string;
let closeListener: () => Promise<void>;
let secret: string;

const DAY = 86_400_000;
const WEEKS = 8;

/** Monday 10:00 UTC of the week `weeksAgo` weeks before the current one. */
function mondayOf(weeksAgo: number): Date {
  const now = new Date();
  const monday =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
    ((now.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday - weeksAgo * 7 * DAY + 10 * 3_600_000);
}

async function admin<T>(functionKey: string, payload: unknown = {}): Promise<T> {
  const envelope = (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey,
    payload,
    accountId: ADMIN_ACCOUNT_ID,
    extension: { project: { key: 'SHOP' } },
  })) as Envelope<T>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.data;
}

/** Resolved SHOP issues: the changes the deployments ship. */
const shipped = () =>
  sandbox.jira.state.issues
    .filter((issue) => issue.resolutiondate !== null && issue.key.startsWith('SHOP-'))
    .slice(0, WEEKS * 2)
    .map((issue) => issue.key);

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  base = `${listener.url}/x1`;
  secret = (await admin<RotatedSecretView>('push/rotateSecret')).secret;
  const view = await admin<SettingsView>('settings/get');
  await admin('settings/save', {
    config: { ...view.config, board: { boardId: 1, estimationFieldId: null } },
    version: view.version,
  });
  // Two deployments a week (Monday and Wednesday) for the last WEEKS complete weeks.
  const keys = shipped();
  for (let week = 1; week <= WEEKS; week += 1) {
    for (const [offset, index] of [
      [0, 0],
      [2, 1],
    ] as const) {
      const at = new Date(mondayOf(week).getTime() + offset * DAY);
      const answer = await push(`${base}/ballast-deployment-push`, secret, {
        id: `deploy-${week}-${index}`,
        service: 'checkout',
        environment: 'production',
        status: 'success',
        startedAt: new Date(at.getTime() - 600_000).toISOString(),
        finishedAt: at.toISOString(),
        issueKeys: [keys[(week - 1) * 2 + index]!],
      });
      expect(answer.status).toBe(200);
    }
  }
  // Two weeks ago, a failed deployment on Thursday and a rolled-back one on Friday.
  // They name SHOP issues, which is what makes them this project's (it has no SLOs, so no
  // services); only successful deployments count for lead time, so these change none.
  const extraKeys = sandbox.jira.state.issues
    .filter((issue) => issue.resolutiondate !== null && issue.key.startsWith('SHOP-'))
    .slice(WEEKS * 2, WEEKS * 2 + 2)
    .map((issue) => issue.key);
  for (const [offset, id, status, key] of [
    [3, 'deploy-2-failed', 'failed', extraKeys[0]!],
    [4, 'deploy-2-rolled-back', 'rolled_back', extraKeys[1]!],
  ] as const) {
    const at = new Date(mondayOf(2).getTime() + offset * DAY);
    const answer = await push(`${base}/ballast-deployment-push`, secret, {
      id,
      service: 'checkout',
      environment: 'production',
      status,
      finishedAt: at.toISOString(),
      issueKeys: [key],
    });
    expect(answer.status).toBe(200);
  }
  // Four weeks ago, two hours after that Monday's deployment, an incident the incident tool knows
  // was caused by the deployment of the week before: it counts against deploy-5-0, not deploy-4-0.
  const caused = new Date(mondayOf(4).getTime() + 2 * 3_600_000);
  const named = await push(`${base}/ballast-incident-push`, secret, {
    id: 'pd-41',
    service: 'checkout',
    title: 'Stale prices since last week’s release',
    startedAt: caused.toISOString(),
    resolvedAt: new Date(caused.getTime() + 3_600_000).toISOString(),
    deploymentId: 'deploy-5-0',
  });
  expect(named.status).toBe(200);
  // One incident on checkout, an hour after the Monday deployment three weeks ago.
  const incidentAt = new Date(mondayOf(3).getTime() + 3_600_000);
  const incident = await push(`${base}/ballast-incident-push`, secret, {
    id: 'pd-42',
    service: 'checkout',
    title: 'Checkout errors after deploy',
    startedAt: incidentAt.toISOString(),
    detectedAt: new Date(incidentAt.getTime() + 600_000).toISOString(),
    resolvedAt: new Date(incidentAt.getTime() + 7_200_000).toISOString(),
  });
  expect(incident.status).toBe(200);
  const outcomes = await sandbox.host.deliverEvent('ballast-metrics-refresh', {
    projectKey: 'SHOP',
  });
  expect(outcomes.every((o) => o.ok)).toBe(true);
}, 120_000);

afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

async function delivery(): Promise<DeliveryData> {
  const envelope = (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-page',
    functionKey: 'project/delivery',
    accountId: MEMBER_ACCOUNT_ID,
    extension: { type: 'jira:projectPage', project: { key: 'SHOP' } },
  })) as Envelope<SnapshotAnswer<DeliveryData>>;
  if (!envelope.ok || envelope.data.status !== 'ready') throw new Error('no snapshot');
  return envelope.data.data;
}

// Pushed: 16 successful deployments (Monday and Wednesday of the last 8 complete weeks), one
// failed and one rolled back two weeks ago — 18 in all, 17 reached production.
const TOTAL = WEEKS * 2 + 2;

describe('project page with pushed deployments', () => {
  it('counts from the first deployment pushed: 8 complete weeks, not 12 weeks with 4 empty', async () => {
    const { delivery: d } = await delivery();
    expect(d.hasDeploymentData).toBe(true);
    expect(d.period.from).toBe(new Date(mondayOf(WEEKS).getTime() - 10 * 3_600_000).toISOString());
    expect(d.deployments).toMatchObject({
      total: TOTAL,
      failed: 1,
      rolledBack: 1,
      causedIncidents: 2,
    });
  });

  it('measures deployment frequency in deployment days per week, with its 2023 band', async () => {
    const { delivery: d } = await delivery();
    // Weeks of 2 days, and 3 two weeks ago (the rolled-back Friday reached production; the failed
    // Thursday did not): the lower median of [2, 2, 2, 2, 2, 2, 2, 3] is 2 — high (≥ 1, < 5).
    expect(d.deploymentFrequency).toMatchObject({
      value: 2,
      sampleSize: WEEKS,
      reason: null,
      band: 'high',
    });
  });

  it('counts failed, rolled-back and incident-causing deployments as failures', async () => {
    const { delivery: d } = await delivery();
    // deploy-2-failed, deploy-2-rolled-back, deploy-3-0 (pd-42, by service), deploy-5-0 (pd-41, by id).
    const rate = Math.round((4 / TOTAL) * 10_000) / 10_000;
    expect(d.changeFailureRate).toMatchObject({ value: rate, sampleSize: TOTAL, band: 'low' });
    expect(rate).toBe(0.2222);
    expect(changeFailureRateBand(rate)).toBe('low');
  });

  it('gives the mean time between the 17 releases', async () => {
    const { delivery: d } = await delivery();
    // From Monday 8 weeks ago to Wednesday last week, 10:00 to 10:00: 7 weeks and 2 days.
    const span = (7 * 7 + 2) * 24;
    expect(d.meanTimeBetweenReleases).toMatchObject({
      value: Math.round((span / 16) * 10_000) / 10_000,
      sampleSize: 17,
    });
  });

  it('measures lead time to the first deployment of each shipped issue', async () => {
    const { delivery: d } = await delivery();
    expect(d.leadTime.note).toBeNull();
    expect(d.leadTime.value).not.toBeNull();
    expect(d.leadTime.band).toBe(leadTimeBand(d.leadTime.value!));
  });

  it('gives the keys per sprint, each computed like the headline figure', async () => {
    const { delivery: d } = await delivery();
    expect(d.trendBy).toBe('sprint');
    const at = (date: Date) =>
      d.trend.find(
        (row) => Date.parse(row.from) <= date.getTime() && date.getTime() < Date.parse(row.to),
      )!;
    // The sprint holding the week two weeks ago: Mon, Wed, failed Thu, rolled-back Fri, and the
    // Monday and Wednesday of the week after when it holds them too.
    const sprint = at(mondayOf(2));
    const holds = (date: Date) => at(date).id === sprint.id;
    const days = [0, 2].map((offset) => new Date(mondayOf(1).getTime() + offset * DAY));
    const later = days.filter(holds).length;
    expect(sprint.deployments).toBe(4 + later);
    const failures = 2 + (holds(mondayOf(3)) ? 1 : 0);
    expect(sprint.changeFailureRate.value).toBe(
      Math.round((failures / (4 + later)) * 10_000) / 10_000,
    );
    expect(sprint.changeFailureRate.band).toBe(
      changeFailureRateBand(sprint.changeFailureRate.value!),
    );
    const total = d.trend.reduce((sum, row) => sum + row.deployments, 0);
    expect(total).toBe(TOTAL);
  });
});
