/**
 * Time convention for all metrics: instants come in as ISO-8601 strings with an explicit offset
 * ("2026-03-02T10:00:00Z"); durations go out in hours (or days where the unit says so). Deployment
 * days are UTC calendar days; weeks and months are spans counted from a period's start
 * (deployment-frequency.ts says why).
 * An unparseable or missing timestamp is treated as a missing field, never as zero.
 */
import { parseIsoInstant } from './iso-parse';

const EXPLICIT_ZONE = /T.*(Z|[+-]\d{2}:?\d{2})$/;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** Epoch milliseconds, or undefined when the value is missing or not a valid timestamp. */
export function toMs(iso: string | null | undefined): number | undefined {
  if (iso === null || iso === undefined || iso === '') return undefined;
  const fast = parseIsoInstant(iso);
  if (fast !== undefined) return fast;
  // Other ISO shapes (no seconds, say) go to Date.parse, but only with an explicit zone: a
  // zone-less time would be read in the server's local time and make results depend on it.
  if (!EXPLICIT_ZONE.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

export const hoursBetween = (startMs: number, endMs: number): number => (endMs - startMs) / HOUR_MS;

/** Days since the epoch of the UTC calendar day containing `ms`. */
export const utcDayNumber = (ms: number): number => Math.floor(ms / DAY_MS);
