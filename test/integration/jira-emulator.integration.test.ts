/**
 * The Jira emulator over HTTP on a free port: paging, field selection, permissions, properties,
 * sprint moves, events, faults, call stats and saved state (transitions and validators:
 * jira-emulator-workflow.test.ts).
 * Each test gets a freshly seeded emulator (seed 42, anchored on 2026-03-10), so none depends on
 * another's changes.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call --
   the assertions read JSON replies loosely; their shapes are checked by the contract test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJiraEmulator, type JiraEmulator } from '../../sandbox/jira/emulator';
import type { JiraEventMap } from '../../sandbox/jira/events';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
} from '../../sandbox/jira/seed/people';
import { JiraStore } from '../../sandbox/jira/state/store';

const ANCHOR = new Date('2026-03-10T12:00:00Z');
let emu: JiraEmulator;

beforeEach(async () => {
  emu = await createJiraEmulator({ seed: { anchor: ANCHOR }, now: () => ANCHOR });
});
afterEach(async () => {
  await emu.close();
});

/** An accountId, 'app' for asApp, or 'nobody' for no identity header. */
type As = string;
interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read JSON freely
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  as: As = ADMIN_ACCOUNT_ID,
  init: RequestInit = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (as === 'app') headers['x-sandbox-as-app'] = 'true';
  else if (as !== 'nobody') headers['x-sandbox-account-id'] = as;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...init,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

const search = (body: Record<string, unknown>, as: As = ADMIN_ACCOUNT_ID) =>
  call('POST', '/rest/api/3/search/jql', body, as);
const count = async (jql: string, as: As = ADMIN_ACCOUNT_ID): Promise<number> =>
  (await call('POST', '/rest/api/3/search/approximate-count', { jql }, as)).body.count as number;

describe('search/jql paging', () => {
  it('pages through every visible issue by nextPageToken, without overlap', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const reply = await search({
        jql: 'project = SHOP ORDER BY key',
        fields: ['summary'],
        maxResults: 100,
        ...(token === undefined ? {} : { nextPageToken: token }),
      });
      expect(reply.status).toBe(200);
      keys.push(...(reply.body.issues as { key: string }[]).map((i) => i.key));
      token = reply.body.nextPageToken as string | undefined;
      expect(reply.body.isLast).toBe(token === undefined);
      pages += 1;
    } while (token !== undefined);
    expect(pages).toBe(4);
    expect(keys).toHaveLength(400);
    expect(new Set(keys).size).toBe(400);
    expect(keys.slice(0, 3)).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-3']);
  });

  it('caps a page at 100 when fields are requested and at 5000 for ids only', async () => {
    expect(
      (await search({ jql: 'project = SHOP', fields: ['summary'], maxResults: 1000 })).body.issues,
    ).toHaveLength(100);
    const idsOnly = await search({ jql: 'project = SHOP', maxResults: 1000 });
    expect(idsOnly.body.issues).toHaveLength(400);
    expect(idsOnly.body.isLast).toBe(true);
    expect(idsOnly.body.issues[0]).toEqual({ id: '10001' });
    const withKeys = await search({ jql: 'key = SHOP-1', fields: ['key'] });
    expect(withKeys.body.issues).toEqual([{ id: '10001', key: 'SHOP-1' }]);
  });

  it('refuses a token it did not issue, and an unbounded query', async () => {
    expect((await search({ jql: 'project = SHOP', nextPageToken: 'bogus' })).body).toEqual({
      errorMessages: ['The provided next page token is invalid or expired.'],
      errors: {},
    });
    expect((await search({ jql: 'ORDER BY created' })).body.errorMessages).toEqual([
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  });

  it('answers GET with comma-separated fields and properties', async () => {
    const reply = await call(
      'GET',
      '/rest/api/3/search/jql?jql=key%3DSHOP-1&fields=summary,labels&properties=ballast',
    );
    expect(Object.keys(reply.body.issues[0].fields).sort()).toEqual(['labels', 'summary']);
  });

  it('names the bad field of a malformed body', async () => {
    expect((await search({ jql: 'project = SHOP', maxResults: 'ten' })).body).toEqual({
      errorMessages: [],
      errors: { maxResults: 'Invalid input: expected number, received string' },
    });
  });
});

describe('fields selection', () => {
  it('expands *navigable without the comment page, *all with it, and drops -field', async () => {
    const navigable = (
      await search({ jql: 'key = SHOP-1', fields: ['*navigable', '-description'] })
    ).body.issues[0].fields;
    expect(navigable).not.toHaveProperty('comment');
    expect(navigable).not.toHaveProperty('description');
    expect(navigable).toHaveProperty('customfield_10020');
    const all = (await search({ jql: 'key = SHOP-1', fields: ['*all'] })).body.issues[0].fields;
    expect(all.comment).toMatchObject({ startAt: 0 });
  });

  it('returns every field on GET issue by default, and only the asked ones with fields=', async () => {
    const full = (await call('GET', '/rest/api/3/issue/SHOP-1')).body;
    expect(full.fields.project.key).toBe('SHOP');
    const some = (await call('GET', '/rest/api/3/issue/SHOP-1?fields=status,customfield_10016'))
      .body;
    expect(Object.keys(some.fields).sort()).toEqual(['customfield_10016', 'status']);
  });
});

describe('permissions', () => {
  it('asks for credentials without an identity header', async () => {
    expect((await call('GET', '/rest/api/3/myself', undefined, 'nobody')).status).toBe(401);
  });

  it('hides the project from a user without browse permission, as Jira does', async () => {
    expect(await count('statusCategory = Done', OUTSIDER_ACCOUNT_ID)).toBe(0);
    expect(
      (await search({ jql: 'project = SHOP' }, OUTSIDER_ACCOUNT_ID)).body.errorMessages,
    ).toEqual(["The value 'SHOP' does not exist for the field 'project'. (line 1, character 11)"]);
    expect(
      (await call('GET', '/rest/api/3/issue/SHOP-1', undefined, OUTSIDER_ACCOUNT_ID)).status,
    ).toBe(404);
    expect(
      (await call('GET', '/rest/api/3/project/SHOP', undefined, OUTSIDER_ACCOUNT_ID)).status,
    ).toBe(404);
    expect(
      (await call('GET', '/rest/agile/1.0/board', undefined, OUTSIDER_ACCOUNT_ID)).body.total,
    ).toBe(0);
  });

  it.each([
    [ADMIN_ACCOUNT_ID, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: true, ADMINISTER: true }],
    [MEMBER_ACCOUNT_ID, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, ADMINISTER: false }],
    [
      OUTSIDER_ACCOUNT_ID,
      { BROWSE_PROJECTS: false, ADMINISTER_PROJECTS: false, ADMINISTER: false },
    ],
  ])('answers mypermissions for %s from the project roles', async (accountId, expected) => {
    const reply = await call(
      'GET',
      '/rest/api/3/mypermissions?projectKey=SHOP&permissions=BROWSE_PROJECTS,ADMINISTER_PROJECTS,ADMINISTER',
      undefined,
      accountId,
    );
    const have = Object.fromEntries(
      Object.entries(reply.body.permissions as Record<string, { havePermission: boolean }>).map(
        ([k, v]) => [k, v.havePermission],
      ),
    );
    expect(have).toEqual(expected);
  });

  it('requires the permissions parameter, as Jira does', async () => {
    expect((await call('GET', '/rest/api/3/mypermissions')).status).toBe(400);
  });

  it('lets only the app write its custom field', async () => {
    const body = { updates: [{ issueIds: [10001], value: 'toil' }] };
    expect(
      (await call('PUT', '/rest/api/3/app/field/customfield_10100/value', body, MEMBER_ACCOUNT_ID))
        .status,
    ).toBe(403);
    expect(
      (
        await call(
          'PUT',
          '/rest/api/3/app/field/ballast-sandbox-app__DEVELOPMENT__ballast-work-type/value',
          body,
          'app',
        )
      ).status,
    ).toBe(204);
    expect(
      (await call('GET', '/rest/api/3/issue/SHOP-1?fields=customfield_10100')).body.fields
        .customfield_10100,
    ).toBe('toil');
  });
});

describe('issue properties', () => {
  it('sets, reads, searches by alias and deletes a property', async () => {
    const value = { version: 1, workType: 'debt', dodComplete: 0, dodOpenRequired: 3 };
    // SHOP-7 is untagged in seed 42: the first PUT creates the property (201), the second updates it (200).
    expect(await count('key = SHOP-7 AND ballastCategory is not EMPTY')).toBe(0);
    const before = await count('project = SHOP AND ballastCategory = debt');
    const put = () =>
      call('PUT', '/rest/api/3/issue/SHOP-7/properties/ballast', value, MEMBER_ACCOUNT_ID);
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200);
    expect((await call('GET', '/rest/api/3/issue/SHOP-7/properties/ballast')).body).toEqual({
      key: 'ballast',
      value,
    });
    const found = await search({
      jql: 'key = SHOP-7 AND ballastCategory = debt AND dodOpenRequired >= 3',
      properties: ['ballast'],
    });
    expect(found.body.issues[0].properties).toEqual({ ballast: value });
    expect(await count('project = SHOP AND ballastCategory = debt')).toBe(before + 1);
    expect((await call('DELETE', '/rest/api/3/issue/SHOP-7/properties/ballast')).status).toBe(204);
    expect((await call('GET', '/rest/api/3/issue/SHOP-7/properties/ballast')).body).toEqual({
      errorMessages: ["The property with key 'ballast' does not exist."],
      errors: {},
    });
  });

  it('refuses a value over 32 KB', async () => {
    const reply = await call('PUT', '/rest/api/3/issue/SHOP-7/properties/big', {
      blob: 'x'.repeat(33_000),
    });
    expect(reply.body.errorMessages).toEqual([
      'The property value is too long. The maximum allowed length is 32768 characters.',
    ]);
  });

  it('bulk-sets by issue and answers 303 to a completed task', async () => {
    const body = {
      issues: [
        { issueID: 10010, properties: { ballast: { workType: 'toil' } } },
        { issueID: 10011, properties: { ballast: { workType: 'toil' } } },
      ],
    };
    const redirect = await call(
      'POST',
      '/rest/api/3/issue/properties/multi',
      body,
      ADMIN_ACCOUNT_ID,
      { redirect: 'manual' },
    );
    expect(redirect.status).toBe(303);
    const task = await fetch(redirect.headers.get('location') ?? '', {
      headers: { 'x-sandbox-account-id': ADMIN_ACCOUNT_ID },
    });
    expect(((await task.json()) as { status: string }).status).toBe('COMPLETE');
    expect(await count('key in (SHOP-10, SHOP-11) AND ballastCategory = toil')).toBe(2);
  });
});

describe('sprint moves', () => {
  it('moves a backlog issue into the future sprint and back, recording the Sprint change', async () => {
    // A backlog issue that was never in a sprint, so the Sprint change reads from nothing to Sprint 10.
    const never = await search({
      jql: 'project = SHOP AND sprint is EMPTY AND statusCategory != Done AND issuetype in (Story, Task, Bug) ORDER BY rank',
      fields: ['summary'],
      maxResults: 1,
    });
    const backlog = never.body.issues[0].key as string;
    const events: JiraEventMap['issue:updated'][] = [];
    emu.events.on('issue:updated', (e) => events.push(e));
    expect(
      (await call('POST', '/rest/agile/1.0/sprint/10/issue', { issues: [backlog] })).status,
    ).toBe(204);
    expect(await count(`key = ${backlog} AND sprint = 10`)).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]?.changelog.items[0]).toEqual({
      field: 'Sprint',
      fieldId: 'customfield_10020',
      fieldtype: 'custom',
      from: null,
      fromString: null,
      to: '10',
      toString: 'SHOP Sprint 10',
    });
    expect(
      (await call('POST', '/rest/agile/1.0/backlog/issue', { issues: [backlog] })).status,
    ).toBe(204);
    expect(await count(`key = ${backlog} AND sprint in openSprints()`)).toBe(0);
  });

  it('refuses sub-tasks, closed sprints and more than 50 issues', async () => {
    const subtask = (
      await search({
        jql: 'project = SHOP AND issuetype = Sub-task',
        fields: ['summary'],
        maxResults: 1,
      })
    ).body.issues[0].key as string;
    expect(
      (await call('POST', '/rest/agile/1.0/sprint/10/issue', { issues: [subtask] })).body
        .errorMessages,
    ).toEqual([`Issue ${subtask} is a sub-task: move its parent instead.`]);
    expect(
      (await call('POST', '/rest/agile/1.0/sprint/1/issue', { issues: ['SHOP-1'] })).body
        .errorMessages,
    ).toEqual(['Issues cannot be moved to a closed sprint.']);
    const many = Array.from({ length: 51 }, (_, i) => `SHOP-${i + 1}`);
    expect(
      (await call('POST', '/rest/agile/1.0/backlog/issue', { issues: many })).body.errors,
    ).toEqual({ issues: 'Too big: expected array to have <=50 items' });
  });

  it('closes the active sprint (unfinished work to the backlog) and starts the next, with events', async () => {
    const seen: string[] = [];
    emu.events.on('sprint:closed', (e) => seen.push(`closed ${e.sprint.id}`));
    emu.events.on('sprint:started', (e) => seen.push(`started ${e.sprint.id}`));
    const unfinished = await count('sprint = 9 AND statusCategory != Done');
    expect(unfinished).toBeGreaterThan(0);
    expect(
      (await call('POST', '/rest/agile/1.0/sprint/9', { state: 'closed' })).body,
    ).toMatchObject({ state: 'closed', completeDate: '2026-03-10T12:00:00.000Z' });
    expect(
      await count('sprint = 9 AND statusCategory != Done AND sprint not in openSprints()'),
    ).toBe(unfinished);
    const started = await call('POST', '/rest/agile/1.0/sprint/10', {
      state: 'active',
      startDate: '2026-03-10T12:00:00.000Z',
      endDate: '2026-03-24T12:00:00.000Z',
    });
    expect(started.body.state).toBe('active');
    expect(seen).toEqual(['closed 9', 'started 10']);
  });

  it('reads and writes the estimate in the board estimation field, as strings like Jira Software', async () => {
    expect(
      (await call('PUT', '/rest/agile/1.0/issue/SHOP-3/estimation?boardId=1', { value: '8' })).body,
    ).toEqual({ fieldId: 'customfield_10016', value: '8.0' });
    expect((await call('GET', '/rest/agile/1.0/issue/SHOP-3/estimation?boardId=1')).body).toEqual({
      fieldId: 'customfield_10016',
      value: '8.0',
    });
    expect(
      (await call('GET', '/rest/api/3/issue/SHOP-3?fields=customfield_10016')).body.fields
        .customfield_10016,
    ).toBe(8);
    expect(
      (await call('PUT', '/rest/agile/1.0/issue/SHOP-3/estimation?boardId=1', { value: 'eight' }))
        .body.errors,
    ).toEqual({ value: "'eight' is not a number." });
  });

  it('records estimate changes in the changelog as Jira writes them (test/fixtures/jira/changelog-bulkfetch.json)', async () => {
    const before = (await call('GET', '/rest/api/3/issue/SHOP-4?fields=customfield_10016')).body
      .fields.customfield_10016 as number | null;
    await call('PUT', '/rest/agile/1.0/issue/SHOP-4/estimation?boardId=1', { value: '13' });
    // The original estimate through the edit's `timetracking` (TimeTrackingDetails): 1d 2h = 10 h.
    expect(
      (
        await call('PUT', '/rest/api/3/issue/SHOP-4', {
          fields: { timetracking: { originalEstimate: '1d 2h' } },
        })
      ).status,
    ).toBe(204);
    expect(
      (await call('GET', '/rest/api/3/issue/SHOP-4?fields=timeoriginalestimate')).body.fields
        .timeoriginalestimate,
    ).toBe(36_000);
    const logs = (
      await call('POST', '/rest/api/3/changelog/bulkfetch', {
        issueIdsOrKeys: ['SHOP-4'],
        fieldIds: ['customfield_10016', 'timeoriginalestimate'],
      })
    ).body.issueChangeLogs[0].changeHistories as { items: Record<string, unknown>[] }[];
    const items = logs.flatMap((h) => h.items);
    expect(items.at(-2)).toEqual({
      field: 'Story point estimate',
      fieldId: 'customfield_10016',
      fieldtype: 'custom',
      ...(before === null ? {} : { fromString: String(before) }),
      toString: '13',
    });
    expect(items.at(-1)).toEqual({
      field: 'timeoriginalestimate',
      fieldId: 'timeoriginalestimate',
      fieldtype: 'jira',
      to: '36000',
      toString: '36000',
    });
    expect(
      (
        await call('PUT', '/rest/api/3/issue/SHOP-4', {
          fields: { timetracking: { originalEstimate: 'soon' } },
        })
      ).body.errors,
    ).toHaveProperty('timetracking');
  });

  it('ranks an issue before another', async () => {
    expect(
      (
        await call('PUT', '/rest/agile/1.0/issue/rank', {
          issues: ['SHOP-40'],
          rankBeforeIssue: 'SHOP-2',
        })
      ).status,
    ).toBe(204);
    const ordered = (
      await search({ jql: 'key in (SHOP-2, SHOP-40) ORDER BY rank', fields: ['summary'] })
    ).body.issues.map((i: { key: string }) => i.key);
    expect(ordered).toEqual(['SHOP-40', 'SHOP-2']);
  });
});

describe('edits, comments and errors', () => {
  it('edits labels with update operations and refuses a label with a space', async () => {
    expect(
      (
        await call('PUT', '/rest/api/3/issue/SHOP-3', {
          update: { labels: [{ set: ['ops'] }, { add: 'toil' }] },
        })
      ).status,
    ).toBe(204);
    expect(
      (await call('GET', '/rest/api/3/issue/SHOP-3?fields=labels')).body.fields.labels,
    ).toEqual(['ops', 'toil']);
    expect(
      (await call('PUT', '/rest/api/3/issue/SHOP-3', { fields: { labels: ['two words'] } })).body,
    ).toEqual({
      errorMessages: [],
      errors: { labels: "The label 'two words' contains spaces which is invalid." },
    });
    expect(
      (await call('PUT', '/rest/api/3/issue/SHOP-3', { fields: { votes: 3 } })).body.errors,
    ).toEqual({
      votes: "Field 'votes' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it('creates an issue with the next key and emits issue:created', async () => {
    const created: string[] = [];
    emu.events.on('issue:created', (e) => created.push(`${e.issue.key} by ${e.actorAccountId}`));
    const reply = await call(
      'POST',
      '/rest/api/3/issue',
      {
        fields: {
          project: { key: 'SHOP' },
          issuetype: { name: 'Task' },
          summary: 'Postmortem: search outage',
          labels: ['postmortem'],
        },
      },
      'app',
    );
    expect(reply).toMatchObject({ status: 201, body: { id: '10401', key: 'SHOP-401' } });
    expect(created).toEqual(['SHOP-401 by acc-ballast-app']);
    expect(await count('key = SHOP-401 AND labels = postmortem AND status = "To Do"')).toBe(1);
    const subtask = await call('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'SHOP' }, issuetype: { name: 'Sub-task' }, summary: 'Orphan' },
    });
    expect(subtask.body.errors).toEqual({
      parent: 'Given parent issue does not belong to appropriate hierarchy.',
    });
  });

  it('lets a member edit but not create issues in a project they cannot see', async () => {
    const body = {
      fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'x' },
    };
    expect(
      (await call('POST', '/rest/api/3/issue', body, OUTSIDER_ACCOUNT_ID)).body.errors,
    ).toEqual({ project: 'valid project is required' });
    expect(
      (
        await call(
          'PUT',
          '/rest/api/3/issue/SHOP-3',
          { fields: { summary: 'Renamed' } },
          MEMBER_ACCOUNT_ID,
        )
      ).status,
    ).toBe(204);
  });

  it('adds a comment and emits an event', async () => {
    const seen: string[] = [];
    emu.events.on('issue:commented', (e) => seen.push(e.issue.key));
    const doc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Missing: runbook' }] }],
    };
    expect((await call('POST', '/rest/api/3/issue/SHOP-3/comment', { body: doc })).status).toBe(
      201,
    );
    const comments = (await call('GET', '/rest/api/3/issue/SHOP-3/comment')).body.comments as {
      body: unknown;
    }[];
    expect(comments.at(-1)?.body).toEqual(doc);
    expect(seen).toEqual(['SHOP-3']);
  });

  it('answers unknown routes 404 and wrong methods 405 in Jira’s error shape', async () => {
    const unknown = await call('GET', '/rest/api/3/search');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual({});
    expect((await call('DELETE', '/rest/api/3/field')).status).toBe(405);
  });
});

describe('fault knobs and call stats', () => {
  it('answers 429 with Retry-After, 5xx, and hangs, as configured', async () => {
    await call('PUT', '/__sandbox/faults', { rate429: 1, retryAfterSeconds: 7 });
    const limited = await call('GET', '/rest/api/3/myself');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    await call('PUT', '/__sandbox/faults', { rate429: 0, rate5xx: 1 });
    expect([500, 502, 503]).toContain((await call('GET', '/rest/api/3/myself')).status);
    await call('PUT', '/__sandbox/faults', { rate5xx: 0, rateTimeout: 1 });
    await expect(
      call('GET', '/rest/api/3/myself', undefined, ADMIN_ACCOUNT_ID, {
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    await call('PUT', '/__sandbox/faults', { rateTimeout: 0, latencyMs: 60 });
    const started = performance.now();
    expect((await call('GET', '/rest/api/3/myself')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('refuses a share above 1', async () => {
    expect((await call('PUT', '/__sandbox/faults', { rate5xx: 2 })).body.errorMessages).toEqual([
      'fault rate5xx is a share between 0 and 1',
    ]);
  });

  it('counts Jira calls per route until reset', async () => {
    await call('GET', '/rest/api/3/issue/SHOP-1');
    expect((await call('DELETE', '/__sandbox/stats')).status).toBe(204);
    await call('GET', '/rest/api/3/issue/SHOP-1');
    await call('GET', '/rest/api/3/issue/SHOP-2');
    await search({ jql: 'project = SHOP' });
    const stats = (await call('GET', '/__sandbox/stats')).body;
    expect(stats.total).toBe(3);
    expect(stats.byRoute).toEqual({
      'GET /rest/api/3/issue/{issueIdOrKey}': 2,
      'POST /rest/api/3/search/jql': 1,
    });
  });
});

describe('state', () => {
  it('saves to a file and loads back into a new emulator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jira-emu-'));
    try {
      await call('PUT', '/rest/api/3/issue/SHOP-5/properties/ballast', { workType: 'toil' });
      emu.store.save(join(dir, 'jira.json'));
      const loaded = JiraStore.load(join(dir, 'jira.json'));
      const second = await createJiraEmulator({ state: loaded.state, now: () => ANCHOR });
      try {
        const reply = await fetch(`${second.url}/rest/api/3/issue/SHOP-5/properties/ballast`, {
          headers: { 'x-sandbox-account-id': ADMIN_ACCOUNT_ID },
        });
        expect(await reply.json()).toEqual({ key: 'ballast', value: { workType: 'toil' } });
        expect(second.state.issues).toHaveLength(400);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
