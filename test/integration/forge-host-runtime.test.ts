/**
 * The sandbox's Forge runtime drives the REAL @forge/api against the Jira emulator: asUser acts as
 * the invocation's user (concurrent invocations keep their own), asApp as the app, Jira's errors
 * (404, 429 + Retry-After) reach the caller unchanged, Jira's permissions apply to users, and the
 * proxy's own refusals become @forge/api's errors.
 */
import api, { getAppContext, NeedsAuthenticationError, route } from '@forge/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJiraEmulator, type JiraEmulator } from '../../sandbox/jira/emulator';
import {
  ADMIN_ACCOUNT_ID,
  APP_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
} from '../../sandbox/jira/seed/people';
import { InvocationTimeoutError } from '../../sandbox/forge/invocation';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../sandbox/forge/runtime';

const ANCHOR = new Date('2026-03-10T12:00:00Z');
let emu: JiraEmulator;
let forge: InstalledForgeRuntime;

beforeEach(async () => {
  emu = await createJiraEmulator({ seed: { anchor: ANCHOR }, now: () => ANCHOR });
  forge = installForgeRuntime({ jiraUrl: emu.url, appId: 'ari:cloud:ecosystem::app/test-app' });
});
afterEach(async () => {
  forge.uninstall();
  await emu.close();
});

const asUser = (accountId: string | undefined, path: ReturnType<typeof route>) =>
  forge.runInvocation({ accountId }, () => api.asUser().requestJira(path));

const accountIdOf = async (response: { json(): Promise<unknown> }): Promise<unknown> =>
  ((await response.json()) as { accountId?: unknown }).accountId;

describe('asUser and asApp', () => {
  it('asUser().requestJira acts as the invoking user', async () => {
    const response = await asUser(MEMBER_ACCOUNT_ID, route`/rest/api/3/myself`);
    expect(response.status).toBe(200);
    expect(await accountIdOf(response)).toBe(MEMBER_ACCOUNT_ID);
  });

  it('keeps each concurrent invocation on its own user', async () => {
    const users = [ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID, ADMIN_ACCOUNT_ID];
    emu.faults.update({ latencyMs: 20 });
    const seen = await Promise.all(
      users.map((accountId) =>
        forge.runInvocation({ accountId }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return accountIdOf(await api.asUser().requestJira(route`/rest/api/3/myself`));
        }),
      ),
    );
    expect(seen).toEqual(users);
  });

  it('asUser(accountId) acts as the named user', async () => {
    const response = await forge.runInvocation({ accountId: ADMIN_ACCOUNT_ID }, () =>
      api.asUser(MEMBER_ACCOUNT_ID).requestJira(route`/rest/api/3/myself`),
    );
    expect(await accountIdOf(response)).toBe(MEMBER_ACCOUNT_ID);
  });

  it('asApp().requestJira acts as the app, which may browse what an outsider may not', async () => {
    const [asApp, asOutsider] = await Promise.all([
      forge.runInvocation({}, () => api.asApp().requestJira(route`/rest/api/3/myself`)),
      asUser(OUTSIDER_ACCOUNT_ID, route`/rest/api/3/project/${'SHOP'}`),
    ]);
    expect(await accountIdOf(asApp)).toBe(APP_ACCOUNT_ID);
    expect(asOutsider.status).toBe(404);
    const project = await forge.runInvocation({}, () =>
      api.asApp().requestJira(route`/rest/api/3/project/${'SHOP'}`),
    );
    expect(project.status).toBe(200);
  });

  it('cannot be spoofed by the app setting the identity headers itself', async () => {
    const response = await forge.runInvocation({ accountId: MEMBER_ACCOUNT_ID }, () =>
      api.asUser().requestJira(route`/rest/api/3/myself`, {
        headers: { 'x-sandbox-account-id': ADMIN_ACCOUNT_ID, 'x-sandbox-as-app': 'true' },
      }),
    );
    expect(await accountIdOf(response)).toBe(MEMBER_ACCOUNT_ID);
  });
});

describe("Jira's answers reach the caller as Jira gives them", () => {
  it('404 with Jira error body', async () => {
    const response = await asUser(ADMIN_ACCOUNT_ID, route`/rest/api/3/issue/${'NOPE-999'}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errorMessages: [expect.any(String)] });
  });

  it('429 with Retry-After', async () => {
    emu.faults.update({ rate429: 1, retryAfterSeconds: 7 });
    const response = await asUser(ADMIN_ACCOUNT_ID, route`/rest/api/3/myself`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('a user without browse permission is refused, the member is not', async () => {
    const path = route`/rest/api/3/project/${'SHOP'}`;
    expect((await asUser(OUTSIDER_ACCOUNT_ID, path)).status).toBe(404);
    expect((await asUser(MEMBER_ACCOUNT_ID, path)).status).toBe(200);
  });

  it('POST bodies and query strings arrive intact', async () => {
    const response = await forge.runInvocation({ accountId: MEMBER_ACCOUNT_ID }, () =>
      api.asUser().requestJira(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jql: 'project = SHOP', fields: ['summary'], maxResults: 3 }),
      }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { issues: unknown[] }).issues).toHaveLength(3);
  });
});

describe('the platform around the call', () => {
  it('asUser with nobody to act for fails with NeedsAuthenticationError', async () => {
    await expect(asUser(undefined, route`/rest/api/3/myself`)).rejects.toBeInstanceOf(
      NeedsAuthenticationError,
    );
  });

  it('getAppContext reports the app, module and remaining time of the invocation', async () => {
    const context = await forge.runInvocation(
      { accountId: ADMIN_ACCOUNT_ID, moduleKey: 'ballast-issue-panel', timeoutMs: 25_000 },
      () => getAppContext(),
    );
    expect(context.appAri.toString()).toBe('ari:cloud:ecosystem::app/test-app');
    expect(context.moduleKey).toBe('ballast-issue-panel');
    expect(context.environmentType).toBe('DEVELOPMENT');
    const remaining = context.invocationRemainingTimeInMillis();
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(25_000);
  });

  it('an invocation that outlives its limit fails, and its hanging Jira call is aborted', async () => {
    emu.faults.update({ rateTimeout: 1 });
    let callError: unknown;
    const run = forge.runInvocation({ accountId: ADMIN_ACCOUNT_ID, timeoutMs: 150 }, async () => {
      try {
        return await api.asUser().requestJira(route`/rest/api/3/myself`);
      } catch (error) {
        callError = error;
        throw error;
      }
    });
    await expect(run).rejects.toBeInstanceOf(InvocationTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((callError as Error | undefined)?.name).toMatch(/TimeoutError|AbortError/);
  });

  it('uninstall removes the globals', () => {
    forge.uninstall();
    expect('__forge_fetch__' in globalThis).toBe(false);
    expect('__forge_runtime__' in globalThis).toBe(false);
    forge = installForgeRuntime({ jiraUrl: emu.url });
  });
});
