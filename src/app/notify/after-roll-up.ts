/**
 * The fiveMinute job's notices, after every SLO is rolled up (the roll-up is stored first, so
 * nothing here can delay or undo it): alerts that started, each watched project's gate, and the
 * sweep that queues again a notice still pending past its due time (its queue push failed, or its
 * consumer died before recording a result), so no notice is lost.
 */
import type { KeyValueStore } from '../../ports/key-value-store';
import { listAll } from '../../ports/key-value-store';
import type { RefreshReport } from '../slo/refresh-slos';
import { PENDING_PREFIX, type PendingMarker } from './notice-outbox';
import { watchAlerts, watchedProjects, watchGate, type WatchDeps } from './watch-transitions';

/** A pending notice is queued again once it is this late (the consumer gets 55 s a try). */
export const SWEEP_AFTER_MS = 10 * 60_000;

export interface NoticeReport {
  readonly raised: number;
  readonly requeued: number;
  readonly failures: readonly string[];
}

export async function noticesAfterRollUp(
  deps: WatchDeps,
  report: Pick<RefreshReport, 'rolled'>,
  now: Date,
): Promise<NoticeReport> {
  let raised = 0;
  const failures: string[] = [];
  const attempt = async (what: string, run: () => Promise<number | boolean>) => {
    try {
      raised += Number(await run());
    } catch (error: unknown) {
      failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const { before, after } of report.rolled) {
    await attempt(`alerts of ${after.slo}`, () => watchAlerts(deps, before, after, now));
  }
  for (const projectKey of await watchedProjects(deps.kv)) {
    await attempt(`gate of ${projectKey}`, () => watchGate(deps, projectKey, now));
  }
  const requeued = await sweepPending(deps, now).catch((error: unknown) => {
    failures.push(`sweep: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  });
  return { raised, requeued, failures };
}

export async function sweepPending(
  deps: { kv: KeyValueStore; queue: WatchDeps['queue'] },
  now: Date,
): Promise<number> {
  if (deps.queue === null) return 0;
  let requeued = 0;
  for (const { key, value } of await listAll<PendingMarker>(deps.kv, PENDING_PREFIX)) {
    if (now.getTime() - Date.parse(value.dueAt) < SWEEP_AFTER_MS) continue;
    const [projectKey, ...rest] = key.slice(PENDING_PREFIX.length).split(':');
    if (projectKey === undefined || rest.length === 0) continue;
    const ref = { projectKey, id: rest.join(':') };
    await deps.kv.set(key, { ...value, queuedAt: now.toISOString(), dueAt: now.toISOString() });
    await deps.queue.push(ref);
    requeued += 1;
  }
  return requeued;
}
