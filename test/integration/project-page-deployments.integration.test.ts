/**
 * The project page's DORA figures once CI/CD pushes deployments through the signed push API:
 * deployment frequency and change failure rate get values (and bands), lead time is measured from
 * the first move to In Progress to the first deployment that shipped the issue, and an incident
 * pushed for a deployed service counts against that deployment. Expected numbers are worked out
 * here from what the test pushed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { DeliveryData, SnapshotAnswer } from '../../src/contract/project-page';
import type { SettingsView } from '../../src/contract/settings';
import type { RotatedSecretView } from '../../src/contract/slo';
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

describe('project page with pushed deployments', () => {
  it('measures deployment frequency in deployment days per week, with its band', async () => {
    const { delivery: d } = await delivery();
    expect(d.hasDeploymentData).toBe(true);
    // Every complete week in the 12-week window: 2 deployment days in the last WEEKS weeks, 0 before.
    // The median over the complete weeks is 2 when more than half of them had deployments.
    expect(d.deploymentFrequency.reason).toBeNull();
    expect(d.deploymentFrequency.value).toBe(2);
    expect(d.deploymentFrequency.band).not.toBeNull();
  });

  it('counts the deployment followed by the pushed incident as failed', async () => {
    const { delivery: d } = await delivery();
    expect(d.changeFailureRate.sampleSize).toBe(WEEKS * 2);
    expect(d.changeFailureRate.value).toBe(Math.round((1 / (WEEKS * 2)) * 10_000) / 10_000);
    expect(d.changeFailureRate.band).toBe('high'); // 6.25%: above the 5% elite bound, within 10%
  });

  it('measures lead time to the first deployment of each shipped issue', async () => {
    const { delivery: d } = await delivery();
    expect(d.leadTime.note).toBeNull();
    expect(d.leadTime.value).not.toBeNull();
    expect(d.leadTime.band).not.toBeNull();
  });
});
