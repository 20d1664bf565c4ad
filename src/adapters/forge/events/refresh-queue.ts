/**
 * The metrics refresh queue on Forge async events (@forge/events): a push returns at once and the
 * `ballast-metrics-consumer` (manifest.yml) recomputes the snapshot with up to 900 s to spare,
 * far from the 25 s a resolver has (developer.atlassian.com/platform/forge/runtime-reference/async-events-api/).
 */
import { Queue } from '@forge/events';
import type { RefreshQueue } from '../../../app/metrics/serve-project-page';

/** The queue named by the consumer module in manifest.yml. */
export const METRICS_QUEUE = 'ballast-metrics-refresh';

export interface MetricsRefreshEvent {
  readonly projectKey: string;
}

export class ForgeRefreshQueue implements RefreshQueue {
  private readonly queue = new Queue({ key: METRICS_QUEUE });

  /** `delayInSeconds` (0–900) holds the event back, e.g. until Jira's rate limit resets. */
  async request(projectKey: string, options: { delayInSeconds?: number } = {}): Promise<void> {
    const body: MetricsRefreshEvent = { projectKey };
    await this.queue.push([{ body: { ...body }, ...options }]);
  }
}
