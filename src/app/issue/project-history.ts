/**
 * When Ballast first saw a project: the start of its first full pass over the project's issues
 * (refresh-project.ts), the moment Ballast first read every item of a project. Items already Done
 * then are "closed before Ballast" (src/domain/dod/closed-before-ballast.ts). Written once, as a
 * document that must not exist yet (version 0), so two passes starting at once keep the first
 * one's time; never changed afterwards.
 */
import type { DocumentStore } from '../../ports/document-store';
import { AppError } from '../errors';

export const PROJECT_HISTORY_KIND = 'project-history';
export const PROJECT_HISTORY_SCHEMA_VERSION = 1;

export interface ProjectHistory {
  /** ISO-8601; null while Ballast has not made its first pass over the project. */
  readonly firstSeenAt: string | null;
}

export const NOT_SEEN_YET: ProjectHistory = { firstSeenAt: null };

interface StoredHistory {
  readonly schemaVersion: typeof PROJECT_HISTORY_SCHEMA_VERSION;
  readonly firstSeenAt: string;
}

function readHistory(value: unknown): ProjectHistory {
  const stored = value as Partial<StoredHistory> | null | undefined;
  // A record of another version is not misread: the items keep their checklists until it is known.
  if (stored?.schemaVersion !== PROJECT_HISTORY_SCHEMA_VERSION) return NOT_SEEN_YET;
  if (typeof stored.firstSeenAt !== 'string' || !Number.isFinite(Date.parse(stored.firstSeenAt)))
    return NOT_SEEN_YET;
  return { firstSeenAt: stored.firstSeenAt };
}

export async function loadProjectHistory(
  store: DocumentStore,
  projectKey: string,
): Promise<ProjectHistory> {
  return readHistory((await store.get(PROJECT_HISTORY_KIND, projectKey))?.value);
}

/** Records first sight at `now` unless it is recorded already; returns what is stored. */
export async function recordFirstSight(
  store: DocumentStore,
  projectKey: string,
  now: Date,
): Promise<ProjectHistory> {
  const known = await store.get(PROJECT_HISTORY_KIND, projectKey);
  if (known !== undefined) return readHistory(known.value);
  const value: StoredHistory = {
    schemaVersion: PROJECT_HISTORY_SCHEMA_VERSION,
    firstSeenAt: now.toISOString(),
  };
  try {
    await store.put(PROJECT_HISTORY_KIND, projectKey, value, 0, {
      accountId: 'ballast-app',
      at: now,
    });
    return { firstSeenAt: value.firstSeenAt };
  } catch (error: unknown) {
    // Another pass recorded it first: its time stands.
    if (error instanceof AppError && error.code === 'CONFLICT')
      return loadProjectHistory(store, projectKey);
    throw error;
  }
}
