/**
 * History before Ballast (issue #18), on the demo: Ballast first sees SHOP at its first issue
 * refresh, after eight closed sprints of work. Every item Done by then is "closed before Ballast":
 * the panel says so instead of listing its checklist as open, the JQL-indexed DoD figures leave it
 * out (`dodComplete = 0` does not count it) and `dodClosedBeforeBallast = 1` counts what was left
 * out. Re-opened, an item is a normal item again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID, TEAM_MANAGED_WORKFLOW_ID, type JiraEmulator } from '../../sandbox/jira';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { callResolver, issuePanelData } from '../support/resolver-calls';
import { walkTo } from '../support/workflow-walk';

let sandbox: AppSandbox;
let jira: JiraEmulator;

const asMember = { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID };

/** How many issues the JQL finds, through Jira's paged search as any JQL user would. */
async function count(jql: string): Promise<number> {
  let total = 0;
  let nextPageToken: string | undefined;
  do {
    const response = await fetch(`${jira.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: asMember,
      body: JSON.stringify({ jql, fields: ['summary'], maxResults: 100, nextPageToken }),
    });
    const body = (await response.json()) as { issues: unknown[]; nextPageToken?: string };
    total += body.issues.length;
    nextPageToken = body.nextPageToken;
  } while (nextPageToken !== undefined);
  return total;
}

describe('items closed before Ballast first saw the demo project', () => {
  let doneBefore: { key: string; resolutiondate: string }[];

  beforeAll(async () => {
    sandbox = await startAppSandbox({ connectJira: true });
    ({ jira } = sandbox);
    const done = new Set(jira.state.statuses.filter((s) => s.category === 'done').map((s) => s.id));
    doneBefore = jira.state.issues
      .filter((i) => done.has(i.statusId) && i.resolutiondate !== null)
      .map((i) => ({ key: i.key, resolutiondate: i.resolutiondate! }));
    // Opening the project page makes SHOP a known project; the hourly refresh then sees it first.
    await sandbox.host.invokeResolver({
      moduleKey: 'ballast-issue-panel',
      functionKey: 'project/overview',
      payload: {},
      accountId: MEMBER_ACCOUNT_ID,
      extension: { project: { key: 'SHOP' } },
    });
    await sandbox.host.runScheduled('ballast-issue-refresh');
  }, 60_000);
  afterAll(() => sandbox.close());

  it('flags every item Done before the first pass, and only those, in the indexed values', async () => {
    // The seed (seed 42, 400 issues): 231 items were resolved in the eight closed sprints and the
    // active one before Ballast's first pass.
    expect(doneBefore).toHaveLength(231);
    expect(await count('project = SHOP AND dodClosedBeforeBallast = 1')).toBe(231);
    const flagged = jira.state.issues.filter(
      (i) => (i.properties.ballast as { dodClosedBeforeBallast?: number })?.dodClosedBeforeBallast,
    );
    expect(flagged.map((i) => i.key).sort()).toEqual(doneBefore.map((i) => i.key).sort());
  });

  it('leaves them out of the DoD figures: neither incomplete nor complete', async () => {
    const all = await count('project = SHOP');
    const incomplete = await count('project = SHOP AND dodComplete = 0');
    const complete = await count('project = SHOP AND dodComplete = 1');
    expect(all).toBe(400);
    expect(incomplete + complete).toBe(400 - 231);
    expect(await count('project = SHOP AND dodClosedBeforeBallast = 1 AND dodComplete = 0')).toBe(
      0,
    );
  });

  it('shows "closed before Ballast" in the panel, with the resolution date, and refuses ticks', async () => {
    const item = doneBefore[0]!;
    const view = await issuePanelData(sandbox.host, 'issue/get', MEMBER_ACCOUNT_ID, {
      issueKey: item.key,
    });
    expect(view.history).toEqual({
      closedBeforeBallast: true,
      resolvedAt: new Date(item.resolutiondate).toISOString(),
      firstSeenAt: expect.any(String) as string,
    });
    expect(Date.parse(view.history!.firstSeenAt)).toBeGreaterThan(Date.parse(item.resolutiondate));
    const manual = view.dod.items.find((i) => i.kind === 'manual')!;
    const tick = await callResolver(
      sandbox.host,
      'issue/tickDodItem',
      MEMBER_ACCOUNT_ID,
      { issueKey: item.key, itemId: manual.id, done: true },
      { type: 'jira:issuePanel', project: { key: 'SHOP' }, issue: { key: item.key } },
    );
    expect(tick.ok).toBe(false);
    expect(!tick.ok && tick.error.message).toContain(
      'closed before Ballast first saw this project',
    );
  });

  it('never moves old work back in a team-managed project when someone edits it', async () => {
    const project = jira.state.projects.find((p) => p.key === 'SHOP')!;
    const companyWorkflow = project.workflowId;
    project.simplified = true;
    project.workflowId = TEAM_MANAGED_WORKFLOW_ID;
    try {
      const item = jira.store.issue(doneBefore[2]!.key)!;
      const comments = item.comments.length;
      const response = await fetch(`${jira.url}/rest/api/3/issue/${item.key}`, {
        method: 'PUT',
        headers: asMember,
        body: JSON.stringify({ update: { labels: [{ add: 'archived' }] } }),
      });
      expect(response.status).toBe(204);
      await sandbox.host.idle();
      const status = jira.state.statuses.find(
        (s) => s.id === jira.store.issue(item.key)!.statusId,
      )!;
      expect(status.category).toBe('done');
      expect(jira.store.issue(item.key)!.comments).toHaveLength(comments);
      expect(jira.store.issue(item.key)!.properties.ballast).toMatchObject({
        dodClosedBeforeBallast: 1,
      });
    } finally {
      project.simplified = false;
      project.workflowId = companyWorkflow;
    }
  });

  it('makes a re-opened item a normal item again, with its checklist', async () => {
    const item = doneBefore[1]!;
    const response = await walkTo(jira, item.key, 'In Progress', asMember);
    expect(response?.status ?? 204).toBe(204);
    const view = await issuePanelData(sandbox.host, 'issue/get', MEMBER_ACCOUNT_ID, {
      issueKey: item.key,
    });
    expect(view.history).toBeNull();
    expect(view.dod.template).not.toBeNull();
    expect(view.dod.complete).toBe(false);
  });
});
