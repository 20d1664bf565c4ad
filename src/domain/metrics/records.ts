import type { WorkTypeOrUnclassified } from '../work/work-type';

/**
 * The plain records metrics are computed from. The backend builds them from Jira (sprints, the
 * sprint-start snapshot, changelogs) and the deployment push API; work types are already resolved.
 * All instants are ISO-8601 strings (see time.ts).
 */
export interface SprintRecord {
  readonly id: string;
  readonly name: string;
  readonly state: 'future' | 'active' | 'closed';
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  /** Capacity in points at sprint start (from the capacity policy snapshot); null when unknown. */
  readonly capacity: number | null;
  /** Share of capacity reserved for unplanned work, 0–1; null when unknown. */
  readonly bufferShare: number | null;
}

/** One issue's part in one sprint. An issue carried into the next sprint has a record in each. */
export interface SprintItemRecord {
  readonly issueKey: string;
  readonly sprintId: string;
  readonly workType: WorkTypeOrUnclassified;
  /**
   * Size in the policy's basis when the sprint ended (closed, or now for the active sprint); null when
   * unestimated (counted as 0 and reported as unestimated). Completed, added, planned and carried-over
   * work are counted in it.
   */
  readonly points: number | null;
  /**
   * Size when the sprint started (estimate-history.ts): committed work, its completed part and the
   * committed work removed are counted in it, as Jira's velocity chart counts "Commitment". Absent
   * when it is the same as `points` (no estimate change inside the sprint, or not known).
   */
  readonly pointsAtStart?: number | null;
  /** In the sprint when it started (part of the commitment snapshot). */
  readonly committed: boolean;
  readonly addedAfterStart: boolean;
  /** Taken out of the sprint before it closed. */
  readonly removedAfterStart: boolean;
  /** Done when the sprint closed (for the active sprint: done now). */
  readonly completed: boolean;
  /** Unplanned work (incident, urgent bug…), as the project's configuration decides. */
  readonly unplanned: boolean;
}

/**
 * How a production deployment ended, as CI/CD pushed it (src/contract/push-api.ts): `failed` never
 * reached production; `rolled_back` reached it and was taken back.
 */
export type DeploymentStatus = 'success' | 'failed' | 'rolled_back';

/** A production deployment, whatever its outcome. */
export interface DeploymentRecord {
  readonly id: string;
  readonly service: string;
  readonly status: DeploymentStatus;
  readonly deployedAt: string;
  /** Jira issue keys of the changes it shipped. */
  readonly issueKeys: readonly string[];
}

/** An issue whose lead time for changes is measured. */
export interface ChangeRecord {
  readonly issueKey: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly firstInProgressAt: string | null;
  readonly firstCommitAt: string | null;
}

export interface IncidentRecord {
  readonly key: string;
  /** What people call it: the Jira summary, or the incident tool's title. */
  readonly title?: string;
  /** The service affected; null when unknown (then it cannot be attributed by service). */
  readonly service: string | null;
  /** The deployment that caused it, when the incident tool knows (attributed before the service). */
  readonly deploymentId?: string | null;
  /** When the impact started. */
  readonly startedAt: string;
  /** When the incident was detected; absent when the project does not record it. */
  readonly detectedAt?: string | null;
  readonly resolvedAt: string | null;
  /** What makes two incidents "the same" (root-cause label, component…); absent when unknown. */
  readonly repeatKey?: string | null;
}

export interface PostmortemActionRecord {
  readonly key: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  /** Jira's due date, a calendar day ("2026-03-10"); absent or null when none is set. */
  readonly dueDate?: string | null;
  /** The postmortem it is an action of (src/domain/postmortem/convention.ts). */
  readonly postmortemKey?: string;
}
