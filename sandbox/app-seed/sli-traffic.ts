/**
 * Deterministic demo SLI data: one-minute good/total counts for the three demo SLOs over the last
 * 35 days, with a daily traffic curve, a small steady error rate, and one checkout incident that
 * burns a large part of the availability budget (AT_RISK), or all of it in the `frozen` variant.
 *
 * Budget arithmetic (checkout-availability, 99.9% over 28 days, ~600 requests a minute on average):
 * ≈ 24 M requests allow ≈ 24 k failures. The steady 0.03% error rate spends ≈ 30% of that; the
 * demo incident (195 minutes at 10%, over the afternoon peak) ≈ 55% more, leaving ≈ 15% — below the
 * 25% AT_RISK threshold. The frozen incident (400 minutes at 15%) spends more than all of it.
 */
import { Rng } from '../jira/seed/prng';

export type AppSeedVariant = 'demo' | 'frozen';

export interface SliPointDraft {
  readonly slo: string;
  readonly start: number;
  readonly end: number;
  readonly good: number;
  readonly total: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
export const SEED_DAYS = 35;

export interface Incident {
  /** Days before the day the data ends. */
  readonly daysAgo: number;
  /** Hour of that day (UTC) it starts: fixed, so its cost does not depend on when you seed. */
  readonly startHourUtc: number;
  readonly minutes: number;
  /** Share of checkout requests failing meanwhile. */
  readonly errorRate: number;
}

export const INCIDENTS: Readonly<Record<AppSeedVariant, Incident>> = {
  demo: { daysAgo: 9, startHourUtc: 13, minutes: 195, errorRate: 0.1 },
  frozen: { daysAgo: 3, startHourUtc: 13, minutes: 400, errorRate: 0.15 },
};

/** When the variant's checkout incident starts and ends, for data ending at `end` (ms). */
export function incidentSpan(end: number, variant: AppSeedVariant): { start: number; end: number } {
  const incident = INCIDENTS[variant];
  const start =
    Math.floor(end / DAY) * DAY - incident.daysAgo * DAY + incident.startHourUtc * 3_600_000;
  return { start, end: start + incident.minutes * MINUTE };
}

/** Requests per minute: a daily curve peaking mid-afternoon UTC, ± 5% noise. */
function traffic(rng: Rng, at: number, average: number): number {
  const hour = (at % DAY) / 3_600_000;
  const curve = 1 + (2 / 3) * Math.sin((2 * Math.PI * (hour - 9)) / 24);
  return Math.max(1, Math.round(average * curve * (0.95 + 0.1 * rng.float())));
}

/** A count of events among `total` at `rate`, with noise (never above total). */
function failures(rng: Rng, total: number, rate: number): number {
  return Math.min(total, Math.round(total * rate * 2 * rng.float()));
}

/** Every minute of the last SEED_DAYS days before `end` (a whole minute), per SLO, oldest first. */
export function generateSli(end: number, variant: AppSeedVariant): SliPointDraft[] {
  const rng = new Rng(20_261_120);
  const minutes = SEED_DAYS * 1440;
  const incident = INCIDENTS[variant];
  const { start: incidentStart, end: incidentEnd } = incidentSpan(end, variant);
  const points: SliPointDraft[] = [];
  for (let m = 0; m < minutes; m += 1) {
    const start = end - (minutes - m) * MINUTE;
    const ago = minutes - m;
    const inIncident = start >= incidentStart && start < incidentEnd;
    const checkout = traffic(rng, start, 600);
    const failed = inIncident
      ? Math.round(checkout * incident.errorRate)
      : failures(rng, checkout, 0.0003);
    points.push({
      slo: 'checkout-availability',
      start,
      end: start + MINUTE,
      good: checkout - failed,
      total: checkout,
    });
    const slow = inIncident ? Math.round(checkout * 0.2) : failures(rng, checkout, 0.004);
    points.push({
      slo: 'checkout-latency',
      start,
      end: start + MINUTE,
      good: checkout - slow,
      total: checkout,
    });
    const search = traffic(rng, start, 300);
    // A 20-minute search blip four days ago: 5% failing, so those minutes miss the 99% slice target.
    const blip = ago <= 4 * 1440 && ago > 4 * 1440 - 20;
    const searchFailed = blip ? Math.round(search * 0.05) : failures(rng, search, 0.001);
    points.push({
      slo: 'search-availability',
      start,
      end: start + MINUTE,
      good: search - searchFailed,
      total: search,
    });
  }
  return points;
}
