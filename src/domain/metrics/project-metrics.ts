import { carryOver } from './carry-over';
import { changeFailureRate } from './change-failure-rate';
import { deploymentFrequency } from './deployment-frequency';
import { doraTrend, fourWeekWindows, type TrendWindow } from './dora-trend';
import { interrupts } from './interrupts';
import { investmentBalance } from './investment-balance';
import { leadTimeForChanges } from './lead-time';
import { mttd } from './mttd';
import { mttr } from './mttr';
import { postmortemActions } from './postmortem-actions';
import { predictability } from './predictability';
import type {
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
  PostmortemActionRecord,
  SprintItemRecord,
  SprintRecord,
} from './records';
import { repeatIncidents } from './repeat-incidents';
import { scopeChange } from './scope-change';
import { groupItemsBySprint } from './sprint-items';
import { timeToRestore } from './time-to-restore';
import { meanTimeBetweenReleases } from './time-between-releases';
import { debtRatio, toilShare } from './toil-and-debt';
import { velocity } from './velocity';

export interface ProjectMetricsInput {
  readonly sprints: readonly SprintRecord[];
  readonly items: readonly SprintItemRecord[];
  readonly deployments: readonly DeploymentRecord[];
  readonly changes: readonly ChangeRecord[];
  readonly incidents: readonly IncidentRecord[];
  readonly postmortemActions: readonly PostmortemActionRecord[];
  /** Days after which an open action without a due date is overdue (the postmortem convention). */
  readonly actionSlaDays: number;
  /** The period DORA deployment frequency is read over. */
  readonly period: { readonly from: string; readonly to: string };
  /** Where the DORA trend is cut: the sprints, or by default 4-week windows of the period. */
  readonly trendWindows?: readonly TrendWindow[];
  readonly now: string;
}

/**
 * Every metric of the project page (PRODUCT.md §5) in one call, for the job that refreshes the
 * dashboard: items are grouped by sprint once, so the cost grows with the data, not with
 * sprints × items. The caller chooses the window by what it passes in.
 */
export function projectMetrics(input: ProjectMetricsInput) {
  const bySprint = groupItemsBySprint(input.items);
  const sprints = input.sprints.map((sprint) => {
    const own = bySprint.get(sprint.id) ?? [];
    return {
      sprintId: sprint.id,
      name: sprint.name,
      predictability: predictability(sprint, own),
      carryOver: carryOver(sprint, own),
      scopeChange: scopeChange(sprint, own),
      interrupts: interrupts(sprint, own),
      investmentBalance: investmentBalance(sprint, own),
    };
  });
  return {
    sprints,
    velocity: velocity(input.sprints, input.items),
    toilShare: toilShare(input.items),
    debtRatio: debtRatio(input.items),
    dora: {
      deploymentFrequency: deploymentFrequency(input.deployments, input.period),
      leadTimeForChanges: leadTimeForChanges(input.changes, input.deployments),
      changeFailureRate: changeFailureRate(input.deployments, input.incidents),
      timeToRestore: timeToRestore(input.incidents),
      meanTimeBetweenReleases: meanTimeBetweenReleases(input.deployments),
      trend: doraTrend(input.trendWindows ?? fourWeekWindows(input.period), input),
    },
    incidents: {
      mttr: mttr(input.incidents),
      mttd: mttd(input.incidents),
      repeatIncidents: repeatIncidents(input.incidents),
      postmortemActions: postmortemActions(input.postmortemActions, {
        now: input.now,
        slaDays: input.actionSlaDays,
      }),
    },
  };
}

export type ProjectMetrics = ReturnType<typeof projectMetrics>;
