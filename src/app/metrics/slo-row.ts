/**
 * One SLO's row on the project page's SLO subpage, from its stored status and the stored SLI days
 * of its window: the budget burn-down (a point a day), the SLI chart (≤ 120 buckets) and the
 * budget forecast at the end of the active sprint. The series is built once and serves both
 * charts (prefix sums: each bucket costs two binary searches).
 */
import type { SloRow } from '../../contract/project-page';
import type { ErrorBudgetPolicy } from '../../domain/gate';
import {
  budgetBurndown,
  budgetTrend,
  DAY_MS,
  forecastAtSprintEnd,
  formatDuration,
  isoOf,
  sliHistory,
  sliSeriesFor,
  SPRINT_FORECAST_WINDOW,
  thresholdObjectiveText,
  windowAt,
  type SloSpec,
} from '../../domain/slo';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { LinkedSloStatus } from '../slo/project-gate-status';
import { loadSliColumns } from '../slo/roll-up-slo';
import type { ActiveSprintEnd } from './active-sprint-end';

type Charts = Pick<SloRow, 'burndown' | 'sliHistory' | 'sprintForecast'>;

const NO_CHARTS = (reason: string, sprint: ActiveSprintEnd): Charts => ({
  burndown: [],
  sliHistory: { step: null, points: [] },
  sprintForecast: {
    sprint: 'name' in sprint ? sprint.name : null,
    endsAt: 'name' in sprint ? isoOf(sprint.endsAt) : null,
    burnRateWindow: SPRINT_FORECAST_WINDOW,
    burnRate: null,
    budgetRemaining: null,
    reason,
  },
});

async function chartsOf(
  kv: KeyValueStore,
  spec: SloSpec,
  status: NonNullable<LinkedSloStatus['stored']>['status'],
  sprint: ActiveSprintEnd,
): Promise<Charts> {
  const at = Date.parse(status.at);
  const bounds = windowAt(spec.window, at);
  const intervals = await loadSliColumns(kv, spec.name, bounds.start, at);
  const series = sliSeriesFor(spec, intervals);
  const history = sliHistory(spec, series, at);
  const burnRate = status.burnRates[SPRINT_FORECAST_WINDOW];
  const forecast = forecastAtSprintEnd({
    budgetRemaining: status.budgetRemaining,
    period: bounds.period,
    burnRate,
    at,
    periodEnd: spec.window.kind === 'calendar' ? bounds.periodEnd : null,
    sprint,
  });
  return {
    burndown: budgetBurndown(spec, series, at, DAY_MS),
    sliHistory: {
      step: formatDuration(history.step),
      points: history.points.map((p) => ({ from: isoOf(p.from), sli: p.sli })),
    },
    sprintForecast: {
      sprint: 'name' in sprint ? sprint.name : null,
      endsAt: 'name' in sprint ? isoOf(sprint.endsAt) : null,
      burnRateWindow: SPRINT_FORECAST_WINDOW,
      ...forecast,
    },
  };
}

/** The trend from the forecast's burn rate (budget-trend.ts): one computation for both tiles. */
function trendOf(
  status: NonNullable<LinkedSloStatus['stored']>['status'] | undefined,
  spec: SloSpec | undefined,
): SloRow['trend'] {
  const window = SPRINT_FORECAST_WINDOW;
  if (!status || !spec) return { kind: 'no-data', window };
  const at = Date.parse(status.at);
  const trend = budgetTrend({
    budgetRemaining: status.budgetRemaining,
    period: windowAt(spec.window, at).period,
    burnRate: status.burnRates[SPRINT_FORECAST_WINDOW] ?? null,
    at,
  });
  if (trend.kind === 'burning') return { ...trend, window, spentAt: isoOf(trend.spentAt) };
  return { ...trend, window };
}

export async function sloRowOf(
  kv: KeyValueStore,
  linked: LinkedSloStatus,
  spec: SloSpec | undefined,
  sprint: ActiveSprintEnd,
  policy: ErrorBudgetPolicy,
): Promise<SloRow> {
  const { slo, service, stored } = linked;
  const status = stored?.status;
  const charts =
    status && spec
      ? await chartsOf(kv, spec, status, sprint)
      : NO_CHARTS(
          status ? 'The SLO’s definition is no longer stored.' : 'No SLI data in the window yet.',
          sprint,
        );
  return {
    name: slo,
    service,
    target: status?.target ?? null,
    window: status?.window ?? null,
    state: stored?.decision.state ?? 'NO_DATA',
    reasons: stored
      ? stored.decision.reasons.map((reason) => reason.message)
      : ['no SLI data has been rolled up yet'],
    objective: spec ? thresholdObjectiveText(spec) : null,
    sli: status?.sli ?? null,
    budgetRemaining: status?.budgetRemaining ?? null,
    burnRates: status
      ? Object.entries(status.burnRates).map(([window, rate]) => ({ window, rate }))
      : [],
    alerts: status ? status.alerts.map((alert) => ({ ...alert })) : [],
    trend: trendOf(status, spec),
    thresholds: {
      atRiskBelow: policy.atRiskBelow,
      freezeAtOrBelow: policy.freezeAtOrBelow,
    },
    dataUntil: stored?.dataUntil ?? null,
    evaluatedAt: stored ? new Date(stored.evaluatedAt).toISOString() : null,
    ...charts,
  };
}
