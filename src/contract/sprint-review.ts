/**
 * The sprint review (issue #23, item 1): one closed sprint's story, from the stored project-page
 * snapshot. The sprint figures are the snapshot's own `SprintRow` (the same object the Capacity and
 * Delivery pages show), so every number here is the number shown there.
 */
import type { CapacityData, GateStateName, SprintRow } from './project-page';
import type { WorkType } from '../domain/work/work-type';

export type TrackedState = 'not-created' | 'open' | 'done';

/** The gate's state over a part of the sprint and the targets it set (effective-targets.ts). */
export interface ReviewGateSegment {
  readonly from: string;
  readonly to: string;
  readonly state: GateStateName;
  /** Percent of capacity per category under this state: target and band. */
  readonly targets: readonly {
    readonly type: WorkType;
    readonly targetShare: number;
    readonly minShare: number;
    readonly maxShare: number;
  }[];
  /** The categories whose target this state moved away from the policy's own. */
  readonly changed: readonly WorkType[];
}

export interface ReviewIncident {
  readonly key: string;
  readonly source: 'jira' | 'pushed';
  readonly summary: string;
  readonly service: string | null;
  readonly startedAt: string;
  readonly resolvedAt: string | null;
  /** domain/metrics/incident-durations.ts `restoreHours`, 2 decimals; null while unresolved. */
  readonly hoursToRestore: number | null;
  /**
   * Share of each SLO's error budget (of its window at the incident's end) the incident's span
   * spent (domain/slo/postmortem.ts `incidentBudgetShare`, the postmortem rule's own measure).
   */
  readonly budget: readonly { readonly slo: string; readonly share: number | null }[];
  /** Why no budget is shown (no service, no SLO of that service…); null when there is. */
  readonly budgetReason: string | null;
}

export interface ReviewAlert {
  readonly slo: string;
  readonly severity: 'page' | 'ticket';
  readonly longWindow: string;
  readonly shortWindow: string;
  readonly from: string;
  readonly to: string;
  readonly ongoing: boolean;
}

/** What the snapshot stores per closed sprint, beside its SprintRow. */
export interface SprintReviewRecord {
  readonly sprintId: string;
  readonly gate: {
    readonly segments: readonly ReviewGateSegment[];
    /** Why there is no timeline (no SLO, no SLI data in the sprint); null when there is one. */
    readonly reason: string | null;
  };
  readonly alerts: { readonly fired: readonly ReviewAlert[]; readonly reason: string | null };
  readonly incidents: { readonly list: readonly ReviewIncident[]; readonly reason: string | null };
  readonly postmortems: {
    readonly reason: string | null;
    /** Postmortems created in the sprint. */
    readonly opened: readonly {
      readonly key: string;
      readonly summary: string;
      readonly createdAt: string;
      readonly resolvedAt: string | null;
      readonly actions: number;
    }[];
    /** Over all the convention's postmortems: actions created / resolved in the sprint, open at close. */
    readonly actionsOpened: number;
    readonly actionsClosed: number;
    readonly actionsOpenAtClose: number;
  };
  readonly dod: {
    readonly completedItems: number;
    readonly complete: number;
    readonly open: number;
    readonly closedBeforeBallast: number;
    readonly notEvaluated: number;
    readonly share: number | null;
    readonly openKeys: readonly string[];
  };
}

/** Items labelled as retrospective actions, with their state at each closed sprint's close. */
export interface RetroActions {
  readonly label: string;
  readonly reason: string | null;
  /** The closed sprints the states are for, oldest first. */
  readonly sprints: readonly { readonly sprintId: string; readonly name: string }[];
  readonly actions: readonly {
    readonly key: string;
    readonly summary: string;
    readonly status: string;
    readonly createdAt: string;
    readonly resolvedAt: string | null;
    /** One per sprint of `sprints`. */
    readonly states: readonly TrackedState[];
  }[];
  /** More labelled items exist than are kept (the newest are kept). */
  readonly truncated: boolean;
}

export interface ReviewData {
  readonly projectKey: string;
  readonly unit: SprintRow['unit'];
  readonly predictabilityBaseline: number;
  /** Why there are no sprints to review (no board…); null when there are. */
  readonly sprintsReason: string | null;
  /** The closed sprints one may pick, newest first. */
  readonly closedSprints: readonly { readonly sprintId: string; readonly name: string }[];
  /** The picked sprint (the newest closed one when none was asked for); null without one. */
  readonly sprint: SprintRow | null;
  /** The sprint's committed work per category as shares of its capacity, as the Capacity page has them. */
  readonly shares: CapacityData['capacityShares'][number] | null;
  /** Null when the stored snapshot predates the review (a recompute adds it). */
  readonly review: SprintReviewRecord | null;
  readonly retroActions: RetroActions | null;
}

export interface ReviewRequest {
  /** A closed sprint's id; absent for the newest closed sprint. */
  readonly sprintId?: string;
}

export interface ReviewCsv {
  readonly fileName: string;
  /** RFC 4180 text: CRLF line ends, fields quoted where needed. */
  readonly csv: string;
}
