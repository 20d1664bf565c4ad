import { deploymentFrequencyBand, type DoraBand } from './dora-bands';
import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { DeploymentRecord } from './records';
import { median } from './statistics';
import {
  DAY_MS,
  toMs,
  utcDayNumber,
  utcMonthNumber,
  utcMonthStart,
  utcWeekStart,
  WEEK_MS,
} from './time';

/**
 * Deployment frequency (DORA; Apache DevLake's definition, docs/Metrics/DeploymentFrequency.md in
 * apache/incubator-devlake-website): the median (statistics.ts) number of deployment days per
 * week — days (UTC) with at least one deployment that reached production (`success` or
 * `rolled_back`; a `failed` one never did) — over the complete ISO weeks (Monday–Sunday, UTC)
 * inside [from, to). Weeks with no deployment count as 0; partial
 * weeks at the edges are left out so they cannot pull the median down. The median per calendar
 * month (complete months only) decides medium vs low; it is null when the period holds no complete
 * month, and then a team below 1 day per week gets no band rather than a guess.
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
  let firstWeek = utcWeekStart(fromMs);
  if (firstWeek < fromMs) firstWeek += WEEK_MS;
  const weekStarts: number[] = [];
  for (let week = firstWeek; week + WEEK_MS <= toMsValue; week += WEEK_MS) weekStarts.push(week);
  if (weekStarts.length < minimumWeeks) {
    return notEnoughData(
      'days-per-week',
      weekStarts.length,
      minimumWeeks,
      needs(minimumWeeks, weekStarts.length, 'complete week'),
    );
  }

  const days = new Set<number>();
  let count = 0;
  for (const deployment of deployments) {
    const at = toMs(deployment.deployedAt);
    if (deployment.status === 'failed') continue;
    if (at === undefined || at < fromMs || at >= toMsValue) continue;
    count += 1;
    days.add(utcDayNumber(at));
  }

  const perWeek = weekStarts.map((start) => {
    const firstDay = start / DAY_MS;
    let deployed = 0;
    for (let day = firstDay; day < firstDay + 7; day += 1) if (days.has(day)) deployed += 1;
    return deployed;
  });

  let firstMonth = utcMonthNumber(fromMs);
  if (utcMonthStart(firstMonth) < fromMs) firstMonth += 1;
  const perMonth = new Map<number, number>();
  for (let month = firstMonth; utcMonthStart(month + 1) <= toMsValue; month += 1)
    perMonth.set(month, 0);
  for (const day of days) {
    const month = utcMonthNumber(day * DAY_MS);
    const seen = perMonth.get(month);
    if (seen !== undefined) perMonth.set(month, seen + 1);
  }

  const weekly = median(perWeek)!;
  const monthly = median([...perMonth.values()]) ?? null;
  return {
    status: 'ok',
    value: weekly,
    unit: 'days-per-week',
    sampleSize: perWeek.length,
    medianDaysPerMonth: monthly,
    deployments: count,
    deploymentDays: days.size,
    band: deploymentFrequencyBand(weekly, monthly),
  };
}
