/**
 * Every Forge entry point of the app takes the payload Atlassian documents and does its work: each
 * fixture of test/fixtures/forge, as written from the docs (string sprint ids, contexts with string
 * ids, a web-trigger request with the caller's header casing…), goes to the real handler through
 * the sandbox host on the seeded emulator. The emulator's own events are not connected, so only the
 * fixture reaches the handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import type { ForgeHost } from '../../sandbox/forge/host';
import { signedHeaders } from '../../src/cli/push/sign';
import {
  loadCommitment,
  loadOutcome,
  type SprintCommitment,
} from '../../src/app/sprint/sprint-commitment';
import type { Envelope } from '../../src/contract/envelope';
import type { IssueView } from '../../src/contract/issue-panel';
import type { PlannerBoard, SprintEvaluation } from '../../src/contract/planner';
import type { KeyValueStore } from '../../src/ports/key-value-store';
import { CONTEXT_FIXTURES, type UiModuleType } from '../fixtures/forge/contexts';
import { forgeFixture } from '../fixtures/forge/load';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { shapeDifferences } from '../support/json-shape';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let host: ForgeHost;

/** The app's plain keys, read straight from the sandbox store. */
const kv = (): KeyValueStore =>
  ({
    get: (key: string) =>
      Promise.resolve(
        host.kvs.store.entries({ kind: 'kv' }).find((e) => e.key === key)?.item.value,
      ),
  }) as unknown as KeyValueStore;

/** A resolver call in one of the documented module contexts (the fixture's `extension`). */
async function call<T>(type: UiModuleType, functionKey: string, payload: unknown): Promise<T> {
  const fixture = CONTEXT_FIXTURES[type];
  const envelope = (await host.invokeResolver({
    moduleKey: fixture.moduleKey,
    functionKey,
    payload,
    accountId: ADMIN_ACCOUNT_ID,
    extension: fixture.extension,
  })) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

/** A change made in Jira as the admin, with no Forge event (the fixture plays the event). */
async function inJira(method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${jira.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-sandbox-account-id': ADMIN_ACCOUNT_ID },
    body: JSON.stringify(body),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

async function playEvent(
  name: Parameters<typeof forgeFixture>[0],
  edit?: (payload: { sprint: Record<string, unknown> }) => void,
) {
  const { payload } = forgeFixture(name);
  edit?.(payload as { sprint: Record<string, unknown> });
  const outcomes = await host.runProductEvent(payload.eventType as string, payload);
  expect(outcomes.map((o) => [o.moduleKey, o.ok])).toEqual([[expect.any(String), true]]);
}

/** An issue fixture, changed first (another seed issue, a field left out). */
async function playIssueEvent(
  name: 'events/issue-created' | 'events/issue-updated',
  edit: (payload: { issue: { id: string; key: string; fields: Record<string, unknown> } }) => void,
) {
  const { payload } = forgeFixture(name);
  edit(payload as { issue: { id: string; key: string; fields: Record<string, unknown> } });
  const outcomes = await host.runProductEvent(payload.eventType as string, payload);
  expect(outcomes.map((o) => o.ok)).toEqual([true]);
}

const issue = (key: string) => jira.state.issues.find((i) => i.key === key)!;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira, host } = sandbox);
  const current = await call<{ version: number }>('jira:projectSettingsPage', 'settings/get', {});
  await call('jira:projectSettingsPage', 'settings/save', {
    config: { capacity: { enforcement: 'enforce' } },
    version: current.version,
  });
}, 60_000);
afterAll(() => sandbox.close());

describe('module contexts give the resolvers their project and issue', () => {
  it.each(['jira:issuePanel', 'jira:issueContext'] as const)(
    '%s: the issue of the context',
    async (type) => {
      const view = await call<IssueView>(type, 'issue/get', { issueKey: 'SHOP-216' });
      expect(view.issueKey).toBe('SHOP-216');
      await expect(call(type, 'issue/get', { issueKey: 'SHOP-213' })).rejects.toThrow(
        'FORBIDDEN: This panel belongs to SHOP-216, not SHOP-213.',
      );
    },
  );

  it('jira:projectSettingsPage: the project of the context', async () => {
    const settings = await call<{ projectKey: string }>(
      'jira:projectSettingsPage',
      'settings/get',
      {},
    );
    expect(settings.projectKey).toBe('SHOP');
  });

  it('jira:projectPage: the project of the context', async () => {
    const answer = await call<{ status: string }>('jira:projectPage', 'project/overview', {});
    expect(['ready', 'pending']).toContain(answer.status);
  });

  it('jira:backlogAction: the board of the context, its string id read as board 1', async () => {
    const board = await call<PlannerBoard>('jira:backlogAction', 'planner/board', {});
    expect(board).toMatchObject({ projectKey: 'SHOP', boardId: 1 });
  });

  it('jira:sprintAction: the sprint of the context; a payload naming the same board is no mismatch', async () => {
    const board = await call<PlannerBoard>('jira:sprintAction', 'planner/board', { boardId: 1 });
    expect(board).toMatchObject({ boardId: 1, selectedSprintId: 10 });
    await expect(call('jira:sprintAction', 'planner/board', { boardId: 2 })).rejects.toThrow(
      'BAD_REQUEST: Invalid request: boardId: the planner is open on board 1, not 2.',
    );
  });
});

describe('a context Ballast cannot read', () => {
  it('is refused, not replaced by the board the payload names', async () => {
    const fixture = CONTEXT_FIXTURES['jira:sprintAction'];
    const envelope = (await host.invokeResolver({
      moduleKey: fixture.moduleKey,
      functionKey: 'planner/board',
      payload: { boardId: 1 },
      accountId: ADMIN_ACCOUNT_ID,
      extension: { ...fixture.extension, board: { id: '', type: 'scrum' } },
    })) as Envelope<PlannerBoard>;
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message:
          "The module's context is not one Ballast can read: extension.board.id: must be a string of digits (or a positive whole number). Open the planner again from the board.",
      },
    });
  });
});

describe('sprint events (events-reference/jira-software)', () => {
  it('the sprint-closed fixture records the outcome, closedAt from its +0000 completeDate', async () => {
    const done = new Set(jira.state.statuses.filter((s) => s.category === 'done').map((s) => s.id));
    const expectedDone = jira.state.issues
      .filter((i) => i.sprintIds.includes(9) && done.has(i.statusId))
      .map((i) => i.key)
      .sort();
    await inJira('POST', '/rest/agile/1.0/sprint/9', { state: 'closed' });
    await playEvent('events/sprint-closed');
    const outcome = await loadOutcome(kv(), 9);
    expect(outcome?.closedAt).toBe('2026-11-20T11:00:00.000Z');
    expect(outcome?.completed.map((c) => c.key).sort()).toEqual(expectedDone);
  });

  let commitment: SprintCommitment;

  it('the sprint-started fixture takes the commitment snapshot and, in enforce mode, enforces the split', async () => {
    const before = await call<SprintEvaluation>('jira:sprintAction', 'planner/evaluate', {
      sprintId: 10,
    });
    expect(before.evaluation.verdict.status).toBe('nonCompliant');
    const planned = jira.state.issues.filter((i) => i.sprintIds.includes(10)).map((i) => i.key);
    await inJira('POST', '/rest/agile/1.0/sprint/10', {
      state: 'active',
      startDate: '2026-11-23T09:00:00.000Z',
      endDate: '2026-12-07T09:00:00.000Z',
    });
    await playEvent('events/sprint-started');
    commitment = (await loadCommitment(kv(), 10))!;
    expect(commitment.verdict.status).toBe('nonCompliant');
    expect(commitment.movedOut.length).toBeGreaterThan(0);
    // What stayed plus what moved back is what was planned: the overflow left, nothing came in.
    expect([...commitment.items.map((i) => i.key), ...commitment.movedOut].sort()).toEqual(
      [...planned].sort(),
    );
    for (const key of commitment.movedOut) {
      expect(issue(key).sprintIds).not.toContain(10);
      expect(JSON.stringify(issue(key).comments.at(-1))).toContain(
        'Ballast moved this item back to the backlog when',
      );
    }
  });

  it('without originBoardId (optional in the docs) the board is read from the sprint', async () => {
    await inJira('POST', '/rest/agile/1.0/sprint/10', { state: 'closed' });
    await playEvent('events/sprint-closed', (p) => {
      p.sprint.id = '10';
      delete p.sprint.originBoardId;
    });
    const outcome = await loadOutcome(kv(), 10);
    expect(outcome?.sprintId).toBe(10);
    expect(outcome?.committed).toBe(
      commitment.items.reduce((sum, item) => sum + (item.size ?? 0), 0),
    );
  });
});

describe('issue events (events-reference/jira)', () => {
  it('the issue-created fixture tags the new Bug by the rules', async () => {
    await playEvent('events/issue-created');
    expect(issue('SHOP-216').properties.ballast).toMatchObject({
      workType: 'reliability',
      workTypeSource: { kind: 'rule' },
    });
  });

  it('the issue-updated fixture tags the Task that was labelled tech-debt', async () => {
    await inJira('PUT', '/rest/api/3/issue/SHOP-213', {
      update: { labels: [{ add: 'tech-debt' }] },
    });
    await playEvent('events/issue-updated');
    expect(issue('SHOP-213').properties.ballast).toMatchObject({
      workType: 'debt',
      workTypeSource: { kind: 'rule' },
    });
  });

  it('an issue event without issue.fields.project (every field is optional) still tags', async () => {
    await inJira('PUT', '/rest/api/3/issue/SHOP-238', {
      update: { labels: [{ add: 'tech-debt' }] },
    });
    await playIssueEvent('events/issue-updated', (payload) => {
      payload.issue.id = '10238';
      payload.issue.key = 'SHOP-238';
      delete payload.issue.fields.project;
    });
    expect(issue('SHOP-238').properties.ballast).toMatchObject({ workType: 'debt' });
  });

  it("the Work type field's value function answers the fixture's issues, in order", async () => {
    const values = await host.invoke(
      'ballast-work-type',
      forgeFixture('functions/custom-field-value').payload,
    );
    expect(values).toEqual(['reliability']);
    // The same issue named by a string of digits (Jira's usual id form) reads alike.
    const asText = forgeFixture('functions/custom-field-value').payload as {
      issues: { id: unknown }[];
    };
    asText.issues[0]!.id = '10216';
    expect(await host.invoke('ballast-work-type', asText)).toEqual(['reliability']);
  });
});

describe('platform invocations', () => {
  it('the web-trigger request fixture, signed, is parsed and answered as documented', async () => {
    const rotated = await call<{ secret: string }>(
      'jira:projectSettingsPage',
      'push/rotateSecret',
      {},
    );
    const request = forgeFixture('functions/web-trigger-request').payload as {
      headers: Record<string, string[]>;
      body: string;
    };
    const signed = signedHeaders(rotated.secret, Date.now(), request.body);
    // The fixture's own header names (X-Ballast-Timestamp…), as a caller wrote them.
    request.headers['X-Ballast-Timestamp'] = [signed['x-ballast-timestamp']!];
    request.headers['X-Ballast-Signature'] = [signed['x-ballast-signature']!];
    const answer = (await host.invoke('ballast-deployment-push', request)) as {
      statusCode: number;
      body: string;
    };
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, duplicate: false });
    const response = forgeFixture('functions/web-trigger-response');
    expect(shapeDifferences(answer, response.payload, response.shape)).toEqual([]);
  });

  it('the async-event fixture recomputes the project snapshot', async () => {
    await host.invoke('ballast-metrics-consumer', forgeFixture('functions/async-event').payload);
    const answer = await call<{ status: string }>('jira:projectPage', 'project/overview', {});
    expect(answer.status).toBe('ready');
  }, 60_000);

  it('the scheduled-trigger fixture runs the job, answered { statusCode: 204 }', async () => {
    const answer = await host.invoke(
      'ballast-slo-refresh',
      forgeFixture('functions/scheduled-trigger').payload,
    );
    expect(answer).toEqual({ statusCode: 204 });
  });
});
