/**
 * What the project page's resolvers do: check that the person may browse the project (as that
 * person, so Jira decides), then answer from the stored snapshot with its freshness. No Jira reads
 * for the figures here: they were computed in the background (recompute-snapshot.ts).
 */
import type {
  MetricsSnapshot,
  RefreshAnswer,
  SnapshotAnswer,
  SnapshotMeta,
} from '../../contract/project-page';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import {
  loadSnapshot,
  loadStatus,
  rememberProject,
  updateStatus,
  type RefreshStatus,
} from './snapshot-store';

/** Asks for a recompute in the background (the async-event queue in Forge). */
export interface RefreshQueue {
  request(projectKey: string): Promise<void>;
}

export interface ServeDeps {
  /** As the person asking. */
  readonly jira: JiraPort;
  readonly kv: KeyValueStore;
  /** Versioned documents (project configuration, SLO specs). */
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly queue: RefreshQueue;
}

/** The hourly job keeps snapshots under an hour old; past 90 minutes the page says they are stale. */
export const STALE_AFTER_MS = 90 * 60_000;
/** A refresh asked for within this time is not queued again. */
export const REFRESH_DEBOUNCE_MS = 2 * 60_000;
/** A refresh not done after this long is taken as lost (the job will catch up). */
const REFRESH_GIVE_UP_MS = 15 * 60_000;

export async function requireProjectBrowse(jira: JiraPort, projectKey: string): Promise<void> {
  let granted = false;
  try {
    granted =
      (await jira.myPermissions({ projectKey }, ['BROWSE_PROJECTS'])).BROWSE_PROJECTS === true;
  } catch (error: unknown) {
    // Jira answers 404 for a project the person cannot see, as if it did not exist.
    const code =
      typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (code !== 'NOT_FOUND' && code !== 'FORBIDDEN') throw error;
  }
  if (!granted) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot browse project ${projectKey}, so Ballast cannot show its metrics. Ask a Jira admin for access to the project.`,
    );
  }
}

export function metaOf(
  snapshot: Pick<MetricsSnapshot, 'computedAt'> | undefined,
  status: RefreshStatus,
  now: number,
): SnapshotMeta {
  const computedAt = snapshot?.computedAt ?? null;
  const computedMs = computedAt === null ? Number.NaN : Date.parse(computedAt);
  const requestedMs = status.requestedAt === null ? Number.NaN : Date.parse(status.requestedAt);
  const refreshing =
    !Number.isNaN(requestedMs) &&
    now - requestedMs < REFRESH_GIVE_UP_MS &&
    (Number.isNaN(computedMs) || computedMs < requestedMs);
  return {
    computedAt,
    stale: Number.isNaN(computedMs) || now - computedMs > STALE_AFTER_MS,
    refreshing,
    lastError: status.lastError,
  };
}

async function queueRefresh(deps: ServeDeps, projectKey: string, status: RefreshStatus) {
  const now = deps.clock.now();
  const requestedMs = status.requestedAt === null ? Number.NaN : Date.parse(status.requestedAt);
  if (!Number.isNaN(requestedMs) && now.getTime() - requestedMs < REFRESH_DEBOUNCE_MS) {
    return { queued: false, status };
  }
  const next = await updateStatus(deps.kv, projectKey, { requestedAt: now.toISOString() });
  await deps.queue.request(projectKey);
  return { queued: true, status: next };
}

export async function serveSection<T>(
  deps: ServeDeps,
  projectKey: string,
  pick: (snapshot: MetricsSnapshot) => T,
): Promise<SnapshotAnswer<T>> {
  await requireProjectBrowse(deps.jira, projectKey);
  await rememberProject(deps.kv, projectKey);
  const snapshot = await loadSnapshot(deps.kv, projectKey);
  let status = await loadStatus(deps.kv, projectKey);
  const now = deps.clock.now().getTime();
  if (metaOf(snapshot, status, now).stale && !metaOf(snapshot, status, now).refreshing) {
    // The first visit, or the job fell behind: ask for a recompute, and answer with what there is.
    status = (await queueRefresh(deps, projectKey, status)).status;
  }
  const meta = metaOf(snapshot, status, now);
  return snapshot === undefined
    ? { status: 'pending', meta }
    : { status: 'ready', meta, data: pick(snapshot) };
}

export async function requestRefresh(deps: ServeDeps, projectKey: string): Promise<RefreshAnswer> {
  await requireProjectBrowse(deps.jira, projectKey);
  await rememberProject(deps.kv, projectKey);
  const { queued, status } = await queueRefresh(
    deps,
    projectKey,
    await loadStatus(deps.kv, projectKey),
  );
  const snapshot = await loadSnapshot(deps.kv, projectKey);
  return { queued, meta: metaOf(snapshot, status, deps.clock.now().getTime()) };
}
