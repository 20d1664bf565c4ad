/**
 * The project page's snapshot from the metric records: every figure computed by the pure domain
 * functions (src/domain/metrics), turned into the contract's plain values. Nothing here reads Jira
 * or the clock.
 */
import { recommendBuffer } from '../../domain/capacity';
import { basisUnit, inBasisUnit, shareOf } from '../../domain/capacity/amounts';
import { WORK_TYPES } from '../../domain/work/work-type';
import {
  addedAfterStart,
  committedWork,
  completedWork,
  plannedWork,
} from '../../domain/metrics/sprint-figures';
import {
  BALANCE_TYPES,
  debtRatio,
  groupItemsBySprint,
  projectMetrics,
  toilShare,
  type Breakdown,
  type IncidentRecord,
  type MetricResult,
  type ProjectMetricsInput,
} from '../../domain/metrics';
import type { CapacityPolicy } from '../../domain/capacity';
import type {
  DoraBand,
  DoraFigure,
  Figure,
  FreezeReleaseView,
  MetricsSnapshot,
  SprintRow,
  TypeSplit,
} from '../../contract/project-page';
import { describePostmortem, type PostmortemConvention } from '../../domain/postmortem';
import { restoreHours } from '../../domain/metrics/incident-durations';
import type { IncidentHistory } from './incident-history';
import { figure } from './figure';
import { scopeChangeView } from './scope-change-view';
import type { PostmortemHistory } from './postmortem-history';

export { figure } from './figure';

function dora(
  result: MetricResult<number, { band: DoraBand | null; note?: string | null }>,
  missing?: string,
): DoraFigure {
  if (missing !== undefined)
    return { ...figure(result), value: null, reason: missing, band: null, note: null };
  return result.status === 'ok'
    ? { ...figure(result), band: result.band, note: result.note ?? null }
    : { ...figure(result), band: null, note: null };
}

const splits = (breakdown: Breakdown): TypeSplit[] =>
  BALANCE_TYPES.map((type) => ({ type, ...breakdown.byType[type] }));

export const NO_DEPLOYMENTS =
  'No deployment data yet — connect your CI/CD to Ballast’s deployment push API (see Project settings → Ballast).';

export interface SnapshotRecords extends Omit<
  ProjectMetricsInput,
  'postmortemActions' | 'incidents' | 'actionSlaDays'
> {
  /** From the incident JQL, or why it could not be read. */
  readonly incidents: IncidentHistory | { readonly reason: string };
  /** The postmortems and their actions under the project's convention, or why they could not be read. */
  readonly postmortems: PostmortemHistory | { readonly reason: string };
  /** Incidents pushed for the project's services (the incident push API). */
  readonly pushedIncidents: readonly IncidentRecord[];
  /** What `trendWindows` are: the sprints, or 4-week windows without them (the default). */
  readonly trendBy?: 'sprint' | '4-weeks';
  /** The period's deployments recorded while the gate was FROZEN, newest first (issue #22). */
  readonly freezeReleases?: readonly FreezeReleaseView[];
}

export function buildSnapshot(input: {
  projectKey: string;
  boardId: number | null;
  sprintsReason: string | null;
  records: SnapshotRecords;
  policy: CapacityPolicy;
  incidentJql: string;
  postmortem: PostmortemConvention;
  computedAt: string;
  computeMs: number;
  notes: readonly string[];
}): MetricsSnapshot {
  const { records } = input;
  const incidentHistory = 'reason' in records.incidents ? null : records.incidents;
  const postmortemHistory = 'reason' in records.postmortems ? null : records.postmortems;
  const metrics = projectMetrics({
    ...records,
    incidents: [...(incidentHistory?.incidents ?? []), ...records.pushedIncidents],
    postmortemActions: postmortemHistory?.actions ?? [],
    actionSlaDays: input.postmortem.actionSlaDays,
  });
  const basis = input.policy.basis;
  const unit = basisUnit(basis);
  // Amounts leave the domain in the basis (seconds for original estimates) and are shown in its unit.
  const shown = (amount: number): number => inBasisUnit(amount, basis);
  const shownOrNull = (amount: number | null): number | null =>
    amount === null ? null : shown(amount);
  const inUnit = (f: Figure): Figure =>
    f.unit === 'points' ? { ...f, unit, value: shownOrNull(f.value) } : f;
  const splitsIn = (breakdown: Breakdown): TypeSplit[] =>
    splits(breakdown).map((split) => ({ ...split, points: shown(split.points) }));
  const bySprint = groupItemsBySprint(records.items);
  const sprints: SprintRow[] = records.sprints.flatMap((sprint, index) => {
    if (sprint.state === 'future') return [];
    const m = metrics.sprints[index]!;
    const own = bySprint.get(sprint.id) ?? [];
    const pred = m.predictability;
    const balance = m.investmentBalance;
    const intr = m.interrupts;
    const carry = m.carryOver;
    const scope = m.scopeChange;
    return [
      {
        sprintId: sprint.id,
        name: sprint.name,
        state: sprint.state,
        startedAt: sprint.startedAt,
        completedAt: sprint.completedAt,
        unit,
        capacity: shownOrNull(sprint.capacity),
        committed: shown(committedWork(own).points),
        planned: shown(plannedWork(own).points),
        completed: shown(completedWork(own).points),
        predictability: {
          ...figure(pred),
          meetsBaseline: pred.status === 'ok' ? pred.meetsBaseline : null,
          committedCompleted: pred.status === 'ok' ? shown(pred.committedCompleted) : null,
          addedCompleted: pred.status === 'ok' ? shown(pred.addedCompleted) : null,
        },
        scopeChange: scopeChangeView(scope, basis),
        balance:
          balance.status === 'ok'
            ? {
                planned: splitsIn(balance.value.planned),
                completed: splitsIn(balance.value.completed),
                reason: null,
                ...(sprint.capacity !== null && sprint.capacity > 0
                  ? {
                      percentOfCapacity: WORK_TYPES.map((type) => ({
                        type,
                        percent: shareOf(
                          balance.value.planned.byType[type]?.points ?? 0,
                          sprint.capacity!,
                        ),
                      })),
                    }
                  : {}),
              }
            : { planned: [], completed: [], reason: balance.reason },
        interrupts: {
          ...inUnit(figure(intr)),
          count: intr.status === 'ok' ? intr.count : 0,
          bufferPoints: intr.status === 'ok' ? shownOrNull(intr.bufferPoints) : null,
          bufferUsed: intr.status === 'ok' ? intr.bufferUsed : null,
          overBuffer: intr.status === 'ok' ? intr.overBuffer : null,
        },
        carryOver: {
          ...figure(carry),
          points: carry.status === 'ok' ? shown(carry.points) : null,
        },
        toilShare: figure(toilShare(own)),
        debtRatio: figure(debtRatio(own)),
      },
    ];
  });

  // Buffer sizing from the same figures: committed and added after start of each closed sprint.
  const closedRows = records.sprints.filter((s) => s.state === 'closed');
  const buffer = recommendBuffer(
    closedRows.map((sprint) => {
      const own = bySprint.get(sprint.id) ?? [];
      return {
        sprintId: sprint.id,
        closedAt: sprint.completedAt ?? '',
        committed: committedWork(own).points,
        unplanned: addedAfterStart(own).points,
      };
    }),
    { currentBuffer: input.policy.buffer },
  );

  const velocity = metrics.velocity;
  const toil = metrics.toilShare;
  const debt = metrics.debtRatio;
  const { mttr, mttd, repeatIncidents, postmortemActions } = metrics.incidents;
  const incidentsReason = 'reason' in records.incidents ? records.incidents.reason : null;
  return {
    schemaVersion: 2,
    projectKey: input.projectKey,
    computedAt: input.computedAt,
    computeMs: input.computeMs,
    board: input.boardId === null ? null : { boardId: input.boardId },
    sprintsReason: input.sprintsReason,
    sprints,
    unit,
    velocity: {
      ...inUnit(figure(velocity)),
      sprints:
        velocity.status === 'ok'
          ? velocity.sprints.map((s) => ({ ...s, completedPoints: shown(s.completedPoints) }))
          : [],
    },
    predictabilityBaseline: 0.8,
    buffer: {
      policyPercent: input.policy.buffer,
      recommendedPercent: buffer.kind === 'recommendation' ? buffer.bufferShare : null,
      change: buffer.kind === 'recommendation' ? buffer.change : null,
      explanation: buffer.explanation,
    },
    toilDebt: {
      toilShare: { ...figure(toil), cap: 0.5, overCap: toil.status === 'ok' ? toil.overCap : null },
      debtRatio: {
        ...figure(debt),
        guideline: { min: 0.1, max: 0.2 },
        position: debt.status === 'ok' ? debt.position : null,
      },
    },
    delivery: deliverySection(metrics.dora, records, incidentsReason),
    incidents: incidentSection(
      {
        jql: input.incidentJql,
        history: incidentHistory,
        pushed: records.pushedIncidents,
        reason: incidentsReason,
        postmortems: records.postmortems,
        convention: input.postmortem,
      },
      { mttr, mttd, repeatIncidents, postmortemActions },
    ),
    notes: input.notes,
  };
}

function deliverySection(
  m: ReturnType<typeof projectMetrics>['dora'],
  records: SnapshotRecords,
  incidentsReason: string | null,
): MetricsSnapshot['delivery'] {
  const hasDeploymentData = records.deployments.length > 0;
  const noDeployments = hasDeploymentData ? undefined : NO_DEPLOYMENTS;
  const incidents = incidentsReason ?? undefined;
  const count = (status: string) => records.deployments.filter((d) => d.status === status).length;
  return {
    hasDeploymentData,
    deploymentFrequency: dora(m.deploymentFrequency, noDeployments),
    leadTime: dora(m.leadTimeForChanges),
    changeFailureRate: dora(m.changeFailureRate, noDeployments),
    timeToRestore: dora(m.timeToRestore, incidents),
    meanTimeBetweenReleases: withMissing(figure(m.meanTimeBetweenReleases), noDeployments),
    deployments: {
      total: records.deployments.length,
      failed: count('failed'),
      rolledBack: count('rolled_back'),
      causedIncidents:
        m.changeFailureRate.status === 'ok' ? m.changeFailureRate.causedIncidents : null,
      unattributedIncidents:
        m.changeFailureRate.status === 'ok' ? m.changeFailureRate.unattributedIncidents : null,
    },
    period: records.period,
    trendBy: records.trendBy ?? '4-weeks',
    freezeReleases: records.freezeReleases ?? [],
    trend: m.trend.map((row) => ({
      id: row.id,
      label: row.label,
      from: row.from,
      to: row.to,
      deployments: row.deployments,
      deploymentFrequency: dora(row.deploymentFrequency, noDeployments),
      // Lead time never falls back to Jira's created → resolved inside the trend (dora-trend.ts).
      leadTime: dora(row.leadTimeForChanges, noDeployments),
      changeFailureRate: dora(row.changeFailureRate, noDeployments),
      timeToRestore: dora(row.timeToRestore, incidents),
      incidents: row.incidents,
      meanTimeBetweenReleases: withMissing(figure(row.meanTimeBetweenReleases), noDeployments),
    })),
  };
}

const withMissing = (f: Figure, missing: string | undefined): Figure =>
  missing === undefined ? f : { ...f, value: null, reason: missing };

function incidentSection(
  input: {
    jql: string;
    history: IncidentHistory | null;
    pushed: readonly IncidentRecord[];
    reason: string | null;
    postmortems: SnapshotRecords['postmortems'];
    convention: PostmortemConvention;
  },
  m: ReturnType<typeof projectMetrics>['incidents'],
): MetricsSnapshot['incidents'] {
  const { history, reason } = input;
  const withReason = (f: Figure): Figure => (reason === null ? f : { ...f, value: null, reason });
  const issues = history?.issues ?? [];
  const pm = m.postmortemActions;
  const pmReason = 'reason' in input.postmortems ? input.postmortems.reason : null;
  const pmHistory = 'reason' in input.postmortems ? null : input.postmortems;
  const hours = (incident: IncidentRecord): number | null => {
    const h = restoreHours(incident);
    return h === null ? null : Math.round(h * 100) / 100;
  };
  const summaries = new Map(issues.map((issue) => [issue.key, issue.fields.summary ?? '']));
  const recent = [
    ...(history?.incidents ?? []).map((incident) => ({
      incident,
      source: 'jira' as const,
      summary: summaries.get(incident.key) ?? '',
    })),
    ...input.pushed.map((incident) => ({
      incident,
      source: 'pushed' as const,
      summary: incident.title ?? incident.service ?? '',
    })),
  ]
    .sort((a, b) => Date.parse(b.incident.startedAt) - Date.parse(a.incident.startedAt))
    .slice(0, 10);
  return {
    jql: input.jql,
    reason,
    count: issues.length + input.pushed.length,
    open:
      issues.filter((issue) => !issue.fields.resolutiondate).length +
      input.pushed.filter((incident) => incident.resolvedAt === null).length,
    mttr: withReason(figure(m.mttr)),
    mttd: withReason(figure(m.mttd)),
    repeats: {
      ...withReason(figure(m.repeatIncidents)),
      share: m.repeatIncidents.status === 'ok' ? m.repeatIncidents.share : null,
    },
    postmortemActions: {
      ...(pmReason === null ? figure(pm) : { ...figure(pm), value: null, reason: pmReason }),
      total: pm.status === 'ok' ? pm.created : 0,
      closed: pm.status === 'ok' ? pm.closed : 0,
      overdue: pm.status === 'ok' ? pm.overdue : 0,
      slaDays: input.convention.actionSlaDays,
      medianOpenAgeDays: pm.status === 'ok' ? pm.medianOpenAgeDays : null,
      oldestOpenAgeDays: pm.status === 'ok' ? pm.oldestOpenAgeDays : null,
      openActions: pm.status === 'ok' ? pm.openActions.slice(0, 20) : [],
    },
    postmortems: {
      convention: {
        postmortem: describePostmortem(input.convention),
        actionLinkType: input.convention.actionLinkType,
      },
      reason: pmReason,
      count: pmHistory?.postmortems.length ?? 0,
      recent: (pmHistory?.postmortems ?? []).slice(0, 10).map((p) => ({
        key: p.key,
        summary: p.summary,
        createdAt: p.createdAt,
        resolvedAt: p.resolvedAt,
        actions: p.actionKeys.length,
      })),
    },
    recent: recent.map(({ incident, source, summary }) => ({
      key: incident.key,
      source,
      summary,
      startedAt: incident.startedAt,
      resolvedAt: incident.resolvedAt,
      hoursToRestore: hours(incident),
    })),
  };
}
