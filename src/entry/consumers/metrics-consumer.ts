/**
 * `consumer` of the metrics refresh queue: recomputes one project's snapshot as the app (the
 * platform's only option here). It returns nothing to anyone; the resolvers check each person's
 * browse permission before serving the figures.
 *
 * With @forge/events 2 and later (we use 3), a consumer names a `function`, which Forge calls
 * with an `AsyncEvent` whose `body` is what was pushed; resolvers are no longer used
 * (developer.atlassian.com/platform/forge/runtime-reference/async-events-api/ "Event consumer",
 * …/async-events-api-version-2-upgrade/ "Event consumption").
 */
import { z } from 'zod';
import { ForgeRefreshQueue } from '../../adapters/forge/events/refresh-queue';
import { JiraRateLimitError } from '../../adapters/forge/jira/errors';
import { inBackground, jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { pacing, pacingClock } from '../../adapters/forge/jira/pacing';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { AppError } from '../../app/errors';
import { recomputeSnapshot, type MetricsDeps } from '../../app/metrics/recompute-snapshot';
import { watchBuffer } from '../../app/notify/watch-transitions';
import { ForgeNoticeQueue } from '../../adapters/forge/events/notice-queue';

/** manifest.yml `timeoutSeconds: 300` of the metrics-consumer function. */
export const CONSUMER_LIMIT_MS = 300_000;
/** @forge/events accepts a delay of at most 900 s (15 minutes) per push. */
const MAX_QUEUE_DELAY_S = 900;

const bodySchema = z.looseObject({ projectKey: z.string().regex(/^[A-Z][A-Z0-9_]*$/) });
const asyncEventSchema = z.looseObject({ body: bodySchema });

export const metricsDepsAsApp = (): MetricsDeps => ({
  jira: jiraAsApp(inBackground(CONSUMER_LIMIT_MS)),
  documents: new ForgeDocumentStore(),
  kv: new ForgeKeyValueStore(),
  clock: pacingClock,
});

/**
 * Jira's rate limit asked for a longer wait than this invocation has: the same event goes back on
 * the queue, delivered once Jira accepts requests again (or after the longest delay @forge/events
 * allows, then again), so no requested recompute is lost.
 * Delay: https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/ (Push API).
 */
async function requeueAfter(projectKey: string, error: JiraRateLimitError): Promise<number> {
  const wait = Math.ceil((error.retryAtMs - pacing().nowMs()) / 1000);
  const delayInSeconds = Math.min(MAX_QUEUE_DELAY_S, Math.max(1, wait));
  await new ForgeRefreshQueue().request(projectKey, { delayInSeconds });
  return delayInSeconds;
}

/** The consumer function manifest.yml names: the refresh request is the event's `body`. */
export async function metricsConsumer(event: unknown): Promise<void> {
  const parsed = asyncEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('Ballast metrics consumer: unexpected event', parsed.error.issues[0]);
    return;
  }
  // A failure is recorded with the snapshot's status (the page shows it). A passing one (Jira down,
  // rate limits) is rethrown so the platform reports the failed invocation; one that will fail the
  // same way next time (the project or its board deleted in Jira, the app's access removed) ends
  // here, logged: the page already says the last recompute failed and why.
  try {
    const deps = metricsDepsAsApp();
    const snapshot = await recomputeSnapshot(deps, parsed.data.body.projectKey);
    // The snapshot is stored: a notice that cannot be raised is logged, never a failed recompute.
    await watchBuffer(
      { kv: deps.kv, store: deps.documents, queue: new ForgeNoticeQueue() },
      snapshot,
      deps.clock.now(),
    ).catch((error: unknown) => {
      console.error(
        `Ballast could not raise the buffer notice of ${parsed.data.body.projectKey}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  } catch (error: unknown) {
    if (error instanceof JiraRateLimitError) {
      const delay = await requeueAfter(parsed.data.body.projectKey, error);
      console.warn(
        `Ballast metrics consumer: Jira is throttling (${error.scope}); ${parsed.data.body.projectKey} queued again in ${delay} s.`,
      );
      return;
    }
    if (error instanceof AppError && error.options.retryable !== true) {
      console.error(
        `Ballast metrics consumer: ${parsed.data.body.projectKey} cannot be recomputed: ${error.message}`,
      );
      return;
    }
    throw error;
  }
}
