/**
 * Bounded retries for Jira calls. Jira Cloud's points-based rate limits answer 429 with Retry-After
 * (seconds), and transient 5xx happen; both are retried with capped exponential backoff. The total
 * wait is bounded so a resolver stays far inside Forge's 25 s invocation limit.
 * Sources: developer.atlassian.com "Rate limiting" (Jira Cloud); Forge platform "Invocation limits".
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** First backoff when the server names no Retry-After; doubles each attempt. */
  readonly baseDelayMs: number;
  /** Longest single wait, whatever Retry-After says. */
  readonly maxDelayMs: number;
  /** Longest total time spent waiting across attempts. */
  readonly maxTotalWaitMs: number;
  /**
   * How long one attempt may take. A call Jira leaves hanging would otherwise use up the whole
   * invocation (25 s for a resolver), and the person would get the platform's error instead of
   * Ballast's retryable one. A timed-out attempt is not repeated: it may have taken effect.
   */
  readonly attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxTotalWaitMs: 8_000,
  // With at most 8 s of waiting, a call ends within about 18 s: inside Forge's 25 s.
  attemptTimeoutMs: 10_000,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 500;
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): Retry-After wins when present. */
export function delayBefore(
  attempt: number,
  retryAfterHeader: string | null,
  policy: RetryPolicy,
): number {
  const retryAfterSeconds = retryAfterHeader === null ? NaN : Number(retryAfterHeader);
  const wanted =
    Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0
      ? retryAfterSeconds * 1000
      : policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(wanted, policy.maxDelayMs);
}
