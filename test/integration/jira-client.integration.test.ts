import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  createJiraEmulator,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
  type JiraEmulator,
} from '../../sandbox/jira';
import { JiraClient } from '../../src/adapters/forge/jira/client';
import { JiraRequestError } from '../../src/adapters/forge/jira/errors';
import { DEFAULT_RETRY_POLICY } from '../../src/adapters/forge/jira/retry';
import { JiraHttp } from '../../src/adapters/forge/jira/http';
import { findOperation } from '../contract/openapi';
import { emulatorTransport, type RecordedCall } from '../support/emulator-transport';
import { manifestScopes, requiredScopes } from '../support/manifest-scopes';

const anchor = new Date('2026-11-20T12:00:00Z');
let jira: JiraEmulator;
const calls: RecordedCall[] = [];
const noWait = () => Promise.resolve();

function clientFor(
  accountId: string,
  options: { sleeps?: number[]; onSleep?: () => void; random?: () => number } = {},
): JiraClient {
  const sleep = (ms: number) => {
    options.sleeps?.push(ms);
    options.onSleep?.();
    return noWait();
  };
  // Jitter at its midpoint (× 1.0) unless a test asks otherwise, so waits are exact.
  const random = options.random ?? (() => 0.5);
  return new JiraClient(
    new JiraHttp(emulatorTransport(jira.url, { accountId }, calls), { sleep, random }),
  );
}

beforeAll(async () => {
  jira = await createJiraEmulator({ port: 0, seed: { anchor }, now: () => anchor });
});
afterAll(async () => jira.close());

describe('JiraClient against the sandbox Jira', () => {
  it('pages through /search/jql with nextPageToken until every issue is read', async () => {
    const issues = await clientFor(ADMIN_ACCOUNT_ID).searchAll('project = SHOP ORDER BY key ASC', {
      fields: ['summary', 'issuetype'],
      pageSize: 50,
    });
    const keys = new Set(issues.map((issue) => issue.key));
    expect(keys.size).toBe(issues.length);
    expect(issues.length).toBe(jira.state.issues.filter((i) => i.key.startsWith('SHOP-')).length);
    expect(issues.length).toBe(400);
    expect(issues[0]?.fields.summary).toEqual(expect.any(String));
  });

  it('reads a board and the project it belongs to', async () => {
    const board = await clientFor(ADMIN_ACCOUNT_ID).getBoard(1);
    expect(board).toMatchObject({ id: 1, location: { projectKey: 'SHOP' } });
  });

  it('discovers the board estimation field instead of assuming one', async () => {
    const config = await clientFor(MEMBER_ACCOUNT_ID).getBoardConfiguration(1);
    expect(config.estimation?.field?.fieldId).toBe('customfield_10016');
  });

  it('lists closed, active and future sprints of the board', async () => {
    const sprints = await clientFor(MEMBER_ACCOUNT_ID).listSprints(1, [
      'closed',
      'active',
      'future',
    ]);
    expect(sprints.map((s) => s.state)).toEqual([
      ...Array<string>(8).fill('closed'),
      'active',
      'future',
    ]);
  });

  it('reads the issues of the active sprint and moves one to the backlog and back', async () => {
    const client = clientFor(ADMIN_ACCOUNT_ID);
    const active = (await client.listSprints(1, ['active']))[0]!;
    const before = await client.sprintIssues(active.id, ['summary']);
    const moved = before[0]!.key;
    await client.moveToBacklog([moved]);
    expect((await client.sprintIssues(active.id, ['summary'])).map((i) => i.key)).not.toContain(
      moved,
    );
    expect((await client.backlogIssues(1, ['summary'])).map((i) => i.key)).toContain(moved);
    await client.moveToSprint(active.id, [moved]);
    expect((await client.sprintIssues(active.id, ['summary'])).length).toBe(before.length);
  });

  it('writes, reads back and deletes an issue entity property; a missing one reads as undefined', async () => {
    const client = clientFor(ADMIN_ACCOUNT_ID);
    await client.setIssueProperty('SHOP-1', 'ballast-test', { workType: 'toil' });
    expect(await client.getIssueProperty('SHOP-1', 'ballast-test')).toEqual({ workType: 'toil' });
    expect(await client.getIssueProperty('SHOP-1', 'never-set')).toBeUndefined();
    // Deleting removes it; deleting what is already gone is no error (a repeated project delete).
    await client.deleteIssueProperty('SHOP-1', 'ballast-test');
    expect(await client.getIssueProperty('SHOP-1', 'ballast-test')).toBeUndefined();
    await client.deleteIssueProperty('SHOP-1', 'ballast-test');
  });

  it('refuses a user without browse permission with a not-found error, as Jira hides the issue', async () => {
    const error = await clientFor(OUTSIDER_ACCOUNT_ID)
      .getIssue('SHOP-1', ['summary'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraRequestError);
    expect((error as JiraRequestError).kind).toBe('not-found');
    expect((error as JiraRequestError).code).toBe('NOT_FOUND');
  });

  it("reads people's display names in bulk; an unknown account is left out", async () => {
    const users = await clientFor(MEMBER_ACCOUNT_ID).getUsers([
      ADMIN_ACCOUNT_ID,
      MEMBER_ACCOUNT_ID,
      'acc-nobody',
    ]);
    expect(users).toEqual([
      { accountId: ADMIN_ACCOUNT_ID, displayName: 'Ada Okafor' },
      { accountId: MEMBER_ACCOUNT_ID, displayName: 'Marco Silva' },
    ]);
  });

  it('answers which project permissions the caller has', async () => {
    const keys = ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'];
    expect(await clientFor(ADMIN_ACCOUNT_ID).myPermissions({ projectKey: 'SHOP' }, keys)).toEqual({
      BROWSE_PROJECTS: true,
      ADMINISTER_PROJECTS: true,
    });
    expect(await clientFor(MEMBER_ACCOUNT_ID).myPermissions({ projectKey: 'SHOP' }, keys)).toEqual({
      BROWSE_PROJECTS: true,
      ADMINISTER_PROJECTS: false,
    });
  });

  it('creates an issue with labels and a plain-text description', async () => {
    const created = await clientFor(ADMIN_ACCOUNT_ID).createIssue({
      projectKey: 'SHOP',
      issueTypeName: 'Task',
      summary: 'Postmortem: checkout outage',
      description: ['What happened.', 'What we change.'],
      labels: ['postmortem'],
    });
    expect(created.key).toMatch(/^SHOP-\d+$/);
    const issue = jira.state.issues.find((i) => i.key === created.key)!;
    expect(issue.labels).toEqual(['postmortem']);
    expect(JSON.stringify(issue.description)).toContain('What we change.');
  });

  it('adds a comment and lists transitions', async () => {
    const client = clientFor(ADMIN_ACCOUNT_ID);
    expect(await client.addComment('SHOP-2', 'Ballast: first line\nsecond line')).toEqual(
      expect.any(String),
    );
    const transitions = await client.getTransitions('SHOP-2');
    expect(transitions.length).toBeGreaterThan(0);
  });

  it('fetches change histories in bulk', async () => {
    const logs = await clientFor(ADMIN_ACCOUNT_ID).changelogs(
      ['SHOP-1', 'SHOP-2', 'SHOP-3'],
      ['status'],
    );
    expect(logs.length).toBeGreaterThan(0);
    expect(
      logs.every((log) =>
        log.changeHistories.every((h) =>
          h.items.every((i) => i.fieldId === 'status' || i.field === 'status'),
        ),
      ),
    ).toBe(true);
  });
});

describe('JiraClient under Jira faults', () => {
  it("finds the app's Ballast category field and sets its value as the app, never as a user", async () => {
    const fields = await clientFor(ADMIN_ACCOUNT_ID).listFields();
    const field = fields.find((f) => f.schema?.custom?.endsWith('/static/ballast-work-type'));
    expect(field?.id).toBe('customfield_10100');
    const issue = jira.state.issues[0]!;
    const asApp = new JiraClient(new JiraHttp(emulatorTransport(jira.url, 'app', calls)));
    await asApp.setAppFieldValues([
      { field: field!.id, issueIds: [Number(issue.id)], value: 'toil' },
    ]);
    expect(issue.custom[field!.id]).toBe('toil');
    await expect(
      clientFor(ADMIN_ACCOUNT_ID).setAppFieldValues([
        { field: field!.id, issueIds: [Number(issue.id)], value: 'debt' },
      ]),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(issue.custom[field!.id]).toBe('toil');
  });

  it('retries a 429 after the Retry-After Jira names, then succeeds', async () => {
    const sleeps: number[] = [];
    jira.faults.update({ rate429: 1, retryAfterSeconds: 2 });
    // Jira heals while the client waits out the Retry-After.
    const onSleep = () => jira.faults.update({ rate429: 0 });
    await expect(
      clientFor(MEMBER_ACCOUNT_ID, { sleeps, onSleep }).getSprint(1),
    ).resolves.toMatchObject({
      id: 1,
    });
    expect(sleeps).toEqual([2000]);
  });

  it('stops waiting for an attempt Jira leaves hanging, and does not repeat it', async () => {
    const sleeps: number[] = [];
    jira.faults.update({ rateTimeout: 1 });
    const retry = { ...DEFAULT_RETRY_POLICY, attemptTimeoutMs: 200 };
    const client = new JiraClient(
      new JiraHttp(emulatorTransport(jira.url, { accountId: MEMBER_ACCOUNT_ID }, calls), {
        retry,
        sleep: (ms) => {
          sleeps.push(ms);
          return noWait();
        },
      }),
    );
    try {
      const error = await client.getSprint(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JiraRequestError);
      expect((error as JiraRequestError).kind).toBe('unavailable');
      expect((error as JiraRequestError).options.retryable).toBe(true);
      expect((error as JiraRequestError).message).toContain('no answer within 0.2 s');
      expect(sleeps).toEqual([]);
    } finally {
      jira.faults.update({ rateTimeout: 0 });
    }
  });

  it('gives up after the bounded attempts and reports a retryable Jira error', async () => {
    const sleeps: number[] = [];
    jira.faults.update({ rate5xx: 1 });
    try {
      const error = await clientFor(MEMBER_ACCOUNT_ID, { sleeps })
        .getSprint(1)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JiraRequestError);
      expect((error as JiraRequestError).kind).toBe('unavailable');
      expect((error as JiraRequestError).options.retryable).toBe(true);
      // 4 attempts: waits of 250, 500 and 1000 ms between them (capped exponential backoff).
      expect(sleeps).toEqual([250, 500, 1000]);
    } finally {
      jira.faults.update({ rate5xx: 0 });
    }
  });

  it('spreads the backoff over 0.7–1.3 times its length (jitter), as Atlassian advises', async () => {
    const sleeps: number[] = [];
    jira.faults.update({ rate5xx: 1 });
    try {
      await clientFor(MEMBER_ACCOUNT_ID, { sleeps, random: () => 0 })
        .getSprint(1)
        .catch(() => undefined);
      expect(sleeps).toEqual([175, 350, 700]);
    } finally {
      jira.faults.update({ rate5xx: 0 });
    }
  });
});

describe("the app's Jira calls (contract)", () => {
  // Runs last: checks every call the tests above made through the client.
  it('all exist in the Jira OpenAPI specs with that method, and manifest.yml grants their scopes', () => {
    const granted = new Set(manifestScopes());
    const operations = new Map<string, string[]>();
    for (const call of calls) {
      const found = findOperation(call.method, call.path);
      expect(found, `${call.method} ${call.path} is not in Jira's OpenAPI specs`).toBeDefined();
      const label = `${call.method} ${found!.path}`;
      operations.set(
        label,
        requiredScopes(call.method, found!.path).filter((scope) => !granted.has(scope)),
      );
    }
    const missing = [...operations].filter(([, scopes]) => scopes.length > 0);
    expect(Object.fromEntries(missing)).toEqual({});
    // Every operation of the client was exercised above (a new method needs a test here).
    expect([...operations.keys()].sort()).toEqual([
      'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      'GET /rest/agile/1.0/board/{boardId}',
      'GET /rest/agile/1.0/board/{boardId}/backlog',
      'GET /rest/agile/1.0/board/{boardId}/configuration',
      'GET /rest/agile/1.0/board/{boardId}/sprint',
      'GET /rest/agile/1.0/sprint/{sprintId}',
      'GET /rest/agile/1.0/sprint/{sprintId}/issue',
      'GET /rest/api/3/field',
      'GET /rest/api/3/issue/{issueIdOrKey}',
      'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      'GET /rest/api/3/issue/{issueIdOrKey}/transitions',
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/user/bulk',
      'POST /rest/agile/1.0/backlog/issue',
      'POST /rest/agile/1.0/sprint/{sprintId}/issue',
      'POST /rest/api/3/app/field/value',
      'POST /rest/api/3/changelog/bulkfetch',
      'POST /rest/api/3/issue',
      'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      'POST /rest/api/3/search/jql',
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    ]);
  });
});
