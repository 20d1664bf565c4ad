/**
 * `consumer` of the metrics refresh queue: recomputes one project's snapshot as the app (the
 * platform's only option here). It returns nothing to anyone; the resolvers check each person's
 * browse permission before serving the figures.
 */
import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { recomputeSnapshot, type MetricsDeps } from '../../app/metrics/recompute-snapshot';
import { systemClock } from '../../ports/clock';

const eventSchema = z.looseObject({ projectKey: z.string().regex(/^[A-Z][A-Z0-9_]*$/) });

export const metricsDepsAsApp = (): MetricsDeps => ({
  jira: jiraAsApp(),
  documents: new ForgeDocumentStore(),
  kv: new ForgeKeyValueStore(),
  clock: systemClock,
});

export async function recomputeFromEvent(payload: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) {
    console.error('Ballast metrics consumer: unexpected event', parsed.error.issues[0]);
    return;
  }
  // A failure is recorded with the snapshot's status (the page shows it) and rethrown so the
  // platform reports the failed invocation.
  await recomputeSnapshot(metricsDepsAsApp(), parsed.data.projectKey);
}

/** The consumer's resolver: manifest.yml names method `recompute`. */
export const metricsConsumer = makeResolver({
  recompute: async ({ payload }: { payload: unknown }) => {
    await recomputeFromEvent(payload);
  },
});
