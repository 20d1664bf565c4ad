/**
 * An in-memory DocumentStore with the real one's version check, for unit tests of use cases that
 * keep versioned documents; `beforePut` runs before each write (to stage a race).
 */
import type { DocumentStore, StoredDocument } from '../../ports/document-store';
import { AppError } from '../errors';

export function memoryStore(
  beforePut: (kind: string, id: string) => Promise<void> = async () => {},
) {
  const docs = new Map<string, StoredDocument>();
  let puts = 0;
  const store: DocumentStore = {
    get: (kind, id) => Promise.resolve(docs.get(`${kind}:${id}`)),
    list(cursor) {
      // Pages of 2, so callers are tested across pages.
      const all = [...docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      const start = cursor === undefined ? 0 : Number(cursor);
      const page = all.slice(start, start + 2).map(([key, doc]) => {
        const at = key.indexOf(':');
        return { ...doc, kind: key.slice(0, at), id: key.slice(at + 1) };
      });
      return Promise.resolve({
        documents: page,
        ...(start + 2 < all.length ? { cursor: String(start + 2) } : {}),
      });
    },
    delete(kind, id) {
      docs.delete(`${kind}:${id}`);
      return Promise.resolve();
    },
    async put(kind, id, value, expectedVersion, actor) {
      puts += 1;
      await beforePut(kind, id);
      const current = docs.get(`${kind}:${id}`)?.version ?? 0;
      if (current !== expectedVersion) throw new AppError('CONFLICT', `${kind} ${id} changed`);
      const doc = {
        value: structuredClone(value),
        version: current + 1,
        updatedAt: actor.at.toISOString(),
        updatedBy: actor.accountId,
      };
      docs.set(`${kind}:${id}`, doc);
      return doc;
    },
  };
  return { store, docs, puts: () => puts };
}
