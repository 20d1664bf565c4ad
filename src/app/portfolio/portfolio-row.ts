/**
 * One portfolio row from what the project page serves: the stored snapshot (this sprint's split,
 * toil and debt, the DORA keys and their per-sprint trend) and the live gate summary. Each figure
 * is taken as the snapshot holds it, or through the project page's own function (capacitySharesOf,
 * targetsOf, gateSummaryOf), so the portfolio and the project page cannot disagree.
 */
import type { PortfolioRow, PortfolioSplit } from '../../contract/portfolio';
import type {
  DoraTrendPoint,
  GateSummary,
  MetricsSnapshot,
  SnapshotMeta,
} from '../../contract/project-page';
import { DEBT_GUIDELINE } from '../../domain/metrics/toil-and-debt';
import { trendOf, type Preference } from '../../domain/metrics/trend-direction';
import type { CapacityPolicy } from '../../domain/capacity';
import { capacitySharesOf } from '../metrics/capacity-shares';
import { targetsOf } from '../metrics/serve-capacity';

export interface RowInput {
  readonly projectKey: string;
  readonly projectName: string;
  readonly projectPageUrl: string;
  readonly gate: GateSummary;
  readonly policy: CapacityPolicy;
  readonly figures: PortfolioFigures | undefined;
  readonly meta: SnapshotMeta;
}

/** Shares are fractions with four decimals (capacity-shares.ts); compare the band on the same grid. */
const within = (share: number, min: number, max: number) =>
  share >= min - 1e-9 && share <= max + 1e-9;

/**
 * What a portfolio row takes from the snapshot, kept beside it at each recompute (a few KB instead
 * of the whole snapshot: portfolio-figures-store.ts). The split's shares are the Capacity page's
 * (`capacitySharesOf` of the active sprint); the policy's targets are read live when served.
 */
export interface PortfolioFigures {
  readonly computedAt: string;
  readonly unit: MetricsSnapshot['unit'];
  readonly activeSprint: { readonly name: string; readonly capacity: number | null } | null;
  readonly shares: ReturnType<typeof capacitySharesOf>[number] | null;
  readonly sprintsReason: string | null;
  readonly toilDebt: MetricsSnapshot['toilDebt'];
  readonly dora: NonNullable<PortfolioRow['dora']>;
  readonly trends: PortfolioRow['trends'];
}

export function figuresOf(snapshot: MetricsSnapshot): PortfolioFigures {
  const active = snapshot.sprints.find((row) => row.state === 'active') ?? null;
  const { delivery } = snapshot;
  return {
    computedAt: snapshot.computedAt,
    unit: snapshot.unit,
    activeSprint: active === null ? null : { name: active.name, capacity: active.capacity },
    shares: active === null ? null : (capacitySharesOf([active])[0] ?? null),
    sprintsReason: snapshot.sprintsReason,
    toilDebt: snapshot.toilDebt,
    dora: {
      deploymentFrequency: delivery.deploymentFrequency,
      leadTime: delivery.leadTime,
      changeFailureRate: delivery.changeFailureRate,
      timeToRestore: delivery.timeToRestore,
    },
    trends: trendsOf(snapshot),
  };
}

export function splitOf(figures: PortfolioFigures, policy: CapacityPolicy): PortfolioSplit {
  const active = figures.activeSprint;
  const base = {
    unit: figures.unit,
    sprint: active?.name ?? null,
    capacity: active?.capacity ?? null,
  };
  if (active === null)
    return {
      ...base,
      byType: [],
      outside: 0,
      reason: figures.sprintsReason ?? 'No active sprint.',
    };
  const shares = figures.shares;
  if (shares === null || shares.reason !== null)
    return { ...base, byType: [], outside: 0, reason: shares?.reason ?? 'No split.' };
  const targets = targetsOf(policy).byType;
  const byType = shares.byType.map(({ type, share }) => {
    const target = targets.find((t) => t.type === type)!;
    return {
      type,
      share,
      target: target.share,
      min: target.min,
      max: target.max,
      within: within(share, target.min, target.max),
    };
  });
  return { ...base, byType, outside: byType.filter((t) => !t.within).length, reason: null };
}

/** The last two values of a series, oldest first; nulls where a period had none. */
function lastTwo<T>(items: readonly T[], pick: (item: T) => number | null) {
  const a = items.at(-2);
  const b = items.at(-1);
  return [a === undefined ? null : pick(a), b === undefined ? null : pick(b)] as const;
}

function doraTrend(
  points: readonly DoraTrendPoint[],
  key: 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore',
  prefer: Preference,
) {
  const [previous, current] = lastTwo(points, (p) => p[key].value);
  return trendOf(previous, current, prefer);
}

export function trendsOf(snapshot: MetricsSnapshot): PortfolioRow['trends'] {
  const closed = snapshot.sprints.filter((row) => row.state === 'closed');
  const [toilBefore, toilNow] = lastTwo(closed, (row) => row.toilShare.value);
  const [debtBefore, debtNow] = lastTwo(closed, (row) => row.debtRatio.value);
  const points = snapshot.delivery.trend;
  return {
    toilShare: trendOf(toilBefore, toilNow, 'lower', { floor: 0.01 }),
    debtRatio: trendOf(debtBefore, debtNow, { within: DEBT_GUIDELINE }, { floor: 0.01 }),
    deploymentFrequency: doraTrend(points, 'deploymentFrequency', 'higher'),
    leadTime: doraTrend(points, 'leadTime', 'lower'),
    changeFailureRate: doraTrend(points, 'changeFailureRate', 'lower'),
    timeToRestore: doraTrend(points, 'timeToRestore', 'lower'),
  };
}

const NO_TRENDS: PortfolioRow['trends'] = {
  toilShare: null,
  debtRatio: null,
  deploymentFrequency: null,
  leadTime: null,
  changeFailureRate: null,
  timeToRestore: null,
};

export function portfolioRowOf(input: RowInput): PortfolioRow {
  const { figures, gate } = input;
  const head = {
    projectKey: input.projectKey,
    projectName: input.projectName,
    projectPageUrl: input.projectPageUrl,
    gate: { state: gate.state, reasons: gate.reasons },
    slos: gate.slos,
    meta: input.meta,
  };
  if (figures === undefined) {
    return {
      ...head,
      split: null,
      toilShare: null,
      debtRatio: null,
      dora: null,
      trends: NO_TRENDS,
      pendingReason:
        'Ballast has not computed this project’s figures yet: open its Ballast page, or wait for the hourly job.',
    };
  }
  return {
    ...head,
    split: splitOf(figures, input.policy),
    toilShare: figures.toilDebt.toilShare,
    debtRatio: figures.toilDebt.debtRatio,
    dora: figures.dora,
    trends: figures.trends,
    pendingReason: null,
  };
}
