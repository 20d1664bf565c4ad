/**
 * The notices outbox: a notice is stored before anyone is told, so a channel that fails (Slack
 * down, Jira throttling) never loses it and never delays the job that saw the transition
 * (issue #22 item 3). One record per notice, created with Forge's atomic create (`setIfAbsent`,
 * `keyPolicy: 'FAIL_IF_EXISTS'`, as the push claims do: src/app/push/push-claim.ts): the same
 * transition seen twice — a job re-run, an overlapping run, a redelivered event — claims the same
 * id and is sent once. Delivery happens in the `ballast-notice-consumer` (deliver-notice.ts);
 * `notice-pending:` markers let the fiveMinute job put back on the queue a notice whose queue
 * push failed or whose consumer died.
 */
import { noticeId, type Notice } from '../../domain/notify/notice';
import { noticeText } from '../../domain/notify/notice-text';
import type { DeliveryResult, RecentNotice } from '../../contract/notify';
import type { KeyValueStore } from '../../ports/key-value-store';

/** Kept three months: far longer than any retry, long enough to answer "was I told?". */
export const NOTICE_TTL_SECONDS = 90 * 86_400;
export const NOTICE_LOG_KEPT = 10;

export const noticeKey = (projectKey: string, id: string) => `notice:${projectKey}:${id}`;
export const PENDING_PREFIX = 'notice-pending:';
export const pendingKey = (projectKey: string, id: string) =>
  `${PENDING_PREFIX}${projectKey}:${id}`;
export const noticeLogKey = (projectKey: string) => `notice-log:${projectKey}`;
export const lastDeliveryKey = (projectKey: string) => `notice-last:${projectKey}`;

export interface NoticeRef {
  readonly projectKey: string;
  readonly id: string;
}

export interface NoticeRecord {
  readonly v: 1;
  readonly projectKey: string;
  readonly id: string;
  readonly notice: Notice;
  readonly title: string;
  readonly state: RecentNotice['state'];
  readonly attempts: number;
  readonly jira: DeliveryResult | null;
  readonly webhook: DeliveryResult | null;
  readonly createdAt: string;
  /** When the consumer should try again (ISO-8601), while `retrying`. */
  readonly nextAttemptAt: string | null;
}

export interface PendingMarker {
  readonly v: 1;
  /** When the notice was last handed to the queue (ISO-8601). */
  readonly queuedAt: string;
  readonly dueAt: string;
}

/** The async-events queue of the notice consumer (src/adapters/forge/events/notice-queue.ts). */
export interface NoticeQueue {
  push(ref: NoticeRef, options?: { delayInSeconds?: number }): Promise<void>;
}

/**
 * Stores the notice and queues its delivery; false when this transition was already raised (then
 * nothing is written or sent). A failed queue push is logged and left to the fiveMinute sweep.
 */
export async function raiseNotice(
  deps: { kv: KeyValueStore; queue: NoticeQueue | null },
  notice: Notice,
  now: Date,
): Promise<boolean> {
  const id = noticeId(notice);
  // The title names no link, so any links give the same words the channels will send.
  const title = noticeText(notice, { projectPage: '', issue: () => '' }).title;
  const record: NoticeRecord = {
    v: 1,
    projectKey: notice.projectKey,
    id,
    notice,
    title,
    state: 'pending',
    attempts: 0,
    jira: null,
    webhook: null,
    createdAt: now.toISOString(),
    nextAttemptAt: null,
  };
  const claimed = await deps.kv.setIfAbsent(noticeKey(notice.projectKey, id), record, {
    ttlSeconds: NOTICE_TTL_SECONDS,
  });
  if (!claimed) return false;
  await appendToLog(deps.kv, notice.projectKey, id);
  if (deps.queue === null) return true;
  await deps.kv.set(pendingKey(notice.projectKey, id), {
    v: 1,
    queuedAt: now.toISOString(),
    dueAt: now.toISOString(),
  } satisfies PendingMarker);
  try {
    await deps.queue.push({ projectKey: notice.projectKey, id });
  } catch (error: unknown) {
    console.warn(
      `Ballast could not queue notice ${id} of ${notice.projectKey} (${error instanceof Error ? error.message : String(error)}); the fiveMinute job queues it again.`,
    );
  }
  return true;
}

/**
 * The newest ids first, for the settings page. Two notices raised at the same instant may race on
 * this list; it is only what the page lists — each notice's own record is the truth.
 */
async function appendToLog(kv: KeyValueStore, projectKey: string, id: string): Promise<void> {
  const log = (await kv.get<{ ids: string[] }>(noticeLogKey(projectKey)))?.ids ?? [];
  await kv.set(noticeLogKey(projectKey), {
    ids: [id, ...log.filter((x) => x !== id)].slice(0, NOTICE_LOG_KEPT),
  });
}

export async function recentNotices(
  kv: KeyValueStore,
  projectKey: string,
): Promise<RecentNotice[]> {
  const ids = (await kv.get<{ ids: string[] }>(noticeLogKey(projectKey)))?.ids ?? [];
  const found = await kv.getMany<NoticeRecord>(ids.map((id) => noticeKey(projectKey, id)));
  return ids.flatMap((id) => {
    const record = found.get(noticeKey(projectKey, id));
    return record === undefined
      ? []
      : [
          {
            id,
            title: record.title,
            at: record.createdAt,
            state: record.state,
            jira: record.jira,
            webhook: record.webhook,
          },
        ];
  });
}
