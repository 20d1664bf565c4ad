/**
 * HTTP plumbing shared by the Prometheus and push clients: a per-request timeout, retries with
 * capped exponential backoff (honouring `Retry-After`), and a request-rate limit.
 */
import type { NetIo } from './io';

export interface RetryPolicy {
  /** Tries in all, including the first. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
}

/** 1, 2, 4, 8 s between five tries (15 s of waiting), 30 s per request. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
};

/** What one try gave: a value, or a transient problem worth another try. */
export type TryResult<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly reason: string; readonly retryAfterMs?: number };

/** Delay before try `n + 1` after `n` failed tries (n ≥ 1): base × 2^(n−1), capped. */
export function backoffDelay(policy: RetryPolicy, failedTries: number, retryAfterMs?: number) {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedTries - 1));
  return retryAfterMs === undefined ? exponential : Math.min(policy.maxDelayMs, retryAfterMs);
}

/** Runs `attempt` until it is done or the tries are used up; returns the last reason then. */
export async function withRetries<T>(
  io: Pick<NetIo, 'sleep'>,
  policy: RetryPolicy,
  attempt: () => Promise<TryResult<T>>,
  onRetry: (reason: string, delayMs: number) => void,
): Promise<TryResult<T>> {
  let last: TryResult<T> = { done: false, reason: 'not tried' };
  for (let n = 1; n <= policy.attempts; n += 1) {
    last = await attempt();
    if (last.done || n === policy.attempts) return last;
    const delay = backoffDelay(policy, n, last.retryAfterMs);
    onRetry(last.reason, delay);
    await io.sleep(delay);
  }
  return last;
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The response, or the network problem as text (refused, DNS, reset, timeout). */
export async function fetchOnce(
  io: Pick<NetIo, 'fetch'>,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response | { readonly networkError: string }> {
  try {
    return await io.fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { networkError: networkReason(error, timeoutMs) };
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string }) : null;
  const detail = cause?.code ?? cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
}

/** At most `perSecond` request starts a second: each waits for its slot. */
export function rateLimiter(io: Pick<NetIo, 'now' | 'sleep'>, perSecond: number) {
  const gapMs = 1000 / perSecond;
  let next = -Infinity;
  return async (): Promise<void> => {
    const now = io.now();
    const start = Math.max(now, next);
    next = start + gapMs;
    if (start > now) await io.sleep(start - now);
  };
}
