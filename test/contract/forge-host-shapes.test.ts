/**
 * The sandbox hands the app's handlers what Forge documents, and nothing shaped otherwise: a host
 * runs manifest.yml with capturing handlers in place of the app's, the Jira emulator raises its
 * events, and every payload the host passes is compared by structure (keys and JSON types) with
 * the fixtures written from Atlassian's pages (test/fixtures/forge/README.md). Strings where Jira
 * sends strings: a number here is how the sprint id mistake went unseen.
 */
import { makeResolver } from '@forge/resolver';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  createJiraEmulator,
  type JiraEmulator,
} from '../../sandbox/jira';
import { buildContext, type FrameTarget } from '../../sandbox/shell/frame-context';
import { jiraAs } from '../../sandbox/shell/jira-client';
import { readAppManifest } from '../../sandbox/shell/manifest';
import {
  CONTEXT_FIXTURES,
  RESOLVER_CONTEXT_OPTIONAL,
  VIEW_CONTEXT_OPTIONAL,
  resolverContextOf,
  viewContextOf,
  type UiModuleType,
} from '../fixtures/forge/contexts';
import { forgeFixture, type ForgeFixtureName } from '../fixtures/forge/load';
import { shapeDifferences } from '../support/json-shape';
import { SEED_ANCHOR } from '../support/app-sandbox';

interface Captured {
  readonly handler: string;
  readonly event: Record<string, unknown>;
  readonly context: unknown;
}
const captured: Captured[] = [];
const capture =
  (handler: string, answer?: unknown) => (event: Record<string, unknown>, context: unknown) => {
    captured.push({ handler, event, context });
    return answer;
  };
const taken = (handler: string, eventType?: string): Captured => {
  const hit = captured.filter(
    (c) => c.handler === handler && (eventType === undefined || c.event.eventType === eventType),
  );
  expect(hit, `${handler} ${eventType ?? ''} ran once`).toHaveLength(1);
  return hit[0]!;
};

const webTriggerAnswer = forgeFixture('functions/web-trigger-response').payload;

/** The app's exports named in manifest.yml, each replaced by a recorder. */
const recorders = {
  resolver: makeResolver({
    capture: (request: { payload: unknown; context: unknown }) => {
      captured.push({ handler: 'resolver', event: {}, context: request.context });
      return { ok: true };
    },
  }),
  onIssueChanged: capture('onIssueChanged'),
  onSprintStartedEvent: capture('onSprintStartedEvent'),
  onSprintClosedEvent: capture('onSprintClosedEvent'),
  onSloRefresh: capture('onSloRefresh', { statusCode: 204 }),
  metricsConsumer: capture('metricsConsumer'),
  onDeploymentPush: capture('onDeploymentPush', webTriggerAnswer),
  dodValidator: () => ({ result: true }),
  gateValidator: () => ({ result: true }),
};

let jira: JiraEmulator;
let host: ForgeHost;
let dir: string;

beforeAll(async () => {
  jira = await createJiraEmulator({ seed: { anchor: SEED_ANCHOR }, now: () => SEED_ANCHOR });
  dir = mkdtempSync(join(tmpdir(), 'ballast-shapes-'));
  host = createForgeHost({
    manifestPath: 'manifest.yml',
    appModule: recorders,
    jiraUrl: jira.url,
    stateDir: dir,
  });
  host.connectJira(jira.events);
});
afterAll(async () => {
  await host.close();
  await jira.close();
  rmSync(dir, { recursive: true, force: true });
});

async function asPerson(method: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${jira.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-sandbox-account-id': ADMIN_ACCOUNT_ID },
    body: JSON.stringify(body),
  });
  await host.idle();
  return response.status;
}

const expectShapeOf = (actual: unknown, name: ForgeFixtureName) => {
  const fixture = forgeFixture(name);
  expect(shapeDifferences(actual, fixture.payload, fixture.shape), name).toEqual([]);
};

describe('product events the host raises from Jira changes', () => {
  it('an issue created in Jira: avi:jira:created:issue as documented', async () => {
    const status = await asPerson('POST', '/rest/api/3/issue', {
      fields: {
        project: { id: '10000' },
        issuetype: { id: '10003' },
        summary: 'Checkout returns 500 on empty cart',
      },
    });
    expect(status).toBe(201);
    const { event } = taken('onIssueChanged', 'avi:jira:created:issue');
    expectShapeOf(event, 'events/issue-created');
    expect(event.selfGenerated).toBe(false);
  });

  it('an issue edited in Jira: avi:jira:updated:issue with its changelog, as documented', async () => {
    expect(
      await asPerson('PUT', '/rest/api/3/issue/SHOP-213', {
        update: { labels: [{ add: 'tech-debt' }] },
      }),
    ).toBe(204);
    expectShapeOf(taken('onIssueChanged', 'avi:jira:updated:issue').event, 'events/issue-updated');
  });

  it('a sprint closed: the same Sprint with its completeDate', async () => {
    expect(await asPerson('POST', '/rest/agile/1.0/sprint/9', { state: 'closed' })).toBe(200);
    const { event } = taken('onSprintClosedEvent');
    expectShapeOf(event, 'events/sprint-closed');
    expect((event.sprint as { completeDate?: unknown }).completeDate).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/,
    );
  });

  it('a sprint started: string ids, createDate and Jira timestamps, as documented', async () => {
    expect(
      await asPerson('POST', '/rest/agile/1.0/sprint/10', {
        state: 'active',
        startDate: '2026-11-23T09:00:00.000Z',
        endDate: '2026-12-07T09:00:00.000Z',
      }),
    ).toBe(200);
    const { event } = taken('onSprintStartedEvent');
    expectShapeOf(event, 'events/sprint-started');
    expect(event.sprint).toMatchObject({
      id: '10',
      originBoardId: '1',
      startDate: '2026-11-23T09:00:00.000+0000',
    });
  });
});

describe('platform invocations', () => {
  it('a scheduled trigger gets { context: { cloudId, moduleKey }, contextToken } and no principal', async () => {
    expect(await host.runScheduled('ballast-slo-refresh')).toEqual({ statusCode: 204 });
    const run = taken('onSloRefresh');
    expectShapeOf(run.event, 'functions/scheduled-trigger');
    expect(run.event.context).toEqual({ cloudId: host.cloudId, moduleKey: 'ballast-slo-refresh' });
    expect(run.context).toEqual({ installContext: `ari:cloud:jira::site/${host.cloudId}` });
  });

  it('the consumer function gets an AsyncEvent whose body is what was pushed', async () => {
    const outcomes = await host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' });
    expect(outcomes.map((o) => o.ok)).toEqual([true]);
    const { event } = taken('metricsConsumer');
    expectShapeOf(event, 'functions/async-event');
    expect(event.body).toEqual({ projectKey: 'SHOP' });
  });

  it("a web trigger gets the caller's header names, arrays of values, the raw body and userPath", async () => {
    const server = await host.listen();
    try {
      const body = '{"id":"d-1"}';
      const { status, headers } = await new Promise<{
        status: number;
        headers: Record<string, unknown>;
      }>((resolve, reject) => {
        const url = new URL(`${server.url}/x1/ballast-deployment-push?dry=1&dry=2`);
        // node:http keeps the header names as written (fetch would lower-case them).
        const req = httpRequest(
          url,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Ballast-Timestamp': '1' },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(status).toBe(webTriggerAnswer.statusCode);
      expect(headers['content-type']).toBe('application/json');
      const { event } = taken('onDeploymentPush');
      expectShapeOf(event, 'functions/web-trigger-request');
      expect(event).toMatchObject({
        method: 'POST',
        body,
        path: '/x1/ballast-deployment-push',
        userPath: '',
        queryParameters: { dry: ['1', '2'] },
      });
      expect(event.headers).toMatchObject({
        'Content-Type': ['application/json'],
        'X-Ballast-Timestamp': ['1'],
      });
    } finally {
      await server.close();
    }
  });
});

const targets: Record<UiModuleType, FrameTarget> = {
  'jira:issuePanel': { projectKey: 'SHOP', issueKey: 'SHOP-216' },
  'jira:issueContext': { projectKey: 'SHOP', issueKey: 'SHOP-216' },
  'jira:projectPage': { projectKey: 'SHOP' },
  'jira:projectSettingsPage': { projectKey: 'SHOP' },
  'jira:backlogAction': { projectKey: 'SHOP', boardId: 1 },
  'jira:sprintAction': { projectKey: 'SHOP', boardId: 1, sprintId: 10 },
};

describe.each(Object.entries(CONTEXT_FIXTURES))('the %s context', (type, fixture) => {
  const rules = (optional: readonly string[]) => ({
    optional: [...optional, ...fixture.optional.map((path) => `extension.${path}`)],
  });

  it("the shell's frame gets view.getContext()'s documented shape", async () => {
    const module = readAppManifest('manifest.yml').modules.find((m) => m.type === type)!;
    const context = await buildContext(
      jiraAs(jira.url, MEMBER_ACCOUNT_ID),
      MEMBER_ACCOUNT_ID,
      module,
      targets[type as UiModuleType],
      { cloudId: host.cloudId, siteUrl: jira.url },
    );
    expect(shapeDifferences(context, viewContextOf(fixture), rules(VIEW_CONTEXT_OPTIONAL))).toEqual(
      [],
    );
  });

  it("the resolver gets forge-resolver's documented context around it", async () => {
    captured.length = 0;
    await host.invokeResolver({
      moduleKey: fixture.moduleKey,
      functionKey: 'capture',
      accountId: ADMIN_ACCOUNT_ID,
      extension: fixture.extension,
    });
    // As the handler sees it: @forge/resolver sets license, installation and jobId to undefined
    // when the platform sends none, which JSON (and the comparison) leaves out.
    const context: unknown = JSON.parse(JSON.stringify(taken('resolver').context));
    expect(
      shapeDifferences(context, resolverContextOf(fixture), rules(RESOLVER_CONTEXT_OPTIONAL)),
    ).toEqual([]);
  });
});
