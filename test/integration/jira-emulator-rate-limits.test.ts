/**
 * The emulator's model of Jira's rate limits (sandbox/jira/rate-limits.ts) over HTTP: the hourly
 * points pool, the burst buckets per endpoint, the per-issue write limit, the headers of normal
 * and refused responses, and the top-of-the-hour reset, all on an injected clock (no waiting).
 * The behaviour modelled is Atlassian's rate-limiting page
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createJiraEmulator, RateLimits, type JiraEmulator } from '../../sandbox/jira';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira/seed/people';

const ANCHOR = new Date('2026-11-20T12:00:00Z');
const open: JiraEmulator[] = [];
let clockMs = Date.parse('2026-11-20T12:40:00Z');
const clock = () => clockMs;

async function emulator(limits: RateLimits, tenantId = 'tenant-a'): Promise<JiraEmulator> {
  const jira = await createJiraEmulator({
    seed: { anchor: ANCHOR },
    now: () => ANCHOR,
    rateLimits: limits,
    tenantId,
  });
  open.push(jira);
  return jira;
}

afterEach(async () => {
  for (const jira of open.splice(0)) await jira.close();
  clockMs = Date.parse('2026-11-20T12:40:00Z');
});

const get = (jira: JiraEmulator, path: string) =>
  fetch(`${jira.url}${path}`, { headers: { 'x-sandbox-account-id': MEMBER_ACCOUNT_ID } });

const put = (jira: JiraEmulator, path: string, body: unknown) =>
  fetch(`${jira.url}${path}`, {
    method: 'PUT',
    headers: { 'x-sandbox-as-app': 'true', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the hourly points quota', () => {
  it('charges 1 + 1 per issue read, answers 429 with the hour’s reset once spent, and resets at the top of the hour', async () => {
    const limits = new RateLimits({ hourlyPoints: 10 }, clock);
    const jira = await emulator(limits);
    const first = await get(jira, '/rest/api/3/issue/SHOP-1');
    expect(first.status).toBe(200);
    expect(limits.used('tenant-a')).toBe(2);
    expect(first.headers.get('ratelimit-policy')).toBe('"global-app-quota";q=10;w=3600');
    // 8 points left of 10: not near the limit yet, so no `r` and no NearLimit.
    expect(first.headers.get('ratelimit')).toBe('"global-app-quota";t=1200');
    expect(first.headers.get('x-ratelimit-nearlimit')).toBeNull();
    for (let i = 0; i < 4; i += 1) await get(jira, '/rest/api/3/issue/SHOP-1');
    expect(limits.used('tenant-a')).toBe(10);

    const refused = await get(jira, '/rest/api/3/issue/SHOP-1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1200');
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    expect(refused.headers.get('x-ratelimit-reset')).toBe('2026-11-20T13:00:00Z');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('10');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');

    clockMs = Date.parse('2026-11-20T13:00:00Z');
    expect((await get(jira, '/rest/api/3/issue/SHOP-1')).status).toBe(200);
    expect(limits.used('tenant-a')).toBe(2);
  });

  it('shows the points left and NearLimit once less than 20% remain', async () => {
    const limits = new RateLimits({ hourlyPoints: 100 }, clock);
    const jira = await emulator(limits);
    limits.spend('tenant-a', 80);
    const reply = await get(jira, '/rest/api/3/issue/SHOP-1');
    expect(reply.headers.get('x-ratelimit-nearlimit')).toBe('true');
    expect(reply.headers.get('ratelimit')).toBe('"global-app-quota";r=18;t=1200');
  });

  it('charges a JQL page 1 point plus 1 per issue, a write 1 point, and user reads 2 per user', async () => {
    const limits = new RateLimits({ hourlyPoints: 100_000 }, clock);
    const jira = await emulator(limits);
    await fetch(`${jira.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'x-sandbox-account-id': MEMBER_ACCOUNT_ID, 'content-type': 'application/json' },
      body: JSON.stringify({
        jql: 'project = SHOP ORDER BY key',
        maxResults: 30,
        fields: ['summary'],
      }),
    });
    expect(limits.used('tenant-a')).toBe(31);
    await put(jira, '/rest/api/3/issue/SHOP-1/properties/probe', { a: 1 });
    expect(limits.used('tenant-a')).toBe(32);
    await get(jira, '/rest/api/3/user/bulk?accountId=acc-ada-admin&accountId=acc-marco-member');
    expect(limits.used('tenant-a')).toBe(37);
  });

  it('shares the global pool between tenants, and keeps a pool per tenant in Tier 2', async () => {
    const global = new RateLimits({ hourlyPoints: 4 }, clock);
    const a = await emulator(global, 'tenant-a');
    const b = await emulator(global, 'tenant-b');
    await get(a, '/rest/api/3/issue/SHOP-1');
    await get(a, '/rest/api/3/issue/SHOP-1');
    expect((await get(b, '/rest/api/3/issue/SHOP-1')).headers.get('ratelimit-reason')).toBe(
      'jira-quota-global-based',
    );

    const perTenant = new RateLimits({ hourlyPoints: 4, tier: 'tenant' }, clock);
    const c = await emulator(perTenant, 'tenant-c');
    const d = await emulator(perTenant, 'tenant-d');
    await get(c, '/rest/api/3/issue/SHOP-1');
    await get(c, '/rest/api/3/issue/SHOP-1');
    const refused = await get(c, '/rest/api/3/issue/SHOP-1');
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect((await get(d, '/rest/api/3/issue/SHOP-1')).status).toBe(200);
  });
});

describe('the burst limit', () => {
  it('drains one endpoint’s bucket without touching another’s, and refills at the steady rate', async () => {
    const limits = new RateLimits(
      { burstCapacity: 3, refillPerSecond: { GET: 2, POST: 2, PUT: 1, DELETE: 1 } },
      clock,
    );
    const jira = await emulator(limits);
    for (let i = 0; i < 3; i += 1)
      expect((await get(jira, '/rest/api/3/issue/SHOP-1')).status).toBe(200);
    const refused = await get(jira, '/rest/api/3/issue/SHOP-1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('2');
    expect((await get(jira, '/rest/api/3/field')).status).toBe(200);
    clockMs += 500;
    expect((await get(jira, '/rest/api/3/issue/SHOP-1')).status).toBe(200);
  });
});

describe('the per-issue write limit', () => {
  it('refuses the 21st write to one issue within 2 s, and lets writes to another issue through', async () => {
    const limits = new RateLimits({ burstCapacity: 1_000 }, clock);
    const jira = await emulator(limits);
    // The first write creates the property (201), the next 19 replace it (200).
    for (let i = 0; i < 20; i += 1)
      expect((await put(jira, '/rest/api/3/issue/SHOP-1/properties/probe', { i })).status).toBe(
        i === 0 ? 201 : 200,
      );
    const refused = await put(jira, '/rest/api/3/issue/SHOP-1/properties/probe', { i: 21 });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await put(jira, '/rest/api/3/issue/SHOP-2/properties/probe', { i: 1 })).status).toBe(
      201,
    );
    clockMs += 2_000;
    expect((await put(jira, '/rest/api/3/issue/SHOP-1/properties/probe', { i: 22 })).status).toBe(
      200,
    );
  });
});
