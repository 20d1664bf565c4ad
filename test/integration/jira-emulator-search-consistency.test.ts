/**
 * The emulator's eventually consistent search (sandbox/jira/state/search-index.ts): in `eventual`
 * mode /search/jql, approximate-count and the Agile issue lists see writes only once they are
 * indexed, `reconcileIssues` ids are answered as they are now, and reading one issue stays
 * consistent. Driven by write counts and explicit catch-up, never by the wall clock.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call --
   the assertions read JSON replies loosely; their shapes are checked by the contract test. */
import { afterEach, describe, expect, it } from 'vitest';
import { createJiraEmulator, type JiraEmulator } from '../../sandbox/jira/emulator';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira/seed/people';

const ANCHOR = new Date('2026-03-10T12:00:00Z');
const FUTURE_SPRINT = 10;
let emu: JiraEmulator;

afterEach(async () => {
  await emu.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read JSON freely
async function call(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      'x-sandbox-account-id': ADMIN_ACCOUNT_ID,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

const start = async (options: Parameters<typeof createJiraEmulator>[0] = {}) => {
  emu = await createJiraEmulator({ seed: { anchor: ANCHOR }, now: () => ANCHOR, ...options });
};

/** A top-level backlog story: moving it into the future sprint is one write (no sub-tasks). */
async function backlogStory(): Promise<{ id: string; key: string }> {
  const found = await call('POST', '/rest/api/3/search/jql', {
    jql: 'project = SHOP AND sprint is EMPTY AND issuetype = Task ORDER BY key ASC',
    fields: ['key'],
    maxResults: 1,
  });
  return found.body.issues[0];
}

const sprintKeys = async (reconcileIssues?: number[]): Promise<string[]> =>
  (
    await call('POST', '/rest/api/3/search/jql', {
      jql: `sprint = ${FUTURE_SPRINT}`,
      fields: ['key'],
      maxResults: 5000,
      ...(reconcileIssues ? { reconcileIssues } : {}),
    })
  ).body.issues.map((i: { key: string }) => i.key);

const moveIn = (key: string) =>
  call('POST', `/rest/agile/1.0/sprint/${FUTURE_SPRINT}/issue`, { issues: [key] });

describe('eventual search consistency', () => {
  it('a search right after a move does not see it; reconcileIssues, GET issue and catch-up do', async () => {
    await start({ searchConsistency: 'eventual' });
    const story = await backlogStory();
    expect(await sprintKeys()).not.toContain(story.key);
    expect((await moveIn(story.key)).status).toBe(204);

    expect(await sprintKeys()).not.toContain(story.key);
    expect(await sprintKeys([Number(story.id)])).toContain(story.key);
    const issue = await call('GET', `/rest/api/3/issue/${story.key}?fields=customfield_10020`);
    expect(issue.body.fields.customfield_10020.map((s: { id: number }) => s.id)).toContain(
      FUTURE_SPRINT,
    );
    const agile = await call('GET', `/rest/agile/1.0/sprint/${FUTURE_SPRINT}/issue?fields=key`);
    expect(agile.body.issues.map((i: { key: string }) => i.key)).not.toContain(story.key);

    expect((await call('GET', '/__sandbox/search-index')).body).toEqual({
      consistency: 'eventual',
      lagWrites: null,
      lagMs: null,
      pendingWrites: 1,
    });
    expect((await call('POST', '/__sandbox/search-index/catch-up')).body.pendingWrites).toBe(0);
    expect(await sprintKeys()).toContain(story.key);
  });

  it('search returns the indexed copy of a changed issue: a property set just now is not in it yet', async () => {
    await start({ searchConsistency: 'eventual' });
    const story = await backlogStory();
    await call('PUT', `/rest/api/3/issue/${story.key}/properties/probe`, { n: 1 });
    const read = async (reconcileIssues: number[]) =>
      (
        await call('POST', '/rest/api/3/search/jql', {
          jql: `key = ${story.key}`,
          properties: ['probe'],
          reconcileIssues,
        })
      ).body.issues[0].properties;
    expect(await read([])).toEqual({});
    expect(await read([Number(story.id)])).toEqual({ probe: { n: 1 } });
    expect(
      (await call('GET', `/rest/api/3/issue/${story.key}/properties/probe`)).body.value,
    ).toEqual({ n: 1 });
  });

  it('a new issue is missing from search and from the approximate count until indexed', async () => {
    await start({ searchConsistency: 'eventual' });
    const count = async () =>
      (await call('POST', '/rest/api/3/search/approximate-count', { jql: 'project = SHOP' })).body
        .count;
    const before = await count();
    const created = await call('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'Fresh' },
    });
    expect(created.status).toBe(201);
    expect(await count()).toBe(before);
    emu.searchIndex.catchUp();
    expect(await count()).toBe(before + 1);
  });

  it('with lagWrites 2 a write shows once two more writes happened after it', async () => {
    await start({ searchConsistency: 'eventual', searchLag: { writes: 2 } });
    const story = await backlogStory();
    await moveIn(story.key);
    await call('PUT', `/rest/api/3/issue/${story.key}/properties/probe`, { n: 1 });
    expect(await sprintKeys()).not.toContain(story.key);
    await call('PUT', `/rest/api/3/issue/${story.key}/properties/probe`, { n: 2 });
    expect(await sprintKeys()).toContain(story.key);
  });

  it('more than 50 reconcileIssues is a 400 naming the cap', async () => {
    await start({ searchConsistency: 'eventual' });
    const reply = await call('POST', '/rest/api/3/search/jql', {
      jql: 'project = SHOP',
      reconcileIssues: Array.from({ length: 51 }, (_, i) => 10_001 + i),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages).toEqual([
      'reconcileIssues accepts at most 50 issue ids; 51 were given.',
    ]);
  });

  it('immediate mode (the default) shows every write at once', async () => {
    await start();
    const story = await backlogStory();
    await moveIn(story.key);
    expect(await sprintKeys()).toContain(story.key);
    expect((await call('GET', '/__sandbox/search-index')).body.consistency).toBe('immediate');
  });

  it('PUT /__sandbox/search-index switches the mode at run time and refuses a bad lag', async () => {
    await start();
    const set = await call('PUT', '/__sandbox/search-index', { consistency: 'eventual' });
    expect(set.body.consistency).toBe('eventual');
    const story = await backlogStory();
    await moveIn(story.key);
    expect(await sprintKeys()).not.toContain(story.key);
    expect((await call('PUT', '/__sandbox/search-index', { lagWrites: -1 })).status).toBe(400);
    await call('PUT', '/__sandbox/search-index', { consistency: 'immediate' });
    expect(await sprintKeys()).toContain(story.key);
  });
});
