/**
 * `scheduledTrigger` (hour): keeps the project page's snapshots fresh by queueing one recompute
 * per project whose page has been opened. The work itself runs in the queue's consumer, one
 * project per invocation, so a site with many projects never runs into one invocation's limit.
 */
import { ForgeRefreshQueue } from '../../adapters/forge/events/refresh-queue';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { knownProjects } from '../../app/metrics/snapshot-store';

export async function refreshMetricsHourly(): Promise<{ queued: string[] }> {
  const projects = await knownProjects(new ForgeKeyValueStore());
  const queue = new ForgeRefreshQueue();
  for (const projectKey of projects) await queue.request(projectKey);
  return { queued: projects };
}
