/**
 * Bounded retries for Jira calls. Jira Cloud's points-based rate limits answer 429 with Retry-After
 * (seconds), and transient 5xx happen; both are retried with capped exponential backoff. The total
 * wait is bounded so a resolver stays far inside Forge's 25 s invocation limit.
 * Sources: https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ ("Implementing retry
 * logic": Retry-After as the least wait, exponential backoff with jitter, a cap on attempts);
 * https://developer.atlassian.com/platform/forge/limits-invocation/ (25 s for a resolver).
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
  /**
   * Background work (consumers, scheduled jobs) may wait longer than maxDelayMs/maxTotalWaitMs
   * when Jira asks to (minutes, until the hourly quota resets), as long as the invocation's budget
   * allows; a resolver never does, and answers at once instead.
   */
  readonly longWaits?: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxTotalWaitMs: 8_000,
  // With at most 8 s of waiting, a call ends within about 18 s: inside Forge's 25 s.
  attemptTimeoutMs: 10_000,
};

/**
 * Background functions: the same 4 attempts (Atlassian's example cap), and any wait Jira asks for
 * that fits their budget.
 */
export const BACKGROUND_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, longWaits: true };

export type Sleep = (ms: number) => Promise<void>;

/**
 * Spreads a backoff over 0.7–1.3 × its length, the range of Atlassian's example, so clients that
 * failed together do not retry together (thundering herd). `random` is in [0, 1).
 */
export function withJitter(ms: number, random: number): number {
  return Math.round(ms * (0.7 + 0.6 * random));
}

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
