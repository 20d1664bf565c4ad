/**
 * The app side of the connectors: signed POSTs and the signed GET of the SLI status to a Ballast
 * web trigger, with retries on 429/5xx/network errors and one mapping of answers to exit codes.
 */
import { z } from 'zod';
import type { SliStatusResponse } from '../../contract/push-api';
import { CliFailure, EXIT } from '../exit-codes';
import { DEFAULT_RETRY, fetchOnce, retryAfterMs, withRetries, type RetryPolicy } from '../http';
import type { NetIo } from '../io';
import { signedHeaders } from './sign';

export interface PushTarget {
  readonly url: string;
  readonly secret: string;
}

export interface PushOptions {
  readonly retry?: RetryPolicy;
  /** Waits for a request slot (rate limit); none by default. */
  readonly limit?: () => Promise<void>;
  /** Told about each retry, e.g. to print it. */
  readonly onRetry?: (reason: string, delayMs: number) => void;
}

const pushResponse = z.union([
  z.object({ ok: z.literal(true), accepted: z.number(), duplicate: z.boolean() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  }),
]);
const statusResponse = z.object({
  ok: z.literal(true),
  slos: z.array(z.object({ slo: z.string(), dataUntil: z.string().nullable() })),
});

export interface Accepted {
  readonly accepted: number;
  readonly duplicate: boolean;
}

/** POSTs `body` (already serialised: the signature covers these bytes) to the target. */
export async function postSigned(
  io: NetIo,
  target: PushTarget,
  body: string,
  what: string,
  options: PushOptions = {},
): Promise<Accepted> {
  const json = await send(io, target, 'POST', body, what, options);
  const parsed = pushResponse.safeParse(json);
  if (!parsed.success || !parsed.data.ok) throw unexpected(target, what, 200, JSON.stringify(json));
  return { accepted: parsed.data.accepted, duplicate: parsed.data.duplicate };
}

/** POSTs `body` signed and returns the app's JSON answer as it came (the caller checks its shape). */
export async function postSignedForAnswer(
  io: NetIo,
  target: PushTarget,
  body: string,
  what: string,
  options: PushOptions = {},
): Promise<unknown> {
  return send(io, target, 'POST', body, what, options);
}

/** GET on the SLI web trigger: where the app's data of each SLO ends. */
export async function getSliStatus(
  io: NetIo,
  target: PushTarget,
  options: PushOptions = {},
): Promise<SliStatusResponse> {
  const json = await send(io, target, 'GET', '', 'the SLI status request', options);
  const parsed = statusResponse.safeParse(json);
  if (!parsed.success)
    throw unexpected(target, 'the SLI status request', 200, JSON.stringify(json));
  return parsed.data;
}

async function send(
  io: NetIo,
  target: PushTarget,
  method: 'GET' | 'POST',
  body: string,
  what: string,
  options: PushOptions,
): Promise<unknown> {
  const policy = options.retry ?? DEFAULT_RETRY;
  const result = await withRetries(
    io,
    policy,
    async () => {
      await options.limit?.();
      const response = await fetchOnce(
        io,
        target.url,
        {
          method,
          headers: {
            ...signedHeaders(target.secret, io.now(), body),
            ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          },
          ...(method === 'POST' ? { body } : {}),
        },
        policy.timeoutMs,
      );
      if ('networkError' in response) return { done: false, reason: response.networkError };
      const text = await response.text();
      if (response.status === 429 || response.status >= 500) {
        return {
          done: false,
          reason: `HTTP ${response.status} ${excerpt(text)}`,
          retryAfterMs: retryAfterMs(response.headers.get('retry-after'), io.now()),
        };
      }
      if (response.ok) {
        try {
          return { done: true, value: JSON.parse(text) as unknown };
        } catch {
          throw unexpected(target, what, response.status, text);
        }
      }
      throw refusal(target, what, response.status, text);
    },
    (reason, delay) =>
      options.onRetry?.(`${what}: ${reason}; retrying in ${delay / 1000} s`, delay),
  );
  if (result.done) return result.value;
  throw new CliFailure(
    EXIT.appUnavailable,
    `${target.url}: ${what} failed after ${policy.attempts} tries: ${result.reason}`,
  );
}

const appError = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

/** A 4xx answer: auth problems exit 5, everything else is a rejection (exit 6), JSON shown. */
function refusal(target: PushTarget, what: string, status: number, text: string): CliFailure {
  const parsed = (() => {
    try {
      return appError.safeParse(JSON.parse(text));
    } catch {
      return null;
    }
  })();
  const code = parsed?.success ? parsed.data.error.code : null;
  if (status === 401 || status === 403 || code === 'UNAUTHORIZED' || code === 'STALE') {
    const hint =
      code === 'STALE'
        ? 'this machine\u2019s clock is more than 5 minutes off: sync it (NTP)'
        : 'check that --secret-file holds the current secret (Project settings \u2192 Ballast \u2192 Push API; rotating it shows a new one)';
    return new CliFailure(
      EXIT.auth,
      `${target.url}: the app refused ${what} (HTTP ${status}): ${text.trim()}\n${hint}`,
    );
  }
  const hint =
    status === 404 && !parsed?.success
      ? '\ncheck --target: it must be the web-trigger URL shown in Project settings \u2192 Ballast \u2192 Push API'
      : '';
  return new CliFailure(
    EXIT.rejected,
    `${target.url}: the app rejected ${what} (HTTP ${status}): ${text.trim()}${hint}`,
  );
}

function unexpected(target: PushTarget, what: string, status: number, text: string): CliFailure {
  return new CliFailure(
    EXIT.rejected,
    `${target.url}: unexpected answer to ${what} (HTTP ${status}): ${excerpt(text)}\ncheck --target: it must be a Ballast web-trigger URL`,
  );
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}
