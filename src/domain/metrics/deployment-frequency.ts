import { deploymentFrequencyBand, type DoraBand } from './dora-bands';
import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { DeploymentRecord } from './records';
import { median } from './statistics';
import { DAY_MS, toMs, utcDayNumber, WEEK_MS } from './time';

/** A "month" of the medium/low test: 30 days, so every month of every period is the same length. */
const MONTH_MS = 30 * DAY_MS;

/**
 * Deployment frequency (DORA; Apache DevLake's definition, docs/Metrics/DeploymentFrequency.md in
 * apache/incubator-devlake-website): the median (statistics.ts) number of deployment days per
 * week — days (UTC) with at least one deployment that reached production (`success` or
 * `rolled_back`; a `failed` one never did) — over the complete weeks of [from, to). Weeks with no
 * deployment count as 0.
 *
 * Weeks are the 7-day spans counted from `from` (for a sprint, from its start), where DevLake's
 * SQL takes calendar weeks from Monday: a two-week sprint then has two weeks whatever weekday it
 * starts on, and a figure does not change with the weekday a period happens to start (the partial
 * calendar weeks at both ends would otherwise come and go). The partial span at the end is left
 * out so it cannot pull the median down. Likewise the monthly median, which decides medium vs low,
 * is over complete 30-day spans from `from`; it is null when the period holds none, and then a
 * team below 1 day per week gets no band rather than a guess.
 * Sample = complete weeks; at least `minimumWeeks` (default 4) are needed.
 */
export function deploymentFrequency(
  deployments: readonly DeploymentRecord[],
  period: { readonly from: string; readonly to: string },
  { minimumWeeks = 4 }: { readonly minimumWeeks?: number } = {},
): MetricResult<
  number,
  {
    readonly medianDaysPerMonth: number | null;
    /** Deployments that reached production in the period. */
    readonly deployments: number;
    readonly deploymentDays: number;
    readonly band: DoraBand | null;
  }
> {
  const fromMs = toMs(period.from);
  const toMsValue = toMs(period.to);
  if (fromMs === undefined || toMsValue === undefined || toMsValue <= fromMs) {
    return notEnoughData('days-per-week', 0, minimumWeeks, 'the period is not a valid time range');
  }
  const weeks = Math.floor((toMsValue - fromMs) / WEEK_MS);
  if (weeks < minimumWeeks) {
    return notEnoughData(
      'days-per-week',
      weeks,
      minimumWeeks,
      needs(minimumWeeks, weeks, 'complete week'),
    );
  }

  const times: number[] = [];
  for (const deployment of deployments) {
    const at = toMs(deployment.deployedAt);
    if (deployment.status === 'failed') continue;
    if (at === undefined || at < fromMs || at >= toMsValue) continue;
    times.push(at);
  }
  const months = Math.floor((toMsValue - fromMs) / MONTH_MS);
  const weekly = median(deploymentDaysPer(times, fromMs, WEEK_MS, weeks))!;
  const monthly = median(deploymentDaysPer(times, fromMs, MONTH_MS, months)) ?? null;
  return {
    status: 'ok',
    value: weekly,
    unit: 'days-per-week',
    sampleSize: weeks,
    medianDaysPerMonth: monthly,
    deployments: times.length,
    deploymentDays: new Set(times.map(utcDayNumber)).size,
    band: deploymentFrequencyBand(weekly, monthly),
  };
}

/** For each of `count` spans of `length` from `start`: how many UTC days had a deployment in it. */
function deploymentDaysPer(
  times: readonly number[],
  start: number,
  length: number,
  count: number,
): number[] {
  const days = Array.from({ length: count }, () => new Set<number>());
  for (const at of times) {
    const span = Math.floor((at - start) / length);
    if (span < count) days[span]!.add(utcDayNumber(at));
  }
  return days.map((set) => set.size);
}
