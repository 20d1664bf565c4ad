/**
 * createSandboxKvs: the Forge KVS (plain keys, secrets, custom entities, batches, transactions)
 * for the local sandbox, persisted to `<stateDir>/kvs.json` and loaded again at start. Plug its
 * `endpoint` into installForgeRuntime({ kvs }) and the real @forge/kvs talks to it.
 */
import { join } from 'node:path';
import type { KvsEndpoint } from '../runtime';
import { AtomicJsonFile } from './atomic-file';
import { handleKvsRequest } from './endpoint';
import type { EntityDefinition } from './entities';
import { emptyState, kvsStateSchema, type KvsState } from './state';
import { KvsStore } from './store';

export { entitiesFromManifest, type EntityDefinition } from './entities';
export { KvsStore } from './store';
export * as kvsLimits from './limits';

export const DEFAULT_STATE_DIR = '.sandbox-state';

export interface SandboxKvsOptions {
  /** Folder for `kvs.json`; defaults to `.sandbox-state/` (git-ignored). */
  stateDir?: string;
  /** Custom entities with their indexes (manifest `app.storage.entities`). */
  entities?: readonly EntityDefinition[];
  /** Clock for createdAt/updatedAt and TTLs, in epoch milliseconds. */
  now?: () => number;
  /** Start empty, ignoring (and on the first write replacing) a saved file. */
  reset?: boolean;
}

export interface SandboxKvs {
  endpoint: KvsEndpoint;
  store: KvsStore;
  file: string;
  /** Resolves once everything written so far is on disk. */
  flush(): Promise<void>;
  /** Empties the store (and the file). */
  clear(): Promise<void>;
  /**
   * Runs a bulk load (the demo seed) with one write to disk at the end instead of one per
   * acknowledged write: rewriting a multi-megabyte file after each of hundreds of writes would take
   * minutes. A crash meanwhile loses the bulk load, which is reseeded on the next start.
   */
  deferPersistence<T>(bulk: () => Promise<T>): Promise<T>;
}

function load(file: AtomicJsonFile, reset: boolean): KvsState {
  if (reset) return emptyState();
  const saved = file.read();
  if (saved === undefined) return emptyState();
  const parsed = kvsStateSchema.safeParse(saved);
  if (!parsed.success)
    throw new Error(`${file.path} is not a sandbox KVS file (delete it or start with --reset).`);
  return parsed.data;
}

export function createSandboxKvs(options: SandboxKvsOptions = {}): SandboxKvs {
  const path = join(options.stateDir ?? DEFAULT_STATE_DIR, 'kvs.json');
  // The snapshot closure runs only on save, after `store` exists.
  const file: AtomicJsonFile = new AtomicJsonFile(path, (): KvsState => store.state);
  const store: KvsStore = new KvsStore(
    load(file, options.reset ?? false),
    options.entities ?? [],
    options.now ?? Date.now,
  );
  let deferred = 0;
  const persist = () => (deferred > 0 ? Promise.resolve() : file.save());
  return {
    endpoint: (requestPath, init) => handleKvsRequest(store, persist, requestPath, init),
    store,
    file: path,
    flush: persist,
    clear: () => {
      store.state = emptyState();
      return persist();
    },
    deferPersistence: async (bulk) => {
      deferred += 1;
      try {
        return await bulk();
      } finally {
        deferred -= 1;
        if (deferred === 0) await file.save();
      }
    },
  };
}
