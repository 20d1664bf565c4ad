/**
 * One writer at a time per issue for Ballast's `ballast` property. Jira's entity properties have no
 * conditional write, so two people changing the same issue's property at once (ticking different
 * Definition of Done items) would each read the old value and the second write would silently drop
 * the first person's change. The read-change-write of a person's change therefore runs under a short
 * lock in Ballast's storage (a key written only if absent, with a TTL so a crashed holder cannot
 * block the issue). A person who cannot get the lock within a few seconds is told CONFLICT,
 * retryable, and nothing of theirs is written.
 */
import type { KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';

export interface IssueWriteLock {
  run<T>(issueKey: string, body: () => Promise<T>): Promise<T>;
}

export const issueLockKey = (issueKey: string): string => `issue-write-lock:${issueKey}`;

/** Longer than one read-change-write (two Jira calls, each bounded by the client's 8 s of retries). */
const LOCK_TTL_SECONDS = 30;

export function kvIssueWriteLock(
  kv: KeyValueStore,
  options: { waitMs?: number; pollMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): IssueWriteLock {
  const waitMs = options.waitMs ?? 5_000;
  const pollMs = options.pollMs ?? 100;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    async run<T>(issueKey: string, body: () => Promise<T>): Promise<T> {
      const key = issueLockKey(issueKey);
      const token = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const started = Date.now();
      while (!(await kv.setIfAbsent(key, { token }, { ttlSeconds: LOCK_TTL_SECONDS }))) {
        if (Date.now() - started >= waitMs) {
          throw new AppError(
            'CONFLICT',
            `Someone else is changing ${issueKey} right now (or a change that did not finish holds it for up to ${LOCK_TTL_SECONDS} s), so your change was not saved. Try again in a moment.`,
            { retryable: true },
          );
        }
        // Jitter, so two waiters do not retry in lockstep.
        await sleep(pollMs + Math.floor(Math.random() * pollMs));
      }
      try {
        return await body();
      } finally {
        // Release only our own lock (after a TTL expiry someone else may hold it).
        const held = await kv.get<{ token: string }>(key).catch(() => undefined);
        if (held?.token === token) await kv.delete(key).catch(() => undefined);
      }
    },
  };
}

/** For callers that change nothing others write concurrently (tests, validators). */
export const NO_ISSUE_LOCK: IssueWriteLock = { run: (_issueKey, body) => body() };
