/**
 * Where SLO data lives in the key-value store. Prefixes end in `:` so that listing one SLO's keys
 * never picks up another SLO whose name merely starts the same (`checkout` vs `checkout-latency`).
 */
export const sliRawPrefix = (slo: string): string => `sli-raw:${slo}:`;
/** One pushed batch's intervals of one SLO that start on one UTC day (append-only). */
export const sliRawKey = (slo: string, day: string, batchId: string): string =>
  `${sliRawPrefix(slo)}${day}:${batchId}`;
/** The compacted intervals of one SLO that start on one UTC day. */
export const sliDayKey = (slo: string, day: string): string => `sli-day:${slo}:${day}`;
/**
 * The sums of one SLO's compacted day (sli-day-sums.ts), written with the day: a roll-up reads
 * these for the days no window edge falls in, instead of their minutes.
 */
export const sliDaySumsKey = (slo: string, day: string): string => `sli-daysum:${slo}:${day}`;
/** Marks a batch id as received, so a repeat answers `duplicate: true`. */
export const sliBatchKey = (batchId: string): string => `sli-batch:${batchId}`;
/** The rolled-up status and policy memory of one SLO. */
export const sloStatusKey = (slo: string): string => `slo-status:${slo}`;
/** Held while one SLO is being compacted, so two jobs never merge the same day at once. */
export const sloCompactionLockKey = (slo: string): string => `slo-compacting:${slo}`;

const DAY_MS = 86_400_000;

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function dayOf(at: number): string {
  return new Date(at - (((at % DAY_MS) + DAY_MS) % DAY_MS)).toISOString().slice(0, 10);
}

/** Every UTC day from the one holding `from` to the one holding `to`, inclusive. */
export function daysBetween(from: number, to: number): string[] {
  const days: string[] = [];
  for (let t = from - (((from % DAY_MS) + DAY_MS) % DAY_MS); t <= to; t += DAY_MS) {
    days.push(dayOf(t));
  }
  return days;
}
