/**
 * Jira Cloud's three rate limits for apps, as Atlassian documents them
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/), all checked on every call:
 *
 * - Points-based quota per hour: Tier 1 ("global-app-quota") is one pool for the app across every
 *   tenant, 65,000 points; Tier 2 ("tenant-app-quota") is one pool per tenant. Pools reset at the top
 *   of each UTC hour; once spent, every request is refused until then (no gradual throttling), with
 *   `RateLimit-Reason: jira-quota-global-based` / `jira-quota-tenant-based`.
 * - Burst limit: a token bucket per tenant and per endpoint + HTTP method, refilled at the
 *   steady-state rate (GET/POST 100/s, PUT/DELETE 50/s by default; the bucket size is not
 *   published), `RateLimit-Reason: jira-burst-based`.
 * - Per-issue writes: 20 per 2 s and 100 per 30 s on one issue, `jira-per-issue-on-write`.
 *
 * Sizes are configurable; the defaults are small (a few thousand points, small buckets) so tests
 * reach them with the demo seed. The clock is injected, so a test passes an hour in no time.
 * One RateLimits instance shared by two emulators models two tenants of one app.
 */
import { pointsFor } from './rate-cost';

export type Tier = 'global' | 'tenant';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RateLimitSettings {
  /** Tier 1 (global pool, the default for every app) or Tier 2 (a pool per tenant). */
  readonly tier: Tier;
  /** Points per UTC hour of the pool (Atlassian: 65,000 for Tier 1). */
  readonly hourlyPoints: number;
  /** Tokens a burst bucket holds when full (Atlassian does not publish it; its example uses 100). */
  readonly burstCapacity: number;
  /** Steady-state refill per second of each endpoint's bucket, by HTTP method. */
  readonly refillPerSecond: Readonly<Record<Method, number>>;
  /** Per-issue write windows: at most `count` writes within `seconds`. */
  readonly perIssueWrites: readonly { readonly count: number; readonly seconds: number }[];
}

/** The numbers on Atlassian's rate-limiting page (the bucket size is its example's). */
export const DOCUMENTED_RATE_LIMITS: RateLimitSettings = {
  tier: 'global',
  hourlyPoints: 65_000,
  burstCapacity: 100,
  refillPerSecond: { GET: 100, POST: 100, PUT: 50, DELETE: 50 },
  perIssueWrites: [
    { count: 20, seconds: 2 },
    { count: 100, seconds: 30 },
  ],
};

/** Small enough that a test on the demo seed spends the quota and drains a bucket. */
export const TEST_RATE_LIMITS: RateLimitSettings = {
  ...DOCUMENTED_RATE_LIMITS,
  hourlyPoints: 5_000,
  burstCapacity: 40,
  refillPerSecond: { GET: 20, POST: 20, PUT: 10, DELETE: 10 },
};

export type RateLimitReason =
  | 'jira-quota-global-based'
  | 'jira-quota-tenant-based'
  | 'jira-burst-based'
  | 'jira-per-issue-on-write';

export interface CallKey {
  readonly tenant: string;
  readonly method: string;
  /** The route's path template, e.g. `/rest/api/3/issue/{issueIdOrKey}`: one bucket each. */
  readonly route: string;
  /** The issue a single-issue write changes, for the per-issue limit. */
  readonly issue?: string;
}

export type Admission =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: RateLimitReason;
      readonly headers: Record<string, string>;
    };

interface Bucket {
  tokens: number;
  at: number;
}

const HOUR_MS = 3_600_000;
/** `X-RateLimit-NearLimit` and the `r` of `RateLimit`: shown below 20% of the quota left. */
const NEAR_LIMIT_SHARE = 0.2;

/** "2026-11-20T13:00:00Z": ISO 8601 in UTC, to the second, as the page's examples write it. */
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class RateLimits {
  settings: RateLimitSettings;
  private readonly pools = new Map<string, { hour: number; used: number }>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly writes = new Map<string, number[]>();
  /** Points charged and calls refused, by reason: for benchmarks and tests. */
  readonly charged = { points: 0, calls: 0, refused: new Map<RateLimitReason, number>() };
  private readonly chargeListeners: ((tenant: string) => void)[] = [];

  constructor(
    settings: Partial<RateLimitSettings> = {},
    readonly clock: () => number = () => Date.now(),
    /** The app whose quota this is (the global pool is the app's, across tenants). */
    readonly appId = 'ballast',
  ) {
    this.settings = { ...TEST_RATE_LIMITS, ...settings };
  }

  update(patch: Partial<RateLimitSettings>): RateLimitSettings {
    this.settings = { ...this.settings, ...patch };
    return this.settings;
  }

  /** Points spent this hour in the pool the tenant draws from. */
  used(tenant: string): number {
    return this.pool(tenant).used;
  }

  /** Spends points directly, e.g. to start a test with most of the hour's quota gone. */
  spend(tenant: string, points: number): void {
    this.pool(tenant).used += points;
  }

  /**
   * Runs after every charged call, e.g. for a test in which another installation of the app spends
   * the shared Tier 1 pool part-way through a job. Returns the removal.
   */
  onCharged(listener: (tenant: string) => void): () => void {
    this.chargeListeners.push(listener);
    return () => this.chargeListeners.splice(this.chargeListeners.indexOf(listener), 1);
  }

  /** Checks the three limits before the call is served; a refusal carries the 429's headers. */
  admit(key: CallKey): Admission {
    const now = this.clock();
    const quota = this.quotaRefusal(key.tenant, now);
    if (quota) return this.refuse(quota);
    const burst = this.burstRefusal(key, now);
    if (burst) return this.refuse(burst);
    const write = this.writeRefusal(key, now);
    if (write) return this.refuse(write);
    return { ok: true };
  }

  /** Charges an answered call and gives the headers Jira adds to a normal response. */
  charge(key: CallKey, body: unknown): Record<string, string> {
    const points = pointsFor(key.method, key.route, body);
    this.pool(key.tenant).used += points;
    this.charged.points += points;
    this.charged.calls += 1;
    for (const listener of this.chargeListeners) listener(key.tenant);
    const now = this.clock();
    const bucket = this.bucket(key, now);
    const { q, left, t } = this.quotaState(key.tenant, now);
    const near = left < q * NEAR_LIMIT_SHARE;
    const policy = this.policyName();
    return {
      'x-ratelimit-limit': String(this.refill(key.method)),
      'x-ratelimit-remaining': String(Math.max(0, Math.floor(bucket.tokens))),
      ...(near ? { 'x-ratelimit-nearlimit': 'true' } : {}),
      'ratelimit-policy': `"${policy}";q=${q};w=3600`,
      // `r` (points left) only once the pool is near its limit, as the page's examples show.
      ratelimit: `"${policy}";${near ? `r=${Math.max(0, left)};` : ''}t=${t}`,
    };
  }

  private policyName(): string {
    return this.settings.tier === 'global' ? 'global-app-quota' : 'tenant-app-quota';
  }

  private pool(tenant: string): { hour: number; used: number } {
    const key = this.settings.tier === 'global' ? this.appId : `${this.appId}|${tenant}`;
    const hour = Math.floor(this.clock() / HOUR_MS);
    let pool = this.pools.get(key);
    if (pool === undefined || pool.hour !== hour) {
      pool = { hour, used: 0 };
      this.pools.set(key, pool);
    }
    return pool;
  }

  private quotaState(tenant: string, now: number): { q: number; left: number; t: number } {
    const q = this.settings.hourlyPoints;
    const resetAt = (Math.floor(now / HOUR_MS) + 1) * HOUR_MS;
    return { q, left: q - this.pool(tenant).used, t: Math.ceil((resetAt - now) / 1000) };
  }

  private quotaRefusal(tenant: string, now: number): Refusal | undefined {
    const { q, left, t } = this.quotaState(tenant, now);
    if (left > 0) return undefined;
    const reason =
      this.settings.tier === 'global' ? 'jira-quota-global-based' : 'jira-quota-tenant-based';
    return { reason, retryAfterSeconds: t, limit: q, now };
  }

  private refill(method: string): number {
    return this.settings.refillPerSecond[method as Method] ?? this.settings.refillPerSecond.GET;
  }

  private bucket(key: CallKey, now: number): Bucket {
    const id = `${key.tenant}|${key.method} ${key.route}`;
    const capacity = this.settings.burstCapacity;
    const bucket = this.buckets.get(id) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.refill(key.method),
    );
    bucket.at = now;
    this.buckets.set(id, bucket);
    return bucket;
  }

  private burstRefusal(key: CallKey, now: number): Refusal | undefined {
    const bucket = this.bucket(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    const rate = this.refill(key.method);
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
    return { reason: 'jira-burst-based', retryAfterSeconds, limit: rate, now };
  }

  private writeRefusal(key: CallKey, now: number): Refusal | undefined {
    if (key.issue === undefined || key.method === 'GET') return undefined;
    const id = `${key.tenant}|${key.issue}`;
    const longest = Math.max(...this.settings.perIssueWrites.map((w) => w.seconds)) * 1000;
    const recent = (this.writes.get(id) ?? []).filter((at) => now - at < longest);
    for (const window of this.settings.perIssueWrites) {
      const inWindow = recent.filter((at) => now - at < window.seconds * 1000);
      if (inWindow.length >= window.count) {
        const oldest = inWindow[0] ?? now;
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((oldest + window.seconds * 1000 - now) / 1000),
        );
        this.writes.set(id, recent);
        return { reason: 'jira-per-issue-on-write', retryAfterSeconds, limit: window.count, now };
      }
    }
    recent.push(now);
    this.writes.set(id, recent);
    return undefined;
  }

  private refuse(refusal: Refusal): Admission {
    this.charged.refused.set(refusal.reason, (this.charged.refused.get(refusal.reason) ?? 0) + 1);
    return {
      ok: false,
      reason: refusal.reason,
      headers: {
        'retry-after': String(refusal.retryAfterSeconds),
        'x-ratelimit-limit': String(refusal.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': isoSeconds(refusal.now + refusal.retryAfterSeconds * 1000),
        'ratelimit-reason': refusal.reason,
      },
    };
  }
}

interface Refusal {
  readonly reason: RateLimitReason;
  readonly retryAfterSeconds: number;
  readonly limit: number;
  readonly now: number;
}
