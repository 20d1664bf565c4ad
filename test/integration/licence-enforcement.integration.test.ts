/**
 * Enforcement that acts on its own stands aside while the licence is inactive (issue #24 item 2):
 * in a team-managed project an item closed with open required DoD items stays Done (its derived
 * values are still written), and a sprint that breaks its split in enforce mode starts with every
 * planned item, its commitment saying the split was not enforced because of the licence. Both
 * through the Jira emulator's events and the app's real triggers, with the licence in the context
 * as Forge passes it (sandbox/forge/host/licence.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  TEAM_MANAGED_WORKFLOW_ID,
  type JiraEmulator,
} from '../../sandbox/jira';
import { loadCommitment } from '../../src/app/sprint/sprint-commitment';
import { NOT_ENFORCED_WITHOUT_LICENCE } from '../../src/app/sprint/on-sprint-started';
import type { Envelope } from '../../src/contract/envelope';
import type { KeyValueStore } from '../../src/ports/key-value-store';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';

const ACTIVE = 9;
const FUTURE = 10;
let sandbox: AppSandbox;
let jira: JiraEmulator;

const asAdmin = { 'content-type': 'application/json', 'x-sandbox-account-id': ADMIN_ACCOUNT_ID };
const asMember = { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID };
const issueOf = (key: string) => jira.state.issues.find((i) => i.key === key)!;

const kv = (): KeyValueStore =>
  ({
    get: (key: string) =>
      Promise.resolve(
        sandbox.host.kvs.store.entries({ kind: 'kv' }).find((e) => e.key === key)?.item.value,
      ),
  }) as unknown as KeyValueStore;

async function invoke<T>(functionKey: string, payload: unknown): Promise<T> {
  const envelope = (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-planner-sprint',
    functionKey,
    payload,
    accountId: ADMIN_ACCOUNT_ID,
    extension: { type: 'jira:sprintAction', project: { key: 'SHOP' } },
  })) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

async function updateSprint(id: number, patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${jira.url}/rest/agile/1.0/sprint/${id}`, {
    method: 'POST',
    headers: asAdmin,
    body: JSON.stringify(patch),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  await sandbox.host.idle();
}

beforeAll(async () => {
  sandbox = await startAppSandbox({ connectJira: true });
  ({ jira } = sandbox);
  // Configured while licensed, as a site whose licence later lapsed.
  const current = await invoke<{ version: number }>('settings/get', {});
  await invoke('settings/save', {
    config: { capacity: { enforcement: 'enforce' } },
    version: current.version,
  });
  sandbox.host.licence.set('inactive');
});
afterAll(() => sandbox.close());

describe('with the licence inactive', () => {
  it('leaves an item closed with open DoD items in Done in a team-managed project, still deriving its values', async () => {
    const project = jira.state.projects.find((p) => p.key === 'SHOP')!;
    const companyWorkflow = project.workflowId;
    project.simplified = true;
    project.workflowId = TEAM_MANAGED_WORKFLOW_ID;
    try {
      const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
      const done = new Set(
        jira.state.statuses.filter((s) => s.category === 'done').map((s) => s.id),
      );
      const key = jira.state.issues.find(
        (i) =>
          i.issueTypeId === story.id &&
          i.labels.length === 0 &&
          !i.properties.ballast &&
          !i.parentId &&
          !done.has(i.statusId),
      )!.key;
      const list = (await fetch(`${jira.url}/rest/api/3/issue/${key}/transitions`, {
        headers: asMember,
      }).then((r) => r.json())) as {
        transitions: { id: string; to: { statusCategory: { key: string } } }[];
      };
      const toDone = list.transitions.find((t) => t.to.statusCategory.key === 'done')!;
      const commentsBefore = issueOf(key).comments.length;
      const moved = await fetch(`${jira.url}/rest/api/3/issue/${key}/transitions`, {
        method: 'POST',
        headers: asMember,
        body: JSON.stringify({ transition: { id: toDone.id } }),
      });
      expect(moved.status).toBe(204);
      await sandbox.host.idle();
      expect(done.has(issueOf(key).statusId)).toBe(true);
      expect(issueOf(key).comments.length).toBe(commentsBefore);
      expect(issueOf(key).properties.ballast).toMatchObject({
        workType: 'feature',
        dodComplete: 0,
      });
    } finally {
      project.simplified = false;
      project.workflowId = companyWorkflow;
    }
  });

  it('starts a sprint that breaks its split with every planned item, recording why nothing moved', async () => {
    await updateSprint(ACTIVE, { state: 'closed' });
    const planned = jira.state.issues.filter((i) => i.sprintIds.includes(FUTURE)).map((i) => i.key);
    await updateSprint(FUTURE, {
      state: 'active',
      startDate: '2026-11-23T09:00:00.000Z',
      endDate: '2026-12-07T09:00:00.000Z',
    });
    const commitment = (await loadCommitment(kv(), FUTURE))!;
    expect(commitment.verdict.status).toBe('nonCompliant');
    expect(commitment.movedOut).toEqual([]);
    expect(commitment.notEnforcedBecause).toBe(NOT_ENFORCED_WITHOUT_LICENCE);
    expect(commitment.items.map((i) => i.key).sort()).toEqual([...planned].sort());
    for (const key of planned) expect(issueOf(key).sprintIds).toContain(FUTURE);
  });
});
