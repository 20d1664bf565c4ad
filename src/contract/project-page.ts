/**
 * The project page (PRODUCT.md §5): what its resolvers answer. The backend computes a per-project
 * metrics snapshot in the background (hourly and on request) and the resolvers serve it, so no
 * resolver comes near Forge's 25 s limit. Every figure without data is `value: null` with a
 * `reason` in plain words — never a 0 standing in for "unknown".
 */
import type { GateStatement } from './gate';
import type { FreezeRelease, ReleasedDeployment } from './planner';
import type { WorkType, WorkTypeOrUnclassified } from '../domain/work/work-type';
import type {
  RetroActions,
  ReviewCsv,
  ReviewData,
  ReviewRequest,
  SprintReviewRecord,
} from './sprint-review';

export type FigureUnit =
  'points' | 'items' | 'ratio' | 'hours' | 'days' | 'days-per-week' | 'count';

/** The unit of the capacity policy's basis: story points, issue count or original estimate (hours). */
export type BasisUnit = 'points' | 'items' | 'hours';
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

export interface Figure {
  readonly value: number | null;
  readonly unit: FigureUnit;
  /** How many records (sprints, items, incidents…) the value came from. */
  readonly sampleSize: number;
  /** Why there is no value (null when there is one). */
  readonly reason: string | null;
}

/**
 * A sprint's scope change since its start (domain/metrics/scope-change.ts), the same on the project
 * page and the sprint planner: work added after the start (sized at the end) and committed work
 * removed (sized at the start), net as the value, churn = (added + removed) ÷ committed, and the
 * committed work's estimate changes since the start (`reestimated`, + grew, − shrank) beside it.
 */
export interface ScopeChangeView extends Figure {
  readonly added: number | null;
  readonly addedCount: number | null;
  readonly removed: number | null;
  readonly removedCount: number | null;
  readonly reestimated: number | null;
  readonly churnShare: number | null;
}

export interface DoraFigure extends Figure {
  /** DORA performance band; null when there is no value or no band applies. */
  readonly band: DoraBand | null;
  /** What the figure is measured on when it is not the DORA definition (e.g. a fallback). */
  readonly note: string | null;
}

/** The DORA keys and incident figures of one sprint (or 4-week window), computed as the headline ones. */
export interface DoraTrendPoint {
  readonly id: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly deployments: number;
  readonly deploymentFrequency: DoraFigure;
  readonly leadTime: DoraFigure;
  readonly changeFailureRate: DoraFigure;
  readonly timeToRestore: DoraFigure;
  readonly incidents: number;
  readonly meanTimeBetweenReleases: Figure;
}

export interface TypeSplit {
  readonly type: WorkTypeOrUnclassified;
  readonly points: number;
  readonly count: number;
  /** points ÷ all points; null when there are no points. */
  readonly share: number | null;
}

export interface SprintRow {
  readonly sprintId: string;
  readonly name: string;
  readonly state: 'active' | 'closed';
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  /**
   * Every amount of the row (capacity, committed, completed, the balance's `points`, interrupts,
   * buffer, carry-over, scope change) is in the capacity policy's basis, in this unit.
   */
  readonly unit: BasisUnit;
  /** Capacity at the sprint's start under the capacity policy (sprint-capacity.ts); null when unknown. */
  readonly capacity: number | null;
  /** The work in the sprint when it started (domain/metrics/sprint-figures.ts). */
  readonly committed: number;
  /**
   * Committed and still in the sprint at its end (now, for the active sprint): committed minus
   * removed after start — the planner's "planned", and what the balance's `planned` splits.
   */
  readonly planned: number;
  /** The work in the sprint and done when it closed (now, for the active sprint), added work included. */
  readonly completed: number;
  /**
   * Committed and completed ÷ committed (domain/metrics/predictability.ts); the work added after the
   * start and completed is beside it, never inside it.
   */
  readonly predictability: Figure & {
    readonly meetsBaseline: boolean | null;
    readonly committedCompleted: number | null;
    readonly addedCompleted: number | null;
  };
  /** Work added after the start and committed work removed, net and as churn ÷ committed. */
  readonly scopeChange: ScopeChangeView;
  /** Planned (committed and still in) and completed work per category; unclassified is its own row. */
  readonly balance: {
    readonly planned: readonly TypeSplit[];
    readonly completed: readonly TypeSplit[];
    readonly reason: string | null;
    /**
     * Each category's planned work ÷ capacity in percent (two decimals), computed on the basis
     * amounts before they are rounded for showing — as the planner computes it — so an hours basis
     * shows one share on both (0.67 h shown is 2,400 s counted). Absent in snapshots stored before it.
     */
    readonly percentOfCapacity?: readonly {
      readonly type: TypeSplit['type'];
      readonly percent: number | null;
    }[];
  };
  /** Items added after the sprint started (points), against the buffer. */
  readonly interrupts: Figure & {
    readonly count: number;
    readonly bufferPoints: number | null;
    readonly bufferUsed: number | null;
    readonly overBuffer: boolean | null;
  };
  /** Items in the sprint at close and not done (count), with their points. */
  readonly carryOver: Figure & { readonly points: number | null };
  readonly toilShare: Figure;
  readonly debtRatio: Figure;
}

export interface MetricsSnapshot {
  /** 2: amounts in the policy's basis with `unit`, strict predictability, scope change. */
  readonly schemaVersion: 2;
  readonly projectKey: string;
  readonly computedAt: string;
  /** How long the computation took, for the bench and the page footer. */
  readonly computeMs: number;
  readonly board: { readonly boardId: number } | null;
  /** Why there are no sprint figures (no board chosen…); null when there are. */
  readonly sprintsReason: string | null;
  /** Closed sprints (most recent, oldest first) and the active one. */
  readonly sprints: readonly SprintRow[];
  /** The capacity policy's basis unit, the unit of velocity and every sprint amount. */
  readonly unit: BasisUnit;
  readonly velocity: Figure & {
    readonly sprints: readonly {
      readonly sprintId: string;
      readonly name: string;
      readonly completedPoints: number;
    }[];
  };
  readonly predictabilityBaseline: number;
  readonly buffer: {
    /** The capacity policy's buffer, percent. */
    readonly policyPercent: number | null;
    /** Percent of capacity that would have covered unplanned work (80th percentile of 6 sprints). */
    readonly recommendedPercent: number | null;
    readonly change: 'raise' | 'lower' | 'keep' | null;
    readonly explanation: string;
  };
  readonly toilDebt: {
    readonly toilShare: Figure & { readonly cap: number; readonly overCap: boolean | null };
    readonly debtRatio: Figure & {
      readonly guideline: { readonly min: number; readonly max: number };
      readonly position: 'below' | 'within' | 'above' | null;
    };
  };
  readonly delivery: {
    /** False until CI/CD pushes deployments: deployment-based figures then say so. */
    readonly hasDeploymentData: boolean;
    readonly deploymentFrequency: DoraFigure;
    readonly leadTime: DoraFigure;
    readonly changeFailureRate: DoraFigure;
    readonly timeToRestore: DoraFigure;
    /** Mean gap between consecutive releases, hours (src/domain/metrics/time-between-releases.ts). */
    readonly meanTimeBetweenReleases: Figure;
    /** The production deployments the figures count, by outcome. */
    readonly deployments: {
      readonly total: number;
      readonly failed: number;
      readonly rolledBack: number;
      /** Successful deployments an incident was attributed to (change failure rate); null without a rate. */
      readonly causedIncidents: number | null;
      /** Incidents no deployment could be attributed to (no service, before any deployment…). */
      readonly unattributedIncidents: number | null;
    };
    /** The period the figures cover: the last 84 days, from the first deployment pushed if later. */
    readonly period: { readonly from: string; readonly to: string };
    /** Per sprint, or per 4 weeks without a board; oldest first. */
    readonly trendBy: 'sprint' | '4-weeks';
    readonly trend: readonly DoraTrendPoint[];
    /**
     * Deployments of the period recorded while the project's gate was FROZEN, newest first, with
     * what let each through (issue #22). Absent in snapshots computed before it: recomputed hourly.
     */
    readonly freezeReleases?: readonly FreezeReleaseView[];
  };
  readonly incidents: {
    readonly jql: string;
    /** Why incidents could not be read (bad JQL…); null when they were. */
    readonly reason: string | null;
    readonly count: number;
    readonly open: number;
    readonly mttr: Figure;
    readonly mttd: Figure;
    readonly repeats: Figure & { readonly share: number | null };
    /** Closure rate of the postmortems' actions (src/domain/metrics/postmortem-actions.ts). */
    readonly postmortemActions: Figure & {
      readonly total: number;
      readonly closed: number;
      /** Open actions past their due date, or without one older than `slaDays`. */
      readonly overdue: number;
      readonly slaDays: number;
      readonly medianOpenAgeDays: number | null;
      readonly oldestOpenAgeDays: number | null;
      /** The open actions, oldest first (up to 20). */
      readonly openActions: readonly {
        readonly key: string;
        readonly postmortemKey: string | null;
        readonly ageDays: number;
        readonly dueDate: string | null;
        readonly overdue: boolean;
        readonly overdueBy: 'due-date' | 'sla' | null;
      }[];
    };
    /** The project's postmortems under its convention (those Ballast opened included). */
    readonly postmortems: {
      /** The convention in words, e.g. `Task labelled "postmortem"`, actions linked by "Relates". */
      readonly convention: { readonly postmortem: string; readonly actionLinkType: string };
      /** Why they could not be read; null when they were. */
      readonly reason: string | null;
      readonly count: number;
      /** Newest first (up to 10). */
      readonly recent: readonly {
        readonly key: string;
        readonly summary: string;
        readonly createdAt: string;
        readonly resolvedAt: string | null;
        readonly actions: number;
      }[];
    };
    /**
     * The most recent incidents, newest first (up to 10): Jira's (`source: 'jira'`, key = issue key)
     * and those pushed by an incident tool (`source: 'pushed'`, key = its id, summary = service).
     */
    readonly recent: readonly {
      readonly key: string;
      readonly source: 'jira' | 'pushed';
      readonly summary: string;
      readonly startedAt: string;
      readonly resolvedAt: string | null;
      /** src/domain/metrics/incident-durations.ts `restoreHours`, rounded to 2 decimals. */
      readonly hoursToRestore: number | null;
    }[];
  };
  /**
   * Per closed sprint, what the sprint review shows beside its row (issue #23). Absent in
   * snapshots computed before it: the review then says so until the next recompute.
   */
  readonly reviews?: readonly SprintReviewRecord[];
  /** Items labelled as retrospective actions (the `retroActionLabel` setting), sprint over sprint. */
  readonly retroActions?: RetroActions;
  readonly notes: readonly string[];
}

/** Freshness of the stored snapshot, with every answer. */
export interface SnapshotMeta {
  readonly computedAt: string | null;
  /** Older than the hourly schedule allows (or missing). */
  readonly stale: boolean;
  /** A recompute was asked for and has not finished yet. */
  readonly refreshing: boolean;
  /** The last recompute failed: its message (the previous snapshot is still served). */
  readonly lastError: string | null;
}

/** Before the first snapshot exists the page says it is being computed. */
export type SnapshotAnswer<T> =
  | { readonly status: 'ready'; readonly meta: SnapshotMeta; readonly data: T }
  | { readonly status: 'pending'; readonly meta: SnapshotMeta };

export interface GateSummary {
  readonly state: GateStateName;
  readonly reasons: readonly string[];
  /** The gate in words (policy rule with today's figures), as the planner and the panel show it. */
  readonly statement: GateStatement;
  readonly slos: readonly {
    readonly name: string;
    readonly state: GateStateName;
    readonly budgetRemaining: number | null;
  }[];
}

export interface OverviewData {
  /** The error-budget gate and each linked SLO's budget, live from the SLO status store. */
  readonly gate: GateSummary;
  readonly activeSprint: SprintRow | null;
  /** The active sprint's committed work per category as shares of its capacity (as on Capacity). */
  readonly activeSprintShares: CapacityData['capacityShares'][number] | null;
  readonly unit: BasisUnit;
  readonly lastClosedSprint: SprintRow | null;
  readonly velocity: MetricsSnapshot['velocity'];
  readonly predictabilityBaseline: number;
  readonly delivery: MetricsSnapshot['delivery'];
  readonly toilDebt: MetricsSnapshot['toilDebt'];
  readonly incidents: Pick<MetricsSnapshot['incidents'], 'count' | 'open' | 'mttr'>;
  readonly sprintsReason: string | null;
}

export interface CapacityData {
  readonly unit: BasisUnit;
  readonly sprints: readonly SprintRow[];
  readonly buffer: MetricsSnapshot['buffer'];
  readonly sprintsReason: string | null;
  /**
   * The project's capacity policy now (read live): each work type's target share of capacity
   * with the tolerance either side, and the buffer, as fractions 0–1. Past sprints are measured
   * against today's policy; Ballast keeps no history of policy edits.
   */
  readonly targets: {
    readonly byType: readonly {
      readonly type: WorkType;
      readonly share: number;
      /** The tolerance band: share ∓ tolerance, within 0–1. */
      readonly min: number;
      readonly max: number;
    }[];
    readonly tolerance: number;
    readonly buffer: number;
  };
  /** Planned work per category as a share of each sprint's capacity (the planner's shares), for the target chart. */
  readonly capacityShares: readonly {
    readonly sprintId: string;
    readonly name: string;
    readonly capacity: number | null;
    /** Share of capacity per work type (0–1); empty when `reason` says why there is none. */
    readonly byType: readonly { readonly type: WorkType; readonly share: number }[];
    readonly reason: string | null;
  }[];
}

/** A deployment recorded while the gate was FROZEN (app/delivery/freeze-release.ts). */
export interface FreezeReleaseView extends FreezeRelease {
  readonly deployment: ReleasedDeployment;
}

export interface DeliveryData {
  readonly unit: BasisUnit;
  readonly sprints: readonly SprintRow[];
  readonly velocity: MetricsSnapshot['velocity'];
  readonly predictabilityBaseline: number;
  readonly delivery: MetricsSnapshot['delivery'];
  readonly sprintsReason: string | null;
  /** Names of the people the freeze releases name (their overrides' authors), looked up when served. */
  readonly people: Readonly<Record<string, string>>;
}

export interface ToilDebtData {
  readonly sprints: readonly SprintRow[];
  readonly toilDebt: MetricsSnapshot['toilDebt'];
  readonly sprintsReason: string | null;
}

export type IncidentsData = MetricsSnapshot['incidents'];

export type GateStateName = 'HEALTHY' | 'AT_RISK' | 'FROZEN' | 'NO_DATA';

/** One SLO linked to the project, from its rolled-up status (refreshed every five minutes). */
export interface SloRow {
  readonly name: string;
  readonly service: string;
  readonly target: number | null;
  /** `28d`, `30d`, `month`… */
  readonly window: string | null;
  readonly state: GateStateName;
  readonly reasons: readonly string[];
  /**
   * A threshold (latency) SLO's rule for good data, e.g. "A minute is good when its value is < 0.3;
   * …" (src/domain/slo/threshold.ts); null for a ratio SLO.
   */
  readonly objective: string | null;
  readonly sli: number | null;
  /** Share of the error budget left, 0–1 (negative when overspent); null without data. */
  readonly budgetRemaining: number | null;
  readonly burnRates: readonly { readonly window: string; readonly rate: number | null }[];
  readonly alerts: readonly {
    readonly severity: 'page' | 'ticket';
    readonly longWindow: string;
    readonly shortWindow: string;
    readonly factor: number;
    readonly longBurnRate: number | null;
    readonly shortBurnRate: number | null;
    readonly firing: boolean;
  }[];
  /**
   * Burning down or not, and when the budget is spent at that pace: from the same burn rate as
   * `sprintForecast` (src/domain/slo/budget-trend.ts), so the two never contradict each other.
   */
  readonly trend:
    | { readonly kind: 'no-data' | 'spent'; readonly window: string }
    | { readonly kind: 'steady'; readonly window: string; readonly burnRate: number }
    | {
        readonly kind: 'burning';
        readonly window: string;
        readonly burnRate: number;
        /** ISO-8601. */
        readonly spentAt: string;
        readonly tooFast: boolean;
      };
  /** The owning project's error-budget policy thresholds (shares 0–1), drawn on the burn-down. */
  readonly thresholds: { readonly atRiskBelow: number; readonly freezeAtOrBelow: number };
  readonly dataUntil: string | null;
  /** When the status was rolled up; null when no SLI data has been rolled up yet. */
  readonly evaluatedAt: string | null;
  /** Budget remaining at the end of each day of the window so far (the burn-down). */
  readonly burndown: readonly { readonly at: string; readonly budgetRemaining: number | null }[];
  /**
   * The SLI in equal buckets over the window so far (at most 120: 6h buckets for 28 days), for the
   * SLI chart; `sli` null where a bucket has no data. Empty without a status.
   */
  readonly sliHistory: {
    /** Bucket length: `1h`, `6h`, `1d`… */
    readonly step: string | null;
    readonly points: readonly { readonly from: string; readonly sli: number | null }[];
  };
  /**
   * The budget left when the active sprint ends if the burn over `burnRateWindow` continues
   * (src/domain/slo/sprint-forecast.ts); `budgetRemaining` null with the reason otherwise.
   */
  readonly sprintForecast: {
    readonly sprint: string | null;
    readonly endsAt: string | null;
    readonly burnRateWindow: string;
    readonly burnRate: number | null;
    readonly budgetRemaining: number | null;
    readonly reason: string | null;
  };
}

export interface SlosData {
  readonly gate: {
    readonly state: GateStateName;
    readonly reasons: readonly string[];
    readonly statement: GateStatement;
  };
  readonly slos: readonly SloRow[];
}

export interface RefreshAnswer {
  /** False when a recompute was already asked for recently (it is not queued twice). */
  readonly queued: boolean;
  readonly meta: SnapshotMeta;
}

type Empty = Record<string, never>;

export interface ProjectPageContract {
  'project/overview': { request: Empty; response: SnapshotAnswer<OverviewData> };
  'project/capacity': { request: Empty; response: SnapshotAnswer<CapacityData> };
  'project/delivery': { request: Empty; response: SnapshotAnswer<DeliveryData> };
  'project/toilDebt': { request: Empty; response: SnapshotAnswer<ToilDebtData> };
  'project/incidents': { request: Empty; response: SnapshotAnswer<IncidentsData> };
  'project/refresh': { request: Empty; response: RefreshAnswer };
  /** One closed sprint's review from the snapshot (issue #23). */
  'project/review': { request: ReviewRequest; response: SnapshotAnswer<ReviewData> };
  /** The same review as RFC 4180 CSV. */
  'project/reviewCsv': { request: ReviewRequest; response: SnapshotAnswer<ReviewCsv> };
  /** Live from the SLO status store (not the hourly snapshot). */
  'project/slos': { request: Empty; response: SnapshotAnswer<SlosData> };
}
