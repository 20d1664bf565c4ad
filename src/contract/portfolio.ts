/**
 * The portfolio (issue #23 item 2): one row per project that uses Ballast and that the viewer may
 * browse, on the Jira global page and the dashboard gadget. Every figure is the project page's own
 * (the stored metrics snapshot and the SLO statuses), never recomputed here.
 */
import type {
  BasisUnit,
  DoraFigure,
  GateStateName,
  MetricsSnapshot,
  SnapshotMeta,
} from './project-page';
import type { WorkType } from '../domain/work/work-type';
import type { Trend } from '../domain/metrics/trend-direction';

export type { Trend, TrendDirection } from '../domain/metrics/trend-direction';

/** This sprint's committed work per category as a share of capacity, beside the policy's target. */
export interface PortfolioSplit {
  readonly sprint: string | null;
  readonly unit: BasisUnit;
  readonly capacity: number | null;
  /** Empty when `reason` says why there is no split. */
  readonly byType: readonly {
    readonly type: WorkType;
    /** Share of capacity, 0–1 (Capacity page's `capacityShares`). */
    readonly share: number;
    /** The policy's target share and tolerance band, 0–1 (Capacity page's `targets`). */
    readonly target: number;
    readonly min: number;
    readonly max: number;
    readonly within: boolean;
  }[];
  /** How many categories are outside their band. */
  readonly outside: number;
  readonly reason: string | null;
}

export interface PortfolioRow {
  readonly projectKey: string;
  readonly projectName: string;
  /** Where the project's Ballast page is, relative to the site (jira-project-page URL form). */
  readonly projectPageUrl: string;
  readonly gate: {
    readonly state: GateStateName;
    /** The gate's reasons as the project page's overview gives them (`SLO: message`). */
    readonly reasons: readonly string[];
  };
  /** Budget left per linked SLO (0–1, negative when overspent; null without data). */
  readonly slos: readonly {
    readonly name: string;
    readonly state: GateStateName;
    readonly budgetRemaining: number | null;
  }[];
  /** Null until the project's first snapshot is computed (`pendingReason` says so). */
  readonly split: PortfolioSplit | null;
  readonly toilShare: MetricsSnapshot['toilDebt']['toilShare'] | null;
  readonly debtRatio: MetricsSnapshot['toilDebt']['debtRatio'] | null;
  readonly dora: {
    readonly deploymentFrequency: DoraFigure;
    readonly leadTime: DoraFigure;
    readonly changeFailureRate: DoraFigure;
    readonly timeToRestore: DoraFigure;
  } | null;
  /** Between the last two sprints (or 4-week windows) of the snapshot's trend; null: no arrow. */
  readonly trends: {
    readonly toilShare: Trend | null;
    readonly debtRatio: Trend | null;
    readonly deploymentFrequency: Trend | null;
    readonly leadTime: Trend | null;
    readonly changeFailureRate: Trend | null;
    readonly timeToRestore: Trend | null;
  };
  readonly meta: SnapshotMeta;
  readonly pendingReason: string | null;
}

export interface PortfolioData {
  readonly rows: readonly PortfolioRow[];
  /** When the answer was put together (ISO), and how long it took, for the footer and the bench. */
  readonly servedAt: string;
  readonly serveMs: number;
}

export interface PortfolioContract {
  'portfolio/list': { request: Record<string, never>; response: PortfolioData };
}
