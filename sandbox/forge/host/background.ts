/**
 * Functions the platform runs without a user at the keyboard: product event `trigger`s,
 * `scheduledTrigger`s and async event `consumer`s. None carries a principal, so `asUser()` fails
 * there as on Forge and the app must use `asApp()` and check permissions itself.
 * Event shapes, as Atlassian documents them (test/fixtures/forge/README.md lists each page): a
 * product event is its payload plus `eventType` (events-reference/jira, events-reference/
 * jira-software); a scheduled trigger gets `{ context: { cloudId, moduleKey }, contextToken }`
 * (events-reference/scheduled-trigger); a consumer the `AsyncEvent` of @forge/events
 * (runtime-reference/async-events-api).
 */
import { randomUUID } from 'node:crypto';
import { findModule, invokeModule, type HostCore } from './invoke';

export type Outcome =
  { moduleKey: string; ok: true; result: unknown } | { moduleKey: string; ok: false; error: Error };

async function settle(moduleKey: string, run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { moduleKey, ok: true, result: await run() };
  } catch (error) {
    return {
      moduleKey,
      ok: false,
      error: error instanceof Error ? error : new Error(String(error)),
    };
  }
}

/**
 * Runs every `trigger` module subscribed to eventType. `filter.ignoreSelf` skips events the app
 * itself caused (its account is the event's `atlassianId`), as Forge does.
 */
export function runProductEvent(
  core: HostCore,
  appAccountId: string,
  eventType: string,
  event: Record<string, unknown>,
): Promise<Outcome[]> {
  const modules = core.manifest.modules.filter(
    (m) => m.type === 'trigger' && m.events.includes(eventType),
  );
  return Promise.all(
    modules
      .filter((m) => !(m.ignoreSelf && event.atlassianId === appAccountId))
      .map((module) =>
        settle(module.key, () => invokeModule(core, module, { ...event, eventType }, undefined)),
      ),
  );
}

export function runScheduled(core: HostCore, moduleKey: string): Promise<unknown> {
  const module = findModule(core, moduleKey, 'scheduledTrigger');
  const event = {
    context: { cloudId: core.cloudId, moduleKey },
    contextToken: 'sandbox-context-token',
  };
  return invokeModule(core, module, event, undefined);
}

/** Forge's scheduled trigger intervals (manifest-reference/modules/scheduled-trigger). */
export const INTERVAL_MS: Record<string, number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/** Runs each scheduled trigger on its interval (divided by `speedup`) until stopped. */
export function startScheduler(
  core: HostCore,
  options: { speedup?: number; onOutcome?: (outcome: Outcome) => void } = {},
): () => void {
  const timers = core.manifest.modules
    .filter((m) => m.type === 'scheduledTrigger')
    .map((module) => {
      const every =
        (INTERVAL_MS[module.interval ?? 'hour'] ?? INTERVAL_MS.hour ?? 3_600_000) /
        (options.speedup ?? 1);
      const timer = setInterval(() => {
        void settle(module.key, () => runScheduled(core, module.key)).then((outcome) =>
          options.onOutcome?.(outcome),
        );
      }, every);
      timer.unref();
      return timer;
    });
  return () => timers.forEach((timer) => clearInterval(timer));
}

/**
 * Delivers one async event to the consumers of a queue. A consumer with `function` (@forge/events
 * 2 and later) gets the `AsyncEvent` of node_modules/@forge/events/out/types.d.ts — `{ body,
 * queueName, jobId, eventId }`, plus `retryContext` only on a retry, as
 * runtime-reference/async-events-api says. One with `resolver: { function, method }` (the
 * @forge/events 1.x form) is called as a resolver definition (`{ call: { functionKey: method,
 * payload: body, jobId } }`, the @forge/resolver pattern).
 */
export function deliverEvent(
  core: HostCore,
  queueName: string,
  body: unknown,
  options: { jobId?: string; retryCount?: number } = {},
): Promise<Outcome[]> {
  const jobId = options.jobId ?? `sandbox-job-${randomUUID()}`;
  const consumers = core.manifest.modules.filter(
    (m) => m.type === 'consumer' && m.queue === queueName,
  );
  if (consumers.length === 0)
    throw new Error(`manifest.yml has no consumer for queue ${queueName}.`);
  const retryCount = options.retryCount ?? 0;
  return Promise.all(
    consumers.map((module) => {
      const event =
        module.method === undefined
          ? {
              body,
              queueName,
              jobId,
              eventId: randomUUID(),
              ...(retryCount === 0
                ? {}
                : {
                    retryContext: {
                      retryCount,
                      retryReason: 'FUNCTION_RETRY_REQUEST',
                      retryData: {},
                    },
                  }),
            }
          : {
              call: { functionKey: module.method, payload: body, jobId },
              context: { cloudId: core.cloudId, moduleKey: module.key },
            };
      return settle(module.key, () => invokeModule(core, module, event, undefined));
    }),
  );
}
