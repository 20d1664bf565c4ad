/**
 * The Definition of Done workflow validator end to end: a person transitions an issue in the Jira
 * emulator, which asks the app's real validator (run by the sandbox Forge host, as the app) on the
 * transitions the admin added it to — in the seed, "Complete work" (In Review → Done).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForgeHost } from '../../sandbox/forge/host';
import { issuePanelData } from '../support/resolver-calls';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { DOD_VALIDATOR_KEY, MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import { walkTo } from '../support/workflow-walk';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let host: ForgeHost;

beforeAll(async () => {
  sandbox = await startAppSandbox({ connectJira: true });
  ({ jira, host } = sandbox);
});
afterAll(() => sandbox.close());

const asMember = { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID };

interface TransitionList {
  transitions: { id: string; to: { name: string; statusCategory: { key: string } } }[];
}

/** An open, unlabelled, untagged Story of the seed (no parent), which the rules make a feature. */
function openStory(skip: number): string {
  const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
  const done = new Set(jira.state.statuses.filter((s) => s.category === 'done').map((s) => s.id));
  const candidates = jira.state.issues.filter(
    (i) =>
      i.issueTypeId === story.id && !done.has(i.statusId) && !i.properties.ballast && !i.parentId,
  );
  return candidates[skip]!.key;
}

/** The issue moved one step into a status of the category, from where it is (the graph's steps). */
async function transitionTo(issueKey: string, category: string): Promise<Response> {
  const list = (await fetch(`${jira.url}/rest/api/3/issue/${issueKey}/transitions`, {
    headers: asMember,
  }).then((r) => r.json())) as TransitionList;
  const target = list.transitions.find((t) => t.to.statusCategory.key === category)!;
  return fetch(`${jira.url}/rest/api/3/issue/${issueKey}/transitions`, {
    method: 'POST',
    headers: asMember,
    body: JSON.stringify({ transition: { id: target.id } }),
  });
}

/** Walks the issue to In Review (Start progress, Request review), where Done is one step away. */
async function toReview(issueKey: string): Promise<void> {
  const response = await walkTo(jira, issueKey, 'In Review', asMember);
  expect(response?.status ?? 204).toBe(204);
}

/** The admin's edit in the workflow editor: the validators on one transition of SHOP's workflow. */
async function setValidators(transitionId: string, validators: string[]): Promise<void> {
  const response = await fetch(
    `${jira.url}/__sandbox/workflows/SHOP/transitions/${transitionId}/validators`,
    { method: 'PUT', body: JSON.stringify({ validators }) },
  );
  expect(response.status).toBe(200);
}

const panel = (key: string, payload: { issueKey: string } & Record<string, unknown>) =>
  issuePanelData(host, key, MEMBER_ACCOUNT_ID, payload);

describe('the Definition of Done validator', () => {
  it('refuses a move to Done while required items are open, listing them, and leaves the status', async () => {
    const issueKey = openStory(0);
    await toReview(issueKey);
    const statusBefore = jira.state.issues.find((i) => i.key === issueKey)!.statusId;
    const response = await transitionTo(issueKey, 'done');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errorMessages: string[] };
    expect(body.errorMessages.join(' ')).toContain(
      `${issueKey} cannot be done yet: 5 required items are still open in its Definition of Done: "Acceptance criteria met"; "Code reviewed"; "Tests pass in CI"; "Rollout plan or feature flag in place"; "Monitoring impact considered".`,
    );
    expect(jira.state.issues.find((i) => i.key === issueKey)!.statusId).toBe(statusBefore);
  });

  it('lets work move between statuses that are not Done', async () => {
    const response = await transitionTo(openStory(1), 'indeterminate');
    expect(response.status).toBe(204);
  });

  it('lets the issue reach Done once every required item is ticked', async () => {
    const issueKey = openStory(2);
    await panel('issue/setWorkType', { issueKey, workType: 'debt' });
    let view = await panel('issue/get', { issueKey });
    for (const item of view.dod.openRequired) {
      view = await panel('issue/tickDodItem', { issueKey, itemId: item.id, done: true });
    }
    expect(view.dod.complete).toBe(true);
    await toReview(issueKey);
    const response = await transitionTo(issueKey, 'done');
    expect(response.status).toBe(204);
  });

  it('answers Jira directly with result and message, making at most two Jira calls', async () => {
    const issueKey = openStory(3);
    // Jira calls a validator while the issue is still in the transition's source status.
    await toReview(issueKey);
    const list = (await fetch(`${jira.url}/rest/api/3/issue/${issueKey}/transitions`, {
      headers: asMember,
    }).then((r) => r.json())) as TransitionList;
    const doneStatus = jira.state.statuses.find((s) => s.category === 'done')!;
    expect(list.transitions.some((t) => t.to.statusCategory.key === 'done')).toBe(true);
    // The move to review fires the issue-updated trigger; let it finish so only the validator's
    // own calls are counted (under load it was still reading the issue and writing its field).
    await host.idle();
    jira.stats.reset();
    const answer = await host.runValidator('ballast-dod-validator', {
      issueKey,
      fromStatusId: jira.state.issues.find((i) => i.key === issueKey)!.statusId,
      toStatusId: doneStatus.id,
    });
    expect(answer.result).toBe(false);
    expect(answer.errorMessage).toMatch(
      /^SHOP-\d+ cannot be done yet: \d+ required items are still open/,
    );
    expect(jira.stats.snapshot().total).toBeLessThanOrEqual(2);
  });

  it('no longer blocks Done once the admin removes it from the transition, and blocks again once added back', async () => {
    const issueKey = openStory(4);
    const other = openStory(5);
    await toReview(issueKey);
    await toReview(other);
    await setValidators('31', []);
    try {
      expect((await transitionTo(issueKey, 'done')).status).toBe(204);
    } finally {
      await setValidators('31', [DOD_VALIDATOR_KEY]);
    }
    const refused = await transitionTo(other, 'done');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errorMessages: string[] }).errorMessages[0]).toMatch(
      new RegExp(`^${other} cannot be done yet`),
    );
  });
});
