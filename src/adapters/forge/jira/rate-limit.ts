/**
 * Reading Jira's answer to a throttled call (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/):
 * a 429 carries `Retry-After` (seconds to wait), `X-RateLimit-Reset` (the ISO 8601 time the window
 * resets) and `RateLimit-Reason`, which says which of the three limits was hit:
 * `jira-quota-global-based` / `jira-quota-tenant-based` (the app's hourly points are spent: every
 * call is refused until the top of the hour, so all calls pause), `jira-burst-based` (one endpoint's
 * per-second bucket) or `jira-per-issue-on-write` (writes to one issue). Atlassian's advice: wait at
 * least Retry-After, back off exponentially with jitter when there is none.
 */
import type { RetryPolicy } from './retry';

/**
 * What Jira's normal answers say about the hourly quota: `X-RateLimit-NearLimit: true` once less
 * than 20% of it is left. Background work reads it to stop early and leave that last fifth of the
 * hour to the people using Ballast (in Tier 1 the pool is shared by every installation).
 */
export class QuotaWatch {
  nearLimit = false;

  observe(headers: { get(name: string): string | null }): void {
    if (headers.get('X-RateLimit-NearLimit') === 'true') this.nearLimit = true;
  }
}

export type ThrottleScope = 'quota' | 'burst' | 'issue-writes' | 'unknown';

export interface Throttle {
  /** How long Jira asked to wait, in ms. */
  readonly waitMs: number;
  readonly scope: ThrottleScope;
}

export function scopeOf(reason: string | null): ThrottleScope {
  if (reason === 'jira-quota-global-based' || reason === 'jira-quota-tenant-based') return 'quota';
  if (reason === 'jira-burst-based') return 'burst';
  if (reason === 'jira-per-issue-on-write') return 'issue-writes';
  return 'unknown';
}

/**
 * The wait a 429 asks for: Retry-After when given, else the time to X-RateLimit-Reset, else the
 * policy's exponential backoff for this attempt (attempt counts from 1).
 */
export function throttleOf(
  headers: { get(name: string): string | null },
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
): Throttle {
  const scope = scopeOf(headers.get('RateLimit-Reason'));
  const retryAfter = Number(headers.get('Retry-After') ?? NaN);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return { waitMs: retryAfter * 1000, scope };
  const reset = Date.parse(headers.get('X-RateLimit-Reset') ?? '');
  if (Number.isFinite(reset)) return { waitMs: Math.max(0, reset - nowMs), scope };
  return { waitMs: policy.baseDelayMs * 2 ** (attempt - 1), scope };
}

/** "in about 14 minutes (after 13:00 UTC)": when a person or the next run may try again. */
export function whenToRetry(waitMs: number, retryAtMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const at = new Date(retryAtMs).toISOString().slice(11, 16);
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in about ${minutes} minute${minutes === 1 ? '' : 's'} (after ${at} UTC)`;
}

export function throttleMessage(scope: ThrottleScope, waitMs: number, retryAtMs: number): string {
  const what =
    scope === 'quota'
      ? 'Jira is throttling Ballast: the app has used its hourly allowance of Jira requests.'
      : scope === 'issue-writes'
        ? 'Jira is throttling changes to this issue.'
        : 'Jira is throttling Ballast’s requests right now.';
  return `${what} Try again ${whenToRetry(waitMs, retryAtMs)}.`;
}
