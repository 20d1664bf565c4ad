/**
 * Plausible time for pushed data (issue #19, item 5): an SLI minute, a deployment or an incident is
 * refused when a time lies more than LIMITS.futureSkewMinutes in the future or more than
 * LIMITS.historyDays in the past, or when it ends before it starts. A minute in 9999 would make the
 * SLI push's GET report data up to 9999 (a resuming connector would send nothing more), and a
 * deployment from 1970 or one finished before it started would reach the DORA figures.
 *
 * Pure: `now` comes from the caller's clock port.
 */
import { LIMITS, figure } from './limits';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface TimeProblem {
  /** The request field, e.g. `points[3].start` or `finishedAt`. */
  readonly field: string;
  readonly message: string;
}

/** The latest instant a pushed time may be: now plus the allowed clock skew. */
export function latestPlausible(now: Date): number {
  return now.getTime() + LIMITS.futureSkewMinutes.limit * MINUTE_MS;
}

/** The earliest instant a pushed time may be: the history any figure reads. */
export function earliestPlausible(now: Date): number {
  return now.getTime() - LIMITS.historyDays.limit * DAY_MS;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The first problem among `times` (in order), then among `order` (each pair: the earlier field must
 * not be after the later one). Absent (undefined) times are skipped.
 */
export function timeProblem(
  times: readonly { readonly field: string; readonly at: string | undefined }[],
  order: readonly (readonly [earlier: string, later: string])[],
  now: Date,
): TimeProblem | null {
  const latest = latestPlausible(now);
  const earliest = earliestPlausible(now);
  const parsed = new Map<string, number>();
  for (const { field, at } of times) {
    if (at === undefined) continue;
    const ms = Date.parse(at);
    if (Number.isNaN(ms)) return { field, message: `${field}: must be an ISO 8601 instant` };
    if (ms > latest) {
      return {
        field,
        message: `${field}: ${at} is more than ${figure('futureSkewMinutes')} in the future (now ${iso(now.getTime())}); send times as they happened`,
      };
    }
    if (ms < earliest) {
      return {
        field,
        message: `${field}: ${at} is older than ${figure('historyDays')} (the earliest accepted is ${iso(earliest)}); no figure reads data that old`,
      };
    }
    parsed.set(field, ms);
  }
  for (const [earlier, later] of order) {
    const a = parsed.get(earlier);
    const b = parsed.get(later);
    if (a !== undefined && b !== undefined && b < a) {
      return {
        field: later,
        message: `${later}: ${iso(b)} is before ${earlier} (${iso(a)}); it cannot end before it started`,
      };
    }
  }
  return null;
}
