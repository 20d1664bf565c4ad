/**
 * What the delivery figures cover. DORA figures are read over the last `days` days, but never
 * before the project's deployment feed began: weeks before CI/CD first pushed a deployment are
 * unknown, not weeks without deployments (PRODUCT.md §4: missing data is shown as missing), so
 * counting them as 0 would pull the median deployment frequency to 0. The feed is taken to begin
 * at the first deployment of the project found in twice the period; one older than the period
 * means it ran all along.
 */
import { fourWeekWindows, type TrendWindow } from '../../domain/metrics';
import type { DeploymentRecord, SprintRecord } from '../../domain/metrics';

const DAY_MS = 86_400_000;

export function deliveryPeriod(
  deployments: readonly DeploymentRecord[],
  { days, now }: { days: number; now: Date },
): { from: string; countedFrom: string | null } {
  const periodStart = now.getTime() - days * DAY_MS;
  const times = deployments.map((d) => Date.parse(d.deployedAt)).filter((t) => !Number.isNaN(t));
  const earliest = times.length === 0 ? undefined : Math.min(...times);
  if (earliest === undefined || earliest < periodStart) {
    return { from: new Date(periodStart).toISOString(), countedFrom: null };
  }
  // From the start of that UTC day, so a first deployment on a Monday keeps its whole week.
  const dayStart = new Date(Math.floor(earliest / DAY_MS) * DAY_MS).toISOString();
  return { from: dayStart, countedFrom: dayStart };
}

/**
 * The trend's windows (issue 17, item 6): one per started sprint, from its start to its end (the
 * active sprint to now), cut to the period; without sprints, 4-week windows of the period.
 */
export function trendWindows(
  sprints: readonly SprintRecord[],
  period: { from: string; to: string },
): { by: 'sprint' | '4-weeks'; windows: TrendWindow[] } {
  const from = Date.parse(period.from);
  const windows = sprints.flatMap((sprint) => {
    if (sprint.state === 'future' || sprint.startedAt === null) return [];
    const start = Math.max(Date.parse(sprint.startedAt), from);
    const end = Date.parse(sprint.completedAt ?? period.to);
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return [];
    return [
      {
        id: sprint.id,
        label: sprint.name,
        from: new Date(start).toISOString(),
        to: new Date(end).toISOString(),
      },
    ];
  });
  return windows.length > 0
    ? { by: 'sprint', windows }
    : { by: '4-weeks', windows: fourWeekWindows(period) };
}
