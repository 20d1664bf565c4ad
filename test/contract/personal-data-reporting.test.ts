/**
 * The Personal data reporting API's documented shapes (test/fixtures/forge/privacy/report-accounts.json,
 * from developer.atlassian.com/platform/forge/user-privacy-guidelines/ and …/runtime-reference/privacy-api/)
 * through the real path: Ballast's adapter → @forge/api `privacy.reportPersonalData` → the sandbox's
 * Forge host → the emulator's stand-in for the API. The fixture's request gets the fixture's 200
 * answer; no account needing action is a 204 (an empty list); more than 90 accounts is refused; a 429
 * reaches the app with its Retry-After.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgePersonalDataReporting } from '../../src/adapters/forge/privacy/report-accounts';
import { ReportRefusedError, type ReportedAccount } from '../../src/ports/personal-data-reporting';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';

const fixture = JSON.parse(
  readFileSync('test/fixtures/forge/privacy/report-accounts.json', 'utf8'),
) as {
  request: { path: string; body: { accounts: ReportedAccount[] } };
  responses: { '200': { accounts: { accountId: string; status: string }[] } };
  limits: { accountsPerRequest: number };
};

let sandbox: AppSandbox;
const report = (accounts: readonly ReportedAccount[]) =>
  sandbox.host.runtime.runInvocation({ moduleKey: 'privacy-contract' }, () =>
    forgePersonalDataReporting.report(accounts),
  );
const admin = (method: string, path: string, body?: unknown) =>
  fetch(new URL(path, sandbox.jira.url), {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  sandbox = await startAppSandbox();
  // The fixture's three people: a closed, one unchanged, one whose profile changed after the report time.
  for (const accountId of ['account-id-a', 'account-id-b', 'account-id-c'])
    sandbox.jira.state.users.push({
      accountId,
      displayName: accountId,
      emailAddress: `${accountId}@example.com`,
      accountType: 'atlassian',
      timeZone: 'UTC',
      siteAdmin: false,
    });
  expect((await admin('POST', '/__sandbox/accounts/account-id-a/close')).status).toBe(200);
  expect((await admin('POST', '/__sandbox/accounts/account-id-c/update')).status).toBe(200);
});
afterAll(() => sandbox.close());

describe('the Personal data reporting API, as documented', () => {
  it('answers the documented request with the documented 200 accounts', async () => {
    expect(fixture.request.path).toBe('/app/report-accounts');
    expect(await report(fixture.request.body.accounts)).toEqual(fixture.responses['200'].accounts);
  });

  it('answers 204 (no account needs action) as an empty list', async () => {
    expect(await report([fixture.request.body.accounts[1]!])).toEqual([]);
  });

  it(`refuses more than ${fixture.limits.accountsPerRequest} accounts a request before sending`, async () => {
    const many = Array.from({ length: fixture.limits.accountsPerRequest + 1 }, (_, i) => ({
      accountId: `account-${i}`,
      updatedAt: '2026-11-20T12:00:00.000Z',
    }));
    await expect(report(many)).rejects.toThrow(RangeError);
    expect(await report(many.slice(0, fixture.limits.accountsPerRequest))).toEqual([]);
  });

  it('reaches the app as a refusal with Retry-After when rate limited', async () => {
    await admin('PUT', '/__sandbox/report-accounts/fault', { status: 429, retryAfterSeconds: 60 });
    const refused = await report(fixture.request.body.accounts).catch((e: unknown) => e);
    await admin('PUT', '/__sandbox/report-accounts/fault', { status: null });
    expect(refused).toBeInstanceOf(ReportRefusedError);
    expect(refused).toMatchObject({ status: 429, retryAfterSeconds: 60 });
  });
});
