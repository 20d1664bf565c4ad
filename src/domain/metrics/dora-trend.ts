import { changeFailureRate } from './change-failure-rate';
import { deploymentFrequency } from './deployment-frequency';
import { attributeIncidents } from './incident-attribution';
import { leadTimeForChanges } from './lead-time';
import { notEnoughData } from './metric-result';
import type { ChangeRecord, DeploymentRecord, IncidentRecord } from './records';
import { timeToRestore } from './time-to-restore';
import { meanTimeBetweenReleases } from './time-between-releases';
import { DAY_MS, toMs } from './time';

/** A stretch of time the trend is cut into: a sprint, or 4 weeks without a board. */
export interface TrendWindow {
  readonly id: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** 4 weeks: the window of the trend when the project has no Scrum board (no sprints to cut by). */
export const TREND_WINDOW_DAYS = 28;

/**
 * Windows of TREND_WINDOW_DAYS ending at `to`, newest last, covering [from, to); the oldest is
 * cut at `from` so no window reaches before the period.
 */
export function fourWeekWindows(period: { from: string; to: string }): TrendWindow[] {
  const from = toMs(period.from);
  const to = toMs(period.to);
  if (from === undefined || to === undefined || to <= from) return [];
  const windows: TrendWindow[] = [];
  for (let end = to; end > from; end -= TREND_WINDOW_DAYS * DAY_MS) {
    const start = Math.max(from, end - TREND_WINDOW_DAYS * DAY_MS);
    const label = `${new Date(start).toISOString().slice(0, 10)} – ${new Date(end - 1).toISOString().slice(0, 10)}`;
    windows.unshift({
      id: `w${start}`,
      label,
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
    });
  }
  return windows;
}

const inWindow = (iso: string, from: number, to: number): boolean => {
  const at = toMs(iso);
  return at !== undefined && at >= from && at < to;
};

/**
 * The DORA keys and incident figures per window, each computed by the same function as the
 * headline figure, over what happened in the window:
 * - deployments and releases finished in it; deployment frequency over its complete ISO weeks
 *   (at least 1);
 * - change failure rate of its deployments, incidents attributed over ALL deployments given (an
 *   incident in the next window still counts against the deployment that caused it);
 * - lead time of the changes whose first successful deployment falls in it;
 * - time to restore of the incidents that started in it.
 */
export function doraTrend(
  windows: readonly TrendWindow[],
  records: {
    readonly deployments: readonly DeploymentRecord[];
    readonly changes: readonly ChangeRecord[];
    readonly incidents: readonly IncidentRecord[];
  },
) {
  const attribution = attributeIncidents(records.deployments, records.incidents);
  const firstDeployed = new Map<string, number>();
  for (const d of records.deployments) {
    const at = toMs(d.deployedAt);
    if (at === undefined || d.status !== 'success') continue;
    for (const key of d.issueKeys) {
      const seen = firstDeployed.get(key);
      if (seen === undefined || at < seen) firstDeployed.set(key, at);
    }
  }
  return windows.map((window) => {
    const from = toMs(window.from) ?? 0;
    const to = toMs(window.to) ?? 0;
    const deployments = records.deployments.filter((d) => inWindow(d.deployedAt, from, to));
    const incidents = records.incidents.filter((i) => inWindow(i.startedAt, from, to));
    const shipped = records.changes.filter((c) => {
      const at = firstDeployed.get(c.issueKey);
      return at !== undefined && at >= from && at < to;
    });
    return {
      id: window.id,
      label: window.label,
      from: window.from,
      to: window.to,
      deployments: deployments.length,
      deploymentFrequency: deploymentFrequency(deployments, window, { minimumWeeks: 1 }),
      changeFailureRate: changeFailureRate(deployments, records.incidents, { attribution }),
      leadTimeForChanges:
        firstDeployed.size === 0
          ? notEnoughData('hours', 0, 3, 'no deployment lists the Jira issues it shipped')
          : leadTimeForChanges(shipped, records.deployments),
      timeToRestore: timeToRestore(incidents),
      incidents: incidents.length,
      meanTimeBetweenReleases: meanTimeBetweenReleases(deployments),
    };
  });
}

export type DoraTrendRow = ReturnType<typeof doraTrend>[number];
