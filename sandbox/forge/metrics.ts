/**
 * The `metrics` object of `__forge_runtime__`. @forge/api counts and times its own calls through it
 * (`api.asUser.withProvider.*`, `api.getWebTriggerUrl`, `api.permissions.*`); the sandbox records
 * them so tests and the shell can see what the app asked of the platform.
 */
export interface MetricRecord {
  kind: 'counter' | 'timing' | 'gauge';
  name: string;
  tags: Record<string, string>;
  value: number;
}

export interface RecordingMetrics {
  records: MetricRecord[];
  timing(
    name: string,
    tags?: Record<string, string>,
  ): { measure(): { stop(tags?: Record<string, string>): void } };
  counter(
    name: string,
    tags?: Record<string, string>,
  ): { incr(): void; incrBy(n: number): void; decr(): void; decrBy(n: number): void };
  gauge(name: string, tags?: Record<string, string>): { set(value: number): void };
}

/** Keeps the latest `limit` records so a long sandbox session does not grow without bound. */
export function recordingMetrics(limit = 10_000): RecordingMetrics {
  const records: MetricRecord[] = [];
  const push = (record: MetricRecord): void => {
    records.push(record);
    if (records.length > limit) records.splice(0, records.length - limit);
  };
  return {
    records,
    timing: (name, tags = {}) => ({
      measure: () => {
        const started = performance.now();
        return {
          stop: (stopTags = {}) =>
            push({
              kind: 'timing',
              name,
              tags: { ...tags, ...stopTags },
              value: performance.now() - started,
            }),
        };
      },
    }),
    counter: (name, tags = {}) => ({
      incr: () => push({ kind: 'counter', name, tags, value: 1 }),
      incrBy: (n) => push({ kind: 'counter', name, tags, value: n }),
      decr: () => push({ kind: 'counter', name, tags, value: -1 }),
      decrBy: (n) => push({ kind: 'counter', name, tags, value: -n }),
    }),
    gauge: (name, tags = {}) => ({
      set: (value) => push({ kind: 'gauge', name, tags, value }),
    }),
  };
}
