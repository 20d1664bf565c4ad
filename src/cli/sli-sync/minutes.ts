/**
 * Turns the samples of an SLO's two queries into per-minute good/total counts. A minute is pushed
 * only when both queries give a usable count for it; otherwise it is missing (PRODUCT.md §4:
 * missing data is missing, never good), and counted in `skipped` so the run can say so:
 *
 * - gap: a sample is absent (no data within Prometheus's lookback, or NaN/Inf); for a counter the
 *   minute needs samples at both its start and end, so the first minute after a gap is missing too.
 * - reset: a counter fell. The events of that minute are unknown — a restarted process or a series
 *   that left a `sum(...)` — so the minute is missing rather than guessed (Prometheus's `increase`
 *   would count the new value, which over a sum of many series can be a huge overcount).
 * - inconsistent: good > total, or negative counts.
 */
import { MAX_SLI_COUNT, MINUTE_MS } from '../../domain/slo';
import type { Sample } from './prometheus';
import type { SliQueries } from './promql';

export interface MinuteCount {
  readonly start: number;
  readonly good: number;
  readonly total: number;
}

/** A threshold SLI's data point of one minute, as Prometheus gave it. */
export interface MinuteValue {
  readonly start: number;
  readonly value: number;
}

export type MinutePoint = MinuteCount | MinuteValue;

export interface Skipped {
  gap: number;
  reset: number;
  inconsistent: number;
}

export const noneSkipped = (): Skipped => ({ gap: 0, reset: 0, inconsistent: 0 });

/** Relative float slack for good ≤ total when the counts are not integers (e.g. `increase`). */
const SLACK = 1e-9;

type Count = number | 'gap' | 'reset' | 'inconsistent';

function countAt(byTime: ReadonlyMap<number, number>, counter: boolean, minute: number): Count {
  const end = byTime.get(minute + MINUTE_MS);
  if (end === undefined) return 'gap';
  if (!counter) return end < 0 ? 'inconsistent' : end;
  const start = byTime.get(minute);
  if (start === undefined) return 'gap';
  return end < start ? 'reset' : end - start;
}

/** Per-minute counts of [from, to) (whole minutes) from the numerator and total samples. */
export function minuteCounts(
  queries: Pick<SliQueries, 'counts' | 'counter'>,
  numerator: readonly Sample[],
  total: readonly Sample[],
  from: number,
  to: number,
  skipped: Skipped,
): MinuteCount[] {
  const num = new Map(numerator);
  const tot = new Map(total);
  const out: MinuteCount[] = [];
  for (let minute = from; minute < to; minute += MINUTE_MS) {
    const n = countAt(num, queries.counter, minute);
    const t = countAt(tot, queries.counter, minute);
    if (typeof n !== 'number' || typeof t !== 'number') {
      const reasons = [n, t];
      const reason = reasons.includes('gap')
        ? 'gap'
        : reasons.includes('reset')
          ? 'reset'
          : 'inconsistent';
      skipped[reason] += 1;
      continue;
    }
    const rawGood = queries.counts === 'good' ? n : t - n;
    const slack = SLACK * Math.max(1, t);
    if (rawGood < -slack || rawGood > t + slack) {
      skipped.inconsistent += 1;
      continue;
    }
    // The push API takes whole event counts up to MAX_SLI_COUNT (src/contract/push-api.ts), so
    // Prometheus's fractional `increase` values are rounded; an absurd total is not sent at all.
    const wholeTotal = Math.round(t);
    if (wholeTotal > MAX_SLI_COUNT) {
      skipped.inconsistent += 1;
      continue;
    }
    const wholeGood = Math.min(wholeTotal, Math.max(0, Math.round(rawGood)));
    out.push({ start: minute, good: wholeGood, total: wholeTotal });
  }
  return out;
}

/**
 * A threshold SLI's per-minute values of [from, to): the minute [t − 1m, t) gets the sample at t
 * (as a `counter: false` query). A minute without a sample — no data, or NaN (histogram_quantile
 * over no observations), which queryRange drops — is a gap: missing, never good.
 */
export function minuteValues(
  samples: readonly Sample[],
  from: number,
  to: number,
  skipped: Skipped,
): MinuteValue[] {
  const byTime = new Map(samples);
  const out: MinuteValue[] = [];
  for (let minute = from; minute < to; minute += MINUTE_MS) {
    const value = byTime.get(minute + MINUTE_MS);
    if (value === undefined) skipped.gap += 1;
    else out.push({ start: minute, value });
  }
  return out;
}
