/**
 * One Forge invocation's identity and deadline, kept in AsyncLocalStorage so concurrent
 * invocations (two users clicking at once, a trigger while a resolver runs) each see their own
 * accountId and remaining time, as they do on the platform where every invocation is isolated.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Forge's invocation time limits (developer.atlassian.com/platform/forge/limits-invocation/):
 * UI resolvers 25 s; web triggers, product/scheduled triggers and queue consumers 55 s (consumers
 * and scheduled triggers may raise it to 900 s with `timeoutSeconds`).
 */
export const RESOLVER_TIMEOUT_MS = 25_000;
export const BACKGROUND_TIMEOUT_MS = 55_000;
/** Timers may fire a few milliseconds early; an abort this close to the deadline is the deadline's. */
const DEADLINE_SLACK_MS = 25;

export interface InvocationContext {
  /** The acting user (`asUser()` calls act as them); absent for app-only invocations. */
  accountId?: string;
  /** The manifest module being run (e.g. `ballast-issue-panel`). */
  moduleKey?: string;
  /** The manifest `function` key whose handler runs. */
  functionKey?: string;
  /** e.g. `jira:issuePanel`, `trigger`, `webtrigger`, `scheduledTrigger`, `consumer`. */
  moduleType?: string;
  /** The invocation's time limit; defaults to the resolver limit. */
  timeoutMs?: number;
  invocationId?: string;
}

export interface ActiveInvocation {
  accountId: string | undefined;
  moduleKey: string;
  functionKey: string;
  moduleType: string;
  invocationId: string;
  deadline: number;
}

export class InvocationTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The Forge invocation timed out after ${timeoutMs} ms (the platform's limit).`);
    this.name = 'InvocationTimeoutError';
  }
}

export class Invocations {
  private readonly storage = new AsyncLocalStorage<ActiveInvocation>();

  current(): ActiveInvocation | undefined {
    return this.storage.getStore();
  }

  /**
   * Runs fn as one invocation. Like the platform, a function that outlives its time limit fails
   * with a timeout; unlike it, the sandbox cannot kill the work, which carries on unobserved
   * (outbound Jira calls are aborted at the deadline, see product-fetch.ts).
   */
  run<T>(context: InvocationContext, fn: () => Promise<T> | T): Promise<T> {
    const timeoutMs = context.timeoutMs ?? RESOLVER_TIMEOUT_MS;
    const active: ActiveInvocation = {
      accountId: context.accountId,
      moduleKey: context.moduleKey ?? 'sandbox',
      functionKey: context.functionKey ?? 'sandbox',
      moduleType: context.moduleType ?? 'sandbox',
      invocationId: context.invocationId ?? randomUUID(),
      deadline: Date.now() + timeoutMs,
    };
    return this.storage.run(active, () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new InvocationTimeoutError(timeoutMs)), timeoutMs);
        timer.unref();
      });
      // A platform call aborted by the deadline (product-fetch.ts) can reject the work a moment
      // before the timer below fires; either way the invocation timed out, as Forge reports it.
      const work = Promise.resolve()
        .then(fn)
        .catch((error: unknown) => {
          const aborted = error instanceof Error && /TimeoutError|AbortError/.test(error.name);
          if (aborted && Date.now() >= active.deadline - DEADLINE_SLACK_MS) {
            throw new InvocationTimeoutError(timeoutMs);
          }
          throw error;
        });
      return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
    });
  }
}
