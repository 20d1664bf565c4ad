/**
 * JiraHttp under Jira's 429s (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/):
 * the wait comes from Retry-After, else X-RateLimit-Reset, else the backoff; no wait runs past the
 * invocation's budget; short waits only for a resolver, long ones for background work; after a
 * quota 429 nothing more is sent until the reset. A scripted transport and a hand-moved clock.
 */
import { route } from '@forge/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JiraRateLimitError } from './errors';
import { JiraHttp, type JiraResponse } from './http';
import { InvocationBudget, usePacing, type Pacing } from './pacing';
import { BACKGROUND_RETRY_POLICY, DEFAULT_RETRY_POLICY } from './retry';

let nowMs = Date.parse('2026-11-20T12:40:00Z');
const slept: number[] = [];
const clock: Pacing = {
  nowMs: () => nowMs,
  sleep: (ms) => {
    slept.push(ms);
    nowMs += ms;
    return Promise.resolve();
  },
};
let undo: () => void;
beforeEach(() => {
  nowMs = Date.parse('2026-11-20T12:40:00Z');
  slept.length = 0;
  undo = usePacing(clock);
});
afterEach(() => undo());

const reply = (status: number, headers: Record<string, string> = {}): JiraResponse => ({
  status,
  headers: { get: (name) => headers[name.toLowerCase()] ?? null },
  text: () =>
    Promise.resolve(status < 400 ? '{"ok":true}' : '{"errorMessages":["Rate limit exceeded."]}'),
});

const quota429 = (seconds: number) =>
  reply(429, {
    'retry-after': String(seconds),
    'ratelimit-reason': 'jira-quota-global-based',
  });

/** A transport answering from a script, counting the calls it received. */
function scripted(...answers: JiraResponse[]) {
  const sent = { calls: 0 };
  const transport = () => {
    sent.calls += 1;
    return Promise.resolve(answers.shift() ?? reply(200));
  };
  return { transport, sent };
}

const ok = z.object({ ok: z.boolean() });
const get = (http: JiraHttp) => http.json('GET', route`/rest/api/3/myself`, ok);

describe('a resolver’s client (25 s, short waits only)', () => {
  const resolverHttp = (transport: () => Promise<JiraResponse>) =>
    new JiraHttp(transport, {
      budget: new InvocationBudget(25_000, 5_000),
      retry: DEFAULT_RETRY_POLICY,
      random: () => 0.5,
    });

  it('waits out a short Retry-After and gets the answer', async () => {
    const { transport } = scripted(
      reply(429, { 'retry-after': '2', 'ratelimit-reason': 'jira-burst-based' }),
    );
    await expect(get(resolverHttp(transport))).resolves.toEqual({ ok: true });
    expect(slept).toEqual([2000]);
  });

  it('fails at once, saying when, when the wait is longer than it may wait', async () => {
    const { transport, sent } = scripted(quota429(1200));
    const error = (await get(resolverHttp(transport)).catch(
      (e: unknown) => e,
    )) as JiraRateLimitError;
    expect(error).toBeInstanceOf(JiraRateLimitError);
    expect(error.code).toBe('JIRA_RATE_LIMITED');
    expect(error.scope).toBe('quota');
    expect(error.options).toMatchObject({ retryable: true, retryAfterSeconds: 1200 });
    expect(error.retryAtMs).toBe(Date.parse('2026-11-20T13:00:00Z'));
    expect(slept).toEqual([]);
    expect(sent.calls).toBe(1);
  });

  it('reads the wait from X-RateLimit-Reset when there is no Retry-After', async () => {
    const { transport } = scripted(
      reply(429, {
        'x-ratelimit-reset': '2026-11-20T12:40:03Z',
        'ratelimit-reason': 'jira-burst-based',
      }),
    );
    await expect(get(resolverHttp(transport))).resolves.toEqual({ ok: true });
    expect(slept).toEqual([3000]);
  });

  it('sends nothing more after a quota 429 until the reset', async () => {
    const { transport, sent } = scripted(quota429(1200));
    const http = resolverHttp(transport);
    await get(http).catch(() => undefined);
    await expect(get(http)).rejects.toBeInstanceOf(JiraRateLimitError);
    expect(sent.calls).toBe(1);
  });
});

describe('a background client (its function’s budget, long waits allowed)', () => {
  const backgroundHttp = (transport: () => Promise<JiraResponse>, limitMs: number) =>
    new JiraHttp(transport, {
      budget: new InvocationBudget(limitMs, 15_000),
      retry: BACKGROUND_RETRY_POLICY,
      random: () => 0.5,
    });

  it('waits minutes for the quota reset when they fit its budget', async () => {
    const { transport } = scripted(quota429(180));
    await expect(get(backgroundHttp(transport, 300_000))).resolves.toEqual({ ok: true });
    expect(slept).toEqual([180_000]);
  });

  it('stops rather than outlive its function', async () => {
    const { transport } = scripted(quota429(180));
    await expect(get(backgroundHttp(transport, 55_000))).rejects.toBeInstanceOf(JiraRateLimitError);
    expect(slept).toEqual([]);
  });

  it('waits for the reset before its next call after a quota 429, then sends it', async () => {
    const { transport, sent } = scripted(quota429(60), reply(200), reply(200));
    const http = backgroundHttp(transport, 300_000);
    await get(http);
    await get(http);
    expect(slept).toEqual([60_000]);
    expect(sent.calls).toBe(3);
  });
});
