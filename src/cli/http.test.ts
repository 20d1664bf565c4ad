import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, backoffDelay, rateLimiter, retryAfterMs, withRetries } from './http';

describe('retries', () => {
  it('waits 1, 2, 4, 8 s between tries, capped, or what Retry-After says (capped too)', () => {
    expect([1, 2, 3, 4, 7].map((n) => backoffDelay(DEFAULT_RETRY, n))).toEqual([
      1000, 2000, 4000, 8000, 30_000,
    ]);
    expect(backoffDelay(DEFAULT_RETRY, 1, 5000)).toBe(5000);
    expect(backoffDelay(DEFAULT_RETRY, 1, 600_000)).toBe(30_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sun, 01 Mar 2026 00:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('stops at the first success and gives up after the last try with its reason', async () => {
    const slept: number[] = [];
    const io = { sleep: (ms: number) => Promise.resolve(void slept.push(ms)) };
    let calls = 0;
    const ok = await withRetries(
      io,
      DEFAULT_RETRY,
      () =>
        Promise.resolve(
          calls++ < 2 ? { done: false, reason: 'HTTP 503' } : { done: true, value: 'x' },
        ),
      () => undefined,
    );
    expect([ok, slept]).toEqual([{ done: true, value: 'x' }, [1000, 2000]]);
    const failed = await withRetries(
      io,
      { ...DEFAULT_RETRY, attempts: 2 },
      () => Promise.resolve({ done: false as const, reason: 'refused' }),
      () => undefined,
    );
    expect(failed).toEqual({ done: false, reason: 'refused' });
  });
});

describe('rate limit', () => {
  it('spaces request starts 1/rate apart', async () => {
    let now = 0;
    const waits: number[] = [];
    const take = rateLimiter(
      {
        now: () => now,
        sleep: (ms) => {
          waits.push(ms);
          now += ms;
          return Promise.resolve();
        },
      },
      4,
    );
    for (let i = 0; i < 4; i += 1) await take();
    expect(waits).toEqual([250, 250, 250]);
  });
});
