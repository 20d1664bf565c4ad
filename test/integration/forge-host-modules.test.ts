/**
 * The Forge host runs every backend module type the way Forge does, with small test-only handlers
 * that use the REAL @forge/api, @forge/kvs and @forge/resolver: product triggers raised by Jira
 * emulator changes, a workflow validator consulted on the transitions it was added to, a scheduled trigger, an async
 * event consumer, and web triggers over HTTP with Forge's request and response shapes.
 */
import api, { NeedsAuthenticationError, route, webTrigger } from '@forge/api';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForgeHost } from '../../sandbox/forge/host';
import { startFixtureHost, type FixtureHost } from '../support/fixture-host';
import type { JiraEmulator } from '../../sandbox/jira/emulator';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira/seed/people';
import { setTransitionValidators, workflowOf } from '../../sandbox/jira/state/workflow';

const MANIFEST = `
app:
  id: ari:cloud:ecosystem::app/forge-host-test
modules:
  trigger:
    - key: issue-watch
      function: on-issue
      events: [avi:jira:updated:issue, avi:jira:created:issue]
    - key: sprint-watch
      function: on-sprint
      events: [avi:jira-software:closed:sprint]
  jira:workflowValidator:
    - key: ready-label
      name: Ready label
      description: Done needs the label ready
      function: validate
  scheduledTrigger:
    - key: rollup
      function: rollup
      interval: fiveMinute
  consumer:
    - key: recompute-consumer
      queue: recompute
      resolver:
        function: consumer
        method: recompute
  webtrigger:
    - key: sli-ingest
      function: ingest
    - key: broken
      function: broken
  function:
    - { key: on-issue, handler: index.onIssue }
    - { key: on-sprint, handler: index.onSprint }
    - { key: validate, handler: index.validate }
    - { key: rollup, handler: index.rollup }
    - { key: consumer, handler: index.consumer }
    - { key: ingest, handler: index.ingest }
    - { key: broken, handler: index.broken }
`;

interface IssueEvent {
  eventType: string;
  atlassianId: string;
  issue: { key: string; fields: { summary?: string } };
  changelog?: { items: { field: string }[] };
}

/** Test-only handlers, written as an app would write them. */
const handlers = {
  onIssue: async (event: IssueEvent) => {
    let asUser = 'allowed';
    try {
      await api.asUser().requestJira(route`/rest/api/3/myself`);
    } catch (error) {
      asUser = error instanceof NeedsAuthenticationError ? 'needs authentication' : String(error);
    }
    await kvs.set(`seen:${event.issue.key}`, {
      eventType: event.eventType,
      actor: event.atlassianId,
      summary: event.issue.fields.summary,
      changed: event.changelog?.items.map((item) => item.field) ?? [],
      asUser,
    });
  },
  onSprint: async (event: { sprint: { id: string; state: string } }) => {
    await kvs.set(`sprint:${event.sprint.id}`, event.sprint.state);
  },
  validate: async (args: { issue: { key: string }; transition: { to: { id: string } } }) => {
    const response = await api
      .asApp()
      .requestJira(route`/rest/api/3/issue/${args.issue.key}?fields=labels,status`);
    const issue = (await response.json()) as { fields: { labels: string[] } };
    return issue.fields.labels.includes('ready')
      ? { result: true }
      : { result: false, errorMessage: `${args.issue.key} needs the label "ready".` };
  },
  rollup: async (event: { context: { moduleKey: string } }) => {
    await kvs.set('rollup:ran', event.context.moduleKey);
  },
  consumer: new Resolver()
    .define('recompute', async ({ payload, context }) => {
      const body: unknown = payload;
      await kvs.set('recomputed', { payload: body, jobId: (context as { jobId?: string }).jobId });
    })
    .getDefinitions(),
  ingest: (request: {
    method: string;
    body: string;
    headers: Record<string, string[]>;
    queryParameters: Record<string, string[]>;
    path: string;
  }) => ({
    statusCode: 202,
    headers: { 'Content-Type': ['application/json'], 'X-Echo': request.queryParameters.a ?? [] },
    body: JSON.stringify({
      method: request.method,
      path: request.path,
      got: JSON.parse(request.body) as unknown,
      signature: request.headers['x-signature'],
    }),
  }),
  broken: () => ({ status: 'not a Forge response' }),
};

let emu: JiraEmulator;
let host: ForgeHost;
let fixture: FixtureHost;

beforeEach(async () => {
  fixture = await startFixtureHost({ manifest: MANIFEST, handlers, name: 'host-modules' });
  ({ emu, host } = fixture);
});
afterEach(() => fixture.close());

async function jira(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emu.url}${path}`, {
    method,
    headers: { 'x-sandbox-account-id': ADMIN_ACCOUNT_ID, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('product triggers', () => {
  it('an issue edit in Jira raises avi:jira:updated:issue with the issue and changelog', async () => {
    const edit = await jira('PUT', '/rest/api/3/issue/SHOP-1', {
      fields: { summary: 'Checkout survives a payment outage' },
    });
    expect(edit.status).toBe(204);
    const outcomes = await host.idle();
    expect(outcomes.map((o) => [o.moduleKey, o.ok])).toEqual([['issue-watch', true]]);
    expect(await kvs.get('seen:SHOP-1')).toEqual({
      eventType: 'avi:jira:updated:issue',
      actor: ADMIN_ACCOUNT_ID,
      summary: 'Checkout survives a payment outage',
      changed: ['summary'],
      asUser: 'needs authentication', // no user behind a trigger: the app must use asApp
    });
  });

  it('closing the active sprint raises avi:jira-software:closed:sprint', async () => {
    const active = emu.state.sprints.find((s) => s.state === 'active');
    expect(active).toBeDefined();
    const close = await jira('POST', `/rest/agile/1.0/sprint/${active?.id ?? 0}`, {
      state: 'closed',
    });
    expect(close.status).toBe(200);
    await host.idle();
    expect(await kvs.get(`sprint:${active?.id ?? 0}`)).toBe('closed');
  });

  it('runProductEvent delivers a hand-made event to the subscribed triggers only', async () => {
    const outcomes = await host.runProductEvent('avi:jira:created:issue', {
      atlassianId: ADMIN_ACCOUNT_ID,
      issue: { id: '1', key: 'SHOP-999', fields: { summary: 'hand made' } },
    });
    expect(outcomes.map((o) => o.moduleKey)).toEqual(['issue-watch']);
    expect(await host.runProductEvent('avi:jira:deleted:issue', {})).toEqual([]);
  });
});

describe('workflow validator', () => {
  /** An issue in In Review, with ready-label added (as an admin would) to "Complete work" only. */
  function inReviewWithValidatorOnDone(): string {
    const inReview = emu.state.statuses.find((s) => s.name === 'In Review')!;
    const key = emu.state.issues.find(
      (i) => i.statusId === inReview.id && !i.labels.includes('ready'),
    )!.key;
    const shop = workflowOf(emu.store, emu.store.project('SHOP')!);
    setTransitionValidators(shop, '31', ['ready-label']);
    return key;
  }

  it('refuses a transition it was added to with its message and lets it through once satisfied', async () => {
    const key = inReviewWithValidatorOnDone();
    const refused = await jira('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: '31' },
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errorMessages: [`${key} needs the label "ready".`],
    });
    await jira('PUT', `/rest/api/3/issue/${key}`, { update: { labels: [{ add: 'ready' }] } });
    const accepted = await jira('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: '31' },
    });
    expect(accepted.status).toBe(204);
  });

  it('is not invoked on a transition it was not added to, nor once removed', async () => {
    const key = inReviewWithValidatorOnDone();
    const back = await jira('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: '51' },
    });
    expect(back.status).toBe(204);
    const review = await jira('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: '21' },
    });
    expect(review.status).toBe(204);
    setTransitionValidators(workflowOf(emu.store, emu.store.project('SHOP')!), '31', []);
    const done = await jira('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: '31' },
    });
    expect(done.status).toBe(204);
  });

  it('runValidator answers with the function result, and a failing function refuses', async () => {
    const answer = await host.runValidator('ready-label', {
      issueKey: 'SHOP-1',
      fromStatusId: '1',
      toStatusId: '2',
    });
    expect(answer).toEqual({ result: false, errorMessage: 'SHOP-1 needs the label "ready".' });
    const failed = await host.runValidator('ready-label', {
      issueKey: 'NOPE-1',
      fromStatusId: '1',
      toStatusId: '2',
    });
    expect(failed.result).toBe(false);
    expect(failed.errorMessage).toMatch(/Validator ready-label failed/);
  });
});

describe('scheduled triggers and async events', () => {
  it('runs a scheduled trigger with its context', async () => {
    await host.runScheduled('rollup');
    expect(await kvs.get('rollup:ran')).toBe('rollup');
  });

  it('runs scheduled triggers on their interval, sped up for the sandbox', async () => {
    const stop = host.startScheduler({ speedup: 10_000 }); // fiveMinute → every 30 ms
    try {
      await expect.poll(() => kvs.get('rollup:ran'), { timeout: 2_000 }).toBe('rollup');
    } finally {
      stop();
    }
  });

  it('delivers an async event to the queue consumer as a resolver definition call', async () => {
    const outcomes = await host.deliverEvent('recompute', { project: 'SHOP' }, { jobId: 'job-1' });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await kvs.get('recomputed')).toEqual({ payload: { project: 'SHOP' }, jobId: 'job-1' });
    expect(() => host.deliverEvent('nobody-listens', {})).toThrow(/no consumer/);
  });
});

describe('web triggers', () => {
  it("serve Forge's request shape and write its response over HTTP", async () => {
    const server = await host.listen();
    try {
      const url = await host.runtime.runInvocation({}, () => webTrigger.getUrl('sli-ingest'));
      expect(url).toBe(`${server.url}/x1/sli-ingest`);
      const response = await fetch(`${url}?a=1&a=2`, {
        method: 'POST',
        headers: { 'x-signature': 'abc', 'content-type': 'application/json' },
        body: JSON.stringify({ slo: 'availability', good: 99, total: 100 }),
      });
      expect(response.status).toBe(202);
      expect(response.headers.get('x-echo')).toBe('1, 2');
      expect(await response.json()).toEqual({
        method: 'POST',
        path: '/x1/sli-ingest',
        got: { slo: 'availability', good: 99, total: 100 },
        signature: ['abc'],
      });
      const broken = await fetch(`${server.url}/x1/broken`, { method: 'POST', body: '{}' });
      expect(broken.status).toBe(500);
      expect((await fetch(`${server.url}/x1/unknown`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
