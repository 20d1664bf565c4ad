/**
 * Durations as milliseconds, written the way SLO people write them: `5m`, `1h`, `1d`, `28d`.
 * Instants are epoch milliseconds (UTC); the domain never reads the clock.
 */

/** Epoch milliseconds. */
export type Instant = number;
/** A length of time in milliseconds. */
export type DurationMs = number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const UNIT_MS = { m: MINUTE_MS, h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS } as const;

/** Parses `30s`-free durations: a positive whole number of minutes, hours, days or weeks. */
export function parseDuration(text: string): DurationMs | null {
  const match = /^([1-9]\d*)([mhdw])$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Writes a duration in the largest unit that divides it: 300000 → `5m`, 2419200000 → `28d`. */
export function formatDuration(ms: DurationMs): string {
  if (ms > 0 && ms % DAY_MS === 0) return `${ms / DAY_MS}d`;
  if (ms > 0 && ms % HOUR_MS === 0) return `${ms / HOUR_MS}h`;
  if (ms > 0 && ms % MINUTE_MS === 0) return `${ms / MINUTE_MS}m`;
  return `${ms / 1000}s`;
}

/** ISO-8601 in UTC with milliseconds, for JSON results. */
export function isoOf(at: Instant): string {
  return new Date(at).toISOString();
}
