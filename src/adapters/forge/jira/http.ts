/**
 * JiraHttp: one Jira REST call = one route, bounded retries on 429/5xx, and the response checked
 * against a zod schema at the boundary, so a surprising payload becomes a clear error, not a crash.
 */
import type { RequestInit, Route } from '@forge/api';
import type { z } from 'zod';
import {
  jiraErrorText,
  JiraRateLimitError,
  JiraRequestError,
  kindOfStatus,
  messageFor,
} from './errors';
import { InFlightSlots } from './in-flight';
import { pacing, type InvocationBudget } from './pacing';
import { throttleOf, type QuotaWatch } from './rate-limit';
import {
  DEFAULT_RETRY_POLICY,
  delayBefore,
  isRetryableStatus,
  withJitter,
  type RetryPolicy,
  type Sleep,
} from './retry';

/** The shape of `api.asUser().requestJira` / `api.asApp().requestJira`. */
export interface JiraResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type JiraTransport = (route: Route, init: RequestInit) => Promise<JiraResponse>;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraHttpOptions {
  readonly retry?: RetryPolicy;
  /** How waits are slept; pacing()'s (real time on Forge) by default. */
  readonly sleep?: Sleep;
  /** What is left of the invocation: no wait Jira asks for may run past it. */
  readonly budget?: InvocationBudget;
  /** A number in [0, 1) for the backoff's jitter; Math.random by default. */
  readonly random?: () => number;
  /** Told of every answer's quota headers (background work stops early near the limit). */
  readonly quota?: QuotaWatch;
  /** Calls this client keeps in flight at most (in-flight.ts MAX_IN_FLIGHT by default). */
  readonly maxInFlight?: number;
}

/** One attempt's answer, read in full while its in-flight slot was held. */
interface Answer {
  readonly status: number;
  readonly headers: JiraResponse['headers'];
  readonly text: string;
}

export class JiraHttp {
  private readonly retry: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly budget: InvocationBudget | undefined;
  private readonly random: () => number;
  private readonly quota: QuotaWatch | undefined;
  private readonly slots: InFlightSlots;
  /**
   * Once Jira says the hourly quota is spent, every call is refused until it resets, so this
   * client sends nothing more until then (Atlassian: pause all requests until the window resets).
   */
  private pausedUntil = 0;

  constructor(
    private readonly transport: JiraTransport,
    options: JiraHttpOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? ((ms) => pacing().sleep(ms));
    this.budget = options.budget;
    this.random = options.random ?? Math.random;
    this.quota = options.quota;
    this.slots = new InFlightSlots(options.maxInFlight);
  }

  /**
   * One attempt: the call and the reading of its body hold an in-flight slot; waits between
   * attempts (backoff, Retry-After) do not. The attempt's timeout starts when the call goes out.
   */
  private attempt(route: Route, init: RequestInit): Promise<Answer> {
    return this.slots.run(async () => {
      const response = await withTimeout(this.transport(route, init), this.retry.attemptTimeoutMs);
      return { status: response.status, headers: response.headers, text: await response.text() };
    });
  }

  /**
   * Whether to wait `ms` before trying again: never past the invocation's budget; short waits
   * within the policy's caps; long ones (minutes, for the hourly quota) only when the policy is a
   * background one that may spend its budget waiting.
   */
  private mayWait(ms: number, waited: number): boolean {
    if (ms > (this.budget?.remainingMs() ?? Number.POSITIVE_INFINITY)) return false;
    if (ms <= this.retry.maxDelayMs && waited + ms <= this.retry.maxTotalWaitMs) return true;
    return this.retry.longWaits === true;
  }

  /** Waits out a quota pause another call of this client learnt of, or fails without calling. */
  private async awaitPause(label: string): Promise<number> {
    const pause = this.pausedUntil - pacing().nowMs();
    if (pause <= 0) return 0;
    if (!this.mayWait(pause, 0))
      throw new JiraRateLimitError(label, 'quota', this.pausedUntil, pause);
    await this.sleep(pause);
    return pause;
  }

  /** Sends a request and parses the JSON answer with `schema`. */
  async json<S extends z.ZodType>(
    method: Method,
    route: Route,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const { text, label } = await this.exchange(method, route, body);
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new JiraRequestError(
        'unexpected-response',
        label,
        messageFor('unexpected-response', 'not JSON'),
      );
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
      throw new JiraRequestError(
        'unexpected-response',
        label,
        messageFor('unexpected-response', `${label} → ${where}`),
      );
    }
    return result.data;
  }

  /** Sends a request whose answer carries no body Ballast needs (204, or an ignored echo). */
  async send(method: Method, route: Route, body?: unknown): Promise<void> {
    await this.exchange(method, route, body);
  }

  private async exchange(
    method: Method,
    route: Route,
    body: unknown,
  ): Promise<{ text: string; label: string }> {
    const label = `${method} ${route.value.split('?')[0] ?? route.value}`;
    const init: RequestInit = {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    let waited = await this.awaitPause(label);
    for (let attempt = 1; ; attempt += 1) {
      let response: Answer;
      try {
        response = await this.attempt(route, init);
      } catch (error: unknown) {
        if (error instanceof AttemptTimeout)
          throw new JiraRequestError(
            'unavailable',
            label,
            messageFor('unavailable', `no answer within ${error.ms / 1000} s`),
          );
        // Network failure or timeout inside the platform's fetch: as retryable as a 503.
        if (attempt < this.retry.maxAttempts && waited < this.retry.maxTotalWaitMs) {
          const delay = Math.min(
            withJitter(delayBefore(attempt, null, this.retry), this.random()),
            this.retry.maxTotalWaitMs - waited,
          );
          waited += delay;
          await this.sleep(delay);
          continue;
        }
        const detail = error instanceof Error ? error.message : String(error);
        throw new JiraRequestError('unavailable', label, messageFor('unavailable', detail));
      }
      this.quota?.observe(response.headers);
      if (response.status < 400) return { text: response.text, label };
      if (response.status === 429) {
        const now = pacing().nowMs();
        const throttle = throttleOf(response.headers, attempt, this.retry, now);
        const wait =
          response.headers.get('Retry-After') === null
            ? withJitter(throttle.waitMs, this.random())
            : throttle.waitMs;
        if (throttle.scope === 'quota') this.pausedUntil = Math.max(this.pausedUntil, now + wait);
        if (attempt < this.retry.maxAttempts && this.mayWait(wait, waited)) {
          waited += wait;
          await this.sleep(wait);
          continue;
        }
        throw new JiraRateLimitError(label, throttle.scope, now + wait, wait);
      }
      const canRetry = isRetryableStatus(response.status) && attempt < this.retry.maxAttempts;
      const retryAfter = response.headers.get('Retry-After');
      const backoff = delayBefore(attempt, retryAfter, this.retry);
      const delay = retryAfter === null ? withJitter(backoff, this.random()) : backoff;
      if (canRetry && waited + delay <= this.retry.maxTotalWaitMs) {
        waited += delay;
        await this.sleep(delay);
        continue;
      }
      const detail = jiraErrorText(parsedOrUndefined(response.text));
      const kind = kindOfStatus(response.status);
      throw new JiraRequestError(kind, label, messageFor(kind, detail), response.status);
    }
  }
}

class AttemptTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** The call's answer, or AttemptTimeout after `ms` (the call itself cannot be cancelled). */
async function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeout(ms)), ms);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
