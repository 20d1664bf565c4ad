/**
 * The issue trigger end to end: changes made in the Jira emulator raise Forge product events that run
 * the app's real trigger, which classifies by the rules and keeps the JQL-indexed property true, and
 * in team-managed projects moves an item closed with open required DoD items back, saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForgeHost } from '../../sandbox/forge/host';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { MEMBER_ACCOUNT_ID, TEAM_MANAGED_WORKFLOW_ID, type JiraEmulator } from '../../sandbox/jira';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let host: ForgeHost;

beforeAll(async () => {
  sandbox = await startAppSandbox({ connectJira: true });
  ({ jira, host } = sandbox);
});
afterAll(() => sandbox.close());

const headers = { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID };
const issueOf = (key: string) => jira.state.issues.find((i) => i.key === key)!;

function untagged(typeName: string, skip = 0): string {
  const type = jira.state.issueTypes.find((t) => t.name === typeName)!;
  const done = new Set(jira.state.statuses.filter((s) => s.category === 'done').map((s) => s.id));
  return jira.state.issues.filter(
    (i) =>
      i.issueTypeId === type.id &&
      i.labels.length === 0 &&
      !i.properties.ballast &&
      !i.parentId &&
      !done.has(i.statusId),
  )[skip]!.key;
}

describe('the issue trigger', () => {
  it('classifies an issue by the rules when a label is added, and indexes it for JQL', async () => {
    const key = untagged('Task');
    const response = await fetch(`${jira.url}/rest/api/3/issue/${key}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ update: { labels: [{ add: 'tech-debt' }] } }),
    });
    expect(response.status).toBe(204);
    await host.idle();
    expect(issueOf(key).properties.ballast).toMatchObject({
      workType: 'debt',
      workTypeSource: { kind: 'rule' },
      dodComplete: 0,
    });
  });

  it('classifies a newly created Bug as reliability', async () => {
    const project = jira.state.projects.find((p) => p.key === 'SHOP')!;
    const bug = jira.state.issueTypes.find((t) => t.name === 'Bug')!;
    const response = await fetch(`${jira.url}/rest/api/3/issue`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        fields: {
          project: { id: project.id },
          issuetype: { id: bug.id },
          summary: 'Checkout returns 500 on empty cart',
        },
      }),
    });
    expect(response.status).toBe(201);
    const { key } = (await response.json()) as { key: string };
    await host.idle();
    expect(issueOf(key).properties.ballast).toMatchObject({
      workType: 'reliability',
      workTypeSource: { kind: 'rule' },
    });
  });

  it('in a team-managed project, moves an item closed with open DoD items back and comments why', async () => {
    const project = jira.state.projects.find((p) => p.key === 'SHOP')!;
    // A team-managed project: no validators, and its workflow's transitions are from any status.
    const companyWorkflow = project.workflowId;
    project.simplified = true;
    project.workflowId = TEAM_MANAGED_WORKFLOW_ID;
    try {
      const key = untagged('Story', 5);
      const list = (await fetch(`${jira.url}/rest/api/3/issue/${key}/transitions`, {
        headers,
      }).then((r) => r.json())) as {
        transitions: { id: string; to: { statusCategory: { key: string } } }[];
      };
      const toDone = list.transitions.find((t) => t.to.statusCategory.key === 'done')!;
      const moved = await fetch(`${jira.url}/rest/api/3/issue/${key}/transitions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ transition: { id: toDone.id } }),
      });
      expect(moved.status).toBe(204);
      await host.idle();
      const status = jira.state.statuses.find((s) => s.id === issueOf(key).statusId)!;
      expect(status.category).toBe('indeterminate');
      const comments = (await fetch(`${jira.url}/rest/api/3/issue/${key}/comment`, {
        headers,
      }).then((r) => r.json())) as {
        comments: { body: { content: { content: { text: string }[] }[] } }[];
      };
      const last = comments.comments
        .at(-1)!
        .body.content.map((p) => p.content.map((t) => t.text).join(''))
        .join('\n');
      expect(last).toContain(`${key} cannot be done yet: 5 required items are still open`);
      expect(last).toMatch(/^Ballast moved this item back to ".+"\./);
    } finally {
      project.simplified = false;
      project.workflowId = companyWorkflow;
    }
  });
});
