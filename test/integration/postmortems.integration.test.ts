/**
 * The postmortem rule end to end: after the demo seed's checkout incident (pushed through the signed
 * API and rolled up), the hourly job opens one postmortem issue in the SLO's project — and never a
 * second one for the same incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import type { JiraEmulator } from '../../sandbox/jira';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;
let jira: JiraEmulator;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  await seedApp(sandbox.host, { variant: 'demo' });
}, APP_SEED_TIMEOUT_MS);
afterAll(() => sandbox.close());

const postmortems = () =>
  jira.state.issues.filter((i) => i.labels.includes('postmortem') && i.labels.includes('slo'));

describe('the postmortem job', () => {
  it('opens one postmortem for the incident that spent more than 20% of a budget', async () => {
    expect(postmortems()).toEqual([]);
    await sandbox.host.runScheduled('ballast-postmortems');
    const opened = postmortems();
    // Only checkout availability's incident crosses 20%; latency's and search's blips do not.
    expect(opened).toHaveLength(1);
    const issue = opened[0]!;
    expect(issue.key.startsWith('SHOP-')).toBe(true);
    expect(issue.summary).toMatch(
      /^Postmortem: Checkout availability incident of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC spent \d+\.\d% of the error budget$/,
    );
    const share = Number(/spent (\d+\.\d)%/.exec(issue.summary)![1]);
    expect(share).toBeGreaterThan(20);
    expect(JSON.stringify(issue.description)).toContain('Link the actions');
  });

  it('does not open a second one on the next run', async () => {
    await sandbox.host.runScheduled('ballast-postmortems');
    expect(postmortems()).toHaveLength(1);
  });
});
