/**
 * An in-memory KeyValueStore for unit tests: plain keys with get, getMany, set, setIfAbsent,
 * setReturningPrevious and delete, prefix listing in key order, 20 a page, and transactions
 * applied in order (no TTL); `data` shows what is stored.
 */
import type { KeyValueOperation, KeyValueStore } from '../../ports/key-value-store';

export function memoryKv(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(key: string) => Promise.resolve(data.get(key) as T | undefined),
    getMany: <T>(keys: readonly string[]) =>
      Promise.resolve(
        new Map(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k) as T] as const)),
      ),
    set: (key: string, value: unknown) => Promise.resolve(void data.set(key, value)),
    setIfAbsent: (key: string, value: unknown) =>
      Promise.resolve(data.has(key) ? false : (data.set(key, value), true)),
    setReturningPrevious: <T>(key: string, value: unknown) => {
      const previous = data.get(key) as T | undefined;
      data.set(key, value);
      return Promise.resolve(previous);
    },
    delete: (key: string) => Promise.resolve(void data.delete(key)),
    transact: (operations: readonly KeyValueOperation[]) => {
      for (const o of operations) {
        if (o.op === 'set') data.set(o.key, o.value);
        else data.delete(o.key);
      }
      return Promise.resolve();
    },
    list: (prefix: string, options: { cursor?: string; limit?: number } = {}) => {
      const keys = [...data.keys()].filter((k) => k.startsWith(prefix)).sort();
      const start = options.cursor === undefined ? 0 : Number(options.cursor);
      const size = options.limit ?? 20;
      const entries = keys.slice(start, start + size).map((key) => ({ key, value: data.get(key) }));
      return Promise.resolve({
        entries,
        ...(start + size < keys.length ? { cursor: String(start + size) } : {}),
      });
    },
  } as unknown as KeyValueStore & { data: Map<string, unknown> };
}
