/**
 * The project settings page's "Your Ballast data" section (issue #24 item 4): what is stored for
 * the project, its export, its deletion, and — for Jira admins — which projects use Ballast.
 */
import type { AuditEntry } from './planner';

export interface RetentionRow {
  readonly what: string;
  readonly days: number;
  readonly from: string;
}

export interface ProjectDataView {
  readonly projectKey: string;
  /** Documents and key-value records stored for the project in Forge storage. */
  readonly documents: number;
  readonly records: number;
  /** When Ballast first stored something for the project (null: nothing stored). */
  readonly firstStoredAt: string | null;
  /**
   * Set when data stored before the current installation was found (Forge restores a previous
   * installation's storage only on request, developer.atlassian.com/platform/forge/storage-reference/).
   */
  readonly previousInstallation: { readonly installedAt: string; readonly dataFrom: string } | null;
  /** How long what accumulates is kept (src/domain/retention.ts). */
  readonly retention: readonly RetentionRow[];
  /** Whether the caller administers Jira (and may list the projects using Ballast). */
  readonly jiraAdmin: boolean;
}

/** The file a project admin downloads: everything Ballast stores for the project, as JSON. */
export interface ProjectExport {
  readonly format: 'ballast-project-export';
  readonly schemaVersion: 1;
  readonly projectKey: string;
  readonly exportedAt: string;
  /** The stored project configuration (capacity policy, rules, DoD templates, error-budget policy). */
  readonly settings: unknown;
  /** The project's SLOs as OpenSLO YAML (importable again), null when it has none. */
  readonly slosOpenSlo: string | null;
  /** The audit log, oldest first. */
  readonly auditLog: readonly AuditEntry[];
  /** The stored error-budget freeze overrides document. */
  readonly freezeOverrides: unknown;
  /** Every stored document of the project, as stored. */
  readonly documents: readonly {
    readonly kind: string;
    readonly id: string;
    readonly version: number;
    readonly updatedAt: string;
    readonly updatedBy: string;
    readonly value: unknown;
  }[];
  /** Every key-value record of the project except bulk data (below), as stored. */
  readonly records: readonly { readonly key: string; readonly value: unknown }[];
  /** Stored but not written into the file, with how many and why. */
  readonly notIncluded: readonly {
    readonly what: string;
    readonly count: number;
    readonly why: string;
  }[];
}

export interface DeleteProjectDataRequest {
  /** The project key typed again, as confirmation. */
  readonly confirm: string;
}

export interface DeleteProjectDataView {
  readonly deletedDocuments: number;
  readonly deletedRecords: number;
  /** Issues whose `ballast` property (category, DoD ticks) was removed. */
  readonly deletedIssueProperties: number;
  /** False when the time ran out first: deleting again continues (documents go last). */
  readonly complete: boolean;
}

export interface ProjectsUsingBallastView {
  readonly projects: readonly {
    readonly projectKey: string;
    readonly firstStoredAt: string | null;
    readonly lastStoredAt: string | null;
    readonly pageOpened: boolean;
  }[];
}

export interface ProjectDataContract {
  'projectData/get': { request: Record<string, never>; response: ProjectDataView };
  'projectData/export': { request: Record<string, never>; response: ProjectExport };
  'projectData/delete': { request: DeleteProjectDataRequest; response: DeleteProjectDataView };
  'projectData/projects': { request: Record<string, never>; response: ProjectsUsingBallastView };
}
