/**
 * Resolver contract of the project's SLOs and of the push API settings (PRODUCT.md §4): the SLO
 * specs as OpenSLO YAML (import/export), their stored status, and the web-trigger URLs with the
 * signing secret's rotation.
 */
import type { GateState } from '../domain/gate/gate-state';
import type { SloStatus } from '../domain/slo/status';

export interface SloSummary {
  readonly name: string;
  readonly displayName: string | null;
  readonly service: string;
  readonly target: number;
  /** `28d`, `30d`, `month`, `quarter`. */
  readonly window: string;
  /** The last rolled-up status, or null before any data was rolled up. */
  readonly status: SloStatus | null;
  /** The SLO's policy state (NO_DATA until data arrives). */
  readonly state: GateState;
  /** End of the last stored minute of SLI data, or null. */
  readonly dataUntil: string | null;
}

export interface SloListView {
  readonly projectKey: string;
  readonly slos: readonly SloSummary[];
  /** Version of the project's SLO document; send it back with an import. */
  readonly version: number;
  readonly canEdit: boolean;
}

export interface SloImportRequest {
  /** One OpenSLO v1 file (SLO, SLI and Service documents); replaces the project's SLOs. */
  readonly yaml: string;
  readonly version: number;
}

/** A problem of an imported file, at its line (1-based) when known. */
export interface SloImportProblem {
  readonly line: number | null;
  readonly message: string;
}

export interface SloExportView {
  readonly yaml: string;
}

export interface PushSettingsView {
  readonly urls: {
    readonly sli: string | null;
    readonly deployments: string | null;
    readonly incidents: string | null;
  };
  /** When the current secret was made; null when none exists yet (pushes are refused). */
  readonly secretRotatedAt: string | null;
  /** Until when the previous secret is still accepted after a rotation (grace period). */
  readonly previousSecretValidUntil: string | null;
  /** Whether the viewer may rotate the secret (Jira administrators: it is shared by the site). */
  readonly canEdit: boolean;
}

export interface RotatedSecretView extends PushSettingsView {
  /** The new secret, shown once: Ballast never returns it again. */
  readonly secret: string;
}

export interface SloContract {
  'slo/list': { request: Record<string, never>; response: SloListView };
  'slo/import': { request: SloImportRequest; response: SloListView };
  'slo/export': { request: Record<string, never>; response: SloExportView };
  'push/get': { request: Record<string, never>; response: PushSettingsView };
  'push/rotateSecret': { request: Record<string, never>; response: RotatedSecretView };
}
