/**
 * `scheduledTrigger` (hour): keeps the project page's snapshots fresh by queueing one recompute
 * per project whose page has been opened. The work itself runs in the queue's consumer, one
 * project per invocation, so a site with many projects never runs into one invocation's limit.
 */
import { ForgeRefreshQueue } from '../../adapters/forge/events/refresh-queue';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { knownProjects } from '../../app/metrics/snapshot-store';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function refreshMetricsHourly(): Promise<ScheduledTriggerResponse> {
  const projects = await knownProjects(new ForgeKeyValueStore());
  const queue = new ForgeRefreshQueue();
  for (const projectKey of projects) await queue.request(projectKey);
  console.info(`Ballast queued a metrics recompute for ${projects.length} project(s)`);
  return SCHEDULED_DONE;
}
