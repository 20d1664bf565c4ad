/**
 * Plain keyed records in the app's storage, for data that is appended rather than edited: SLI
 * batches, web-trigger replay markers, deployments, rolled-up status. Versioned documents that people
 * edit go through DocumentStore instead. Keys follow Forge's rules (1–500 characters of
 * `[A-Za-z0-9:._\s\-#]`); values are JSON of at most 240 KiB (Forge storage limits).
 */
export interface KeyValueEntry<T = unknown> {
  readonly key: string;
  readonly value: T;
}

export interface KeyValuePage<T = unknown> {
  readonly entries: readonly KeyValueEntry<T>[];
  /** Pass back to get the next page; absent on the last page. */
  readonly cursor?: string;
}

export type KeyValueOperation =
  | {
      readonly op: 'set';
      readonly key: string;
      readonly value: unknown;
      readonly ttlSeconds?: number;
    }
  | { readonly op: 'delete'; readonly key: string };

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Missing keys are absent from the map. Up to 20 keys per call (Forge batch limit). */
  getMany<T>(keys: readonly string[]): Promise<Map<string, T>>;
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<void>;
  /** Writes only if the key does not exist; false when it did (nothing written). */
  setIfAbsent(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<boolean>;
  /** Writes the key and returns, atomically, the value it replaced (undefined when none). */
  setReturningPrevious<T>(key: string, value: unknown): Promise<T | undefined>;
  delete(key: string): Promise<void>;
  /** Keys beginning with `prefix`, in key order, up to `limit` (1–20) per page. */
  list<T>(prefix: string, options?: { cursor?: string; limit?: number }): Promise<KeyValuePage<T>>;
  /** All or nothing: up to 25 operations (Forge transaction limit). */
  transact(operations: readonly KeyValueOperation[]): Promise<void>;
}

/** Secrets (web-trigger signing keys): kept apart from plain keys and never listed. */
export interface SecretStore {
  getSecret<T>(key: string): Promise<T | undefined>;
  setSecret(key: string, value: unknown): Promise<void>;
}

/** Reads every page of `prefix` (for bounded key ranges such as one SLO's batches of one day). */
export async function listAll<T>(
  store: KeyValueStore,
  prefix: string,
): Promise<KeyValueEntry<T>[]> {
  const entries: KeyValueEntry<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list<T>(prefix, { limit: 20, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return entries;
}
