/**
 * A KeyValueStore for benchmarks that keeps values as JSON text, so every read pays the parse a
 * remote store's answer costs, and counts calls, bytes read, Forge read units and SLI day records.
 */
import type { KeyValueOperation, KeyValueStore } from '../src/ports/key-value-store';

/** Forge KVS reads are counted in 10 KB units, 4,000 a minute per installation
 *  (https://developer.atlassian.com/platform/forge/limits-kvs-ce). */
export const READ_UNIT_BYTES = 10_000;
export const READ_UNITS_PER_MINUTE = 4_000;

export interface Counters {
  calls: number;
  bytes: number;
  units: number;
  dayKeys: number;
  sumKeys: number;
}

/** Values kept as JSON text; every call counted, every read parsed. */
export function jsonKv(): KeyValueStore & { data: Map<string, string>; counters: Counters } {
  const data = new Map<string, string>();
  const counters: Counters = { calls: 0, bytes: 0, units: 0, dayKeys: 0, sumKeys: 0 };
  const read = (keys: readonly string[]) => {
    counters.calls += 1;
    let bytes = 0;
    const found = new Map<string, unknown>();
    for (const key of keys) {
      const text = data.get(key);
      if (text === undefined) continue;
      if (key.startsWith('sli-day:')) counters.dayKeys += 1;
      if (key.startsWith('sli-daysum:')) counters.sumKeys += 1;
      bytes += text.length;
      found.set(key, JSON.parse(text));
    }
    counters.bytes += bytes;
    counters.units += Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
    return found;
  };
  const write = (key: string, value: unknown) => data.set(key, JSON.stringify(value));
  const kv: KeyValueStore = {
    get: <T>(key: string) => Promise.resolve(read([key]).get(key) as T | undefined),
    getMany: <T>(keys: readonly string[]) => Promise.resolve(read(keys) as Map<string, T>),
    set: (key, value) => ((counters.calls += 1), write(key, value), Promise.resolve()),
    setIfAbsent: (key, value) => {
      counters.calls += 1;
      if (data.has(key)) return Promise.resolve(false);
      write(key, value);
      return Promise.resolve(true);
    },
    setReturningPrevious: <T>(key: string, value: unknown) => {
      const previous = read([key]).get(key) as T | undefined;
      write(key, value);
      return Promise.resolve(previous);
    },
    delete: (key) => ((counters.calls += 1), data.delete(key), Promise.resolve()),
    list: <T>(prefix: string, options: { cursor?: string; limit?: number } = {}) => {
      const keys = [...data.keys()].filter((k) => k.startsWith(prefix)).sort();
      const from = options.cursor === undefined ? 0 : Number(options.cursor);
      const size = options.limit ?? 20;
      const page = keys.slice(from, from + size);
      const values = read(page);
      return Promise.resolve({
        entries: page.map((key) => ({ key, value: values.get(key) as T })),
        ...(from + size < keys.length ? { cursor: String(from + size) } : {}),
      });
    },
    transact: (operations: readonly KeyValueOperation[]) => {
      counters.calls += 1;
      for (const o of operations) {
        if (o.op === 'set') write(o.key, o.value);
        else data.delete(o.key);
      }
      return Promise.resolve();
    },
  };
  return Object.assign(kv, { data, counters });
}
