/**
 * The notices queue on Forge async events (@forge/events): raising a notice returns at once and the
 * `ballast-notice-consumer` (manifest.yml) delivers it, so a slow or failing channel never holds
 * up the job that saw the transition. `delayInSeconds` (≤ 900) spaces the retries
 * (developer.atlassian.com/platform/forge/runtime-reference/async-events-api/, Push API).
 */
import { Queue } from '@forge/events';
import type { NoticeQueue, NoticeRef } from '../../../app/notify/notice-outbox';

/** The queue named by the consumer module in manifest.yml. */
export const NOTICE_QUEUE = 'ballast-notices';

export class ForgeNoticeQueue implements NoticeQueue {
  private readonly queue = new Queue({ key: NOTICE_QUEUE });

  async push(ref: NoticeRef, options: { delayInSeconds?: number } = {}): Promise<void> {
    await this.queue.push([{ body: { projectKey: ref.projectKey, id: ref.id }, ...options }]);
  }
}
