/**
 * The project page's snapshot in the app's key-value storage. A value may hold at most 240 KiB of
 * JSON (Forge storage limits), and a large project's snapshot can exceed it, so the JSON text is
 * cut into chunks written under a new generation first; the head record naming the generation is
 * written last (one write, so a reader sees the old snapshot or the new one, never a mix), then
 * the old generation's chunks are removed. A failed recompute writes no head: the previous
 * snapshot stays in place.
 */
import type { MetricsSnapshot } from '../../contract/project-page';
import type { KeyValueStore } from '../../ports/key-value-store';

/** Characters per chunk: even if every character needed escaping in JSON, far below 240 KiB. */
export const CHUNK_CHARS = 60_000;

/**
 * Version of the head and status records (the snapshot JSON carries its own `schemaVersion`).
 * Records written before it existed have none and read as version 1; a record or snapshot of
 * another version reads as absent, so the page recomputes rather than misreading it.
 */
export const METRICS_RECORD_SCHEMA_VERSION = 1 as const;

const readable = (value: { schemaVersion?: unknown } | undefined) =>
  value !== undefined && (value.schemaVersion ?? 1) === METRICS_RECORD_SCHEMA_VERSION;

export interface SnapshotHead {
  readonly schemaVersion?: typeof METRICS_RECORD_SCHEMA_VERSION;
  readonly generation: string;
  readonly chunks: number;
  readonly computedAt: string;
}

/** Recompute bookkeeping, kept apart from the snapshot so a failure never touches it. */
export interface RefreshStatus {
  readonly schemaVersion?: typeof METRICS_RECORD_SCHEMA_VERSION;
  readonly requestedAt: string | null;
  readonly lastAttemptAt: string | null;
  readonly lastError: string | null;
}

const base = (projectKey: string) => `metrics:${projectKey}`;
export const headKey = (projectKey: string) => `${base(projectKey)}:head`;
export const chunkKey = (projectKey: string, generation: string, index: number) =>
  `${base(projectKey)}:chunk:${generation}:${index}`;
export const statusKey = (projectKey: string) => `${base(projectKey)}:status`;
/** The projects whose page has been opened: the hourly job keeps their snapshots fresh. */
export const PROJECTS_KEY = 'metrics-projects';

export async function saveSnapshot(
  store: KeyValueStore,
  snapshot: MetricsSnapshot,
  generation: string,
): Promise<void> {
  const text = JSON.stringify(snapshot);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) parts.push(text.slice(i, i + CHUNK_CHARS));
  const key = snapshot.projectKey;
  for (const [index, part] of parts.entries())
    await store.set(chunkKey(key, generation, index), part);
  const previous = await store.get<SnapshotHead>(headKey(key));
  const head: SnapshotHead = {
    schemaVersion: METRICS_RECORD_SCHEMA_VERSION,
    generation,
    chunks: parts.length,
    computedAt: snapshot.computedAt,
  };
  await store.set(headKey(key), head);
  if (readable(previous) && previous!.generation !== generation) {
    for (let i = 0; i < previous!.chunks; i += 1) {
      await store.delete(chunkKey(key, previous!.generation, i));
    }
  }
}

async function readGeneration(
  store: KeyValueStore,
  projectKey: string,
  head: SnapshotHead,
): Promise<MetricsSnapshot | undefined> {
  const keys = Array.from({ length: head.chunks }, (_, i) =>
    chunkKey(projectKey, head.generation, i),
  );
  const parts: string[] = [];
  for (let i = 0; i < keys.length; i += 20) {
    const found = await store.getMany<string>(keys.slice(i, i + 20));
    for (const key of keys.slice(i, i + 20)) {
      const part = found.get(key);
      if (part === undefined) return undefined;
      parts.push(part);
    }
  }
  const snapshot = JSON.parse(parts.join('')) as MetricsSnapshot;
  // A snapshot of another shape (version 1 had no basis unit) reads as missing: the page says it is
  // being computed and a recompute is queued, never a page drawn from fields that are not there.
  return (snapshot.schemaVersion as number) === SNAPSHOT_SCHEMA_VERSION ? snapshot : undefined;
}

/** The shape of MetricsSnapshot this code writes and reads (src/contract/project-page.ts). */
export const SNAPSHOT_SCHEMA_VERSION = 2;

export async function loadSnapshot(
  store: KeyValueStore,
  projectKey: string,
): Promise<MetricsSnapshot | undefined> {
  // A recompute may replace the generation between reading the head and its chunks: read again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const head = await store.get<SnapshotHead>(headKey(projectKey));
    if (!readable(head)) return undefined;
    const snapshot = await readGeneration(store, projectKey, head!);
    if (snapshot !== undefined) return snapshot;
  }
  return undefined;
}

export async function loadStatus(store: KeyValueStore, projectKey: string): Promise<RefreshStatus> {
  const stored = await store.get<RefreshStatus>(statusKey(projectKey));
  if (readable(stored)) return stored!;
  return {
    schemaVersion: METRICS_RECORD_SCHEMA_VERSION,
    requestedAt: null,
    lastAttemptAt: null,
    lastError: null,
  };
}

/** The refresh status of each project, 20 a storage call (a missing one reads as never asked). */
export async function loadStatuses(
  store: KeyValueStore,
  projectKeys: readonly string[],
): Promise<Map<string, RefreshStatus>> {
  const found = new Map<string, RefreshStatus>();
  for (let i = 0; i < projectKeys.length; i += 20) {
    const keys = projectKeys.slice(i, i + 20);
    const page = await store.getMany<RefreshStatus>(keys.map(statusKey));
    for (const key of keys) {
      const stored = page.get(statusKey(key));
      found.set(
        key,
        readable(stored)
          ? stored!
          : {
              schemaVersion: METRICS_RECORD_SCHEMA_VERSION,
              requestedAt: null,
              lastAttemptAt: null,
              lastError: null,
            },
      );
    }
  }
  return found;
}

export async function updateStatus(
  store: KeyValueStore,
  projectKey: string,
  change: Partial<RefreshStatus>,
): Promise<RefreshStatus> {
  const next = {
    ...(await loadStatus(store, projectKey)),
    ...change,
    schemaVersion: METRICS_RECORD_SCHEMA_VERSION,
  };
  await store.set(statusKey(projectKey), next);
  return next;
}

export async function rememberProject(store: KeyValueStore, projectKey: string): Promise<void> {
  const known = (await store.get<string[]>(PROJECTS_KEY)) ?? [];
  if (!known.includes(projectKey)) await store.set(PROJECTS_KEY, [...known, projectKey].sort());
}

export async function knownProjects(store: KeyValueStore): Promise<string[]> {
  return (await store.get<string[]>(PROJECTS_KEY)) ?? [];
}
