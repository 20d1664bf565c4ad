/**
 * Resolver contract of the project's SLOs and of the push API settings (PRODUCT.md §4): the SLO
 * specs as OpenSLO YAML (import/export) or one at a time (the form's save and delete), their stored
 * status, and the web-trigger URLs with the signing secret's rotation.
 */
import type { GateState } from '../domain/gate/gate-state';
import type { AlertTableName } from '../domain/slo/alert-table';
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
  /**
   * A latency (threshold) SLO's rule for good data, as the project page says it
   * (src/domain/slo/threshold.ts); null for a ratio SLO.
   */
  readonly objective: string | null;
  /**
   * The SLO as the form edits it (what `slo/save` takes back), a ratio or a threshold (latency)
   * SLI; null only for an SLO the form cannot show (none today: kept for older clients).
   */
  readonly definition: SloDefinition | null;
}

/** A ratio SLI's metric source as the form edits it: the source type and its query. */
export interface SloMetricSourceInput {
  /** OpenSLO metric source type, e.g. `Prometheus`. */
  readonly type: string;
  /** The source's `spec.query`, e.g. a PromQL expression; blank when the source has none. */
  readonly query: string;
}

/** OpenSLO objective operators: a data point is good when `value op threshold`. */
export type SloThresholdOp = 'lt' | 'lte' | 'gt' | 'gte';

/**
 * A threshold (latency) SLI as the form edits it (OpenSLO `thresholdMetric` with the objective's
 * `op` and `value`): one metric whose data points, e.g. each minute's p99, are compared with `value`.
 */
export interface SloThresholdInput {
  readonly type: string;
  /** e.g. `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))`. */
  readonly query: string;
  readonly op: SloThresholdOp;
  /** In the metric's unit (seconds for a Prometheus histogram); null when left blank. */
  readonly value: number | null;
}

export type SloWindowInput =
  | {
      readonly kind: 'rolling';
      /** Whole days, e.g. 28 or 30; null when left blank (the backend names the field). */
      readonly days: number | null;
    }
  | {
      readonly kind: 'calendar';
      readonly unit: 'month' | 'quarter';
      /** IANA time zone the periods start in, e.g. `UTC` or `Europe/Berlin`. */
      readonly timeZone: string;
      /** `YYYY-MM`: the month the periods are counted from (a quarter's first month). */
      readonly startMonth: string;
    };

/**
 * One SLO in the form's terms (the app's OpenSLO subset: a ratio SLI, one objective, one window).
 * Numbers may be null when left blank; the backend validates and names the field.
 */
export interface SloDefinition {
  /** The OpenSLO name (lowercase, digits, "-"); pushed SLI data names the SLO by it. */
  readonly name: string;
  /** Blank for none. */
  readonly displayName: string;
  readonly description: string;
  readonly service: string;
  /**
   * `threshold`: the SLI is `threshold` (a latency SLI) and the ratio fields below are unused (kept
   * so the form can switch back); absent or `ratio`: a ratio of events.
   */
  readonly indicatorKind?: 'ratio' | 'threshold';
  /** With `indicatorKind: 'threshold'`. */
  readonly threshold?: SloThresholdInput;
  /** Whether the first query counts good events or bad ones (OpenSLO `good` / `bad`). */
  readonly counts: 'good' | 'bad';
  readonly numerator: SloMetricSourceInput;
  readonly total: SloMetricSourceInput;
  /** OpenSLO `ratioMetric.counter`: the queries return monotonic counters. */
  readonly counter: boolean;
  /** The objective, e.g. 99.9. */
  readonly targetPercent: number | null;
  readonly window: SloWindowInput;
  readonly budgetingMethod: 'Occurrences' | 'Timeslices';
  /** Timeslices only: a minute is good when at least this share of its events is good, e.g. 95. */
  readonly timeSlicePercent: number | null;
  /**
   * The burn-rate alert table (src/domain/slo/alert-table.ts): `sloth` (Ballast's default, Sloth's
   * four rows) or `workbook` (the SRE Workbook's table 5-8). Absent on save: the SLO keeps its table.
   */
  readonly alertTable?: AlertTableName;
}

/** The fields `slo/save` names when it refuses a value (`error.field`). */
export type SloField =
  | 'name'
  | 'displayName'
  | 'description'
  | 'service'
  | 'counts'
  | 'numerator.type'
  | 'numerator.query'
  | 'total.type'
  | 'total.query'
  | 'counter'
  | 'threshold.type'
  | 'threshold.query'
  | 'threshold.op'
  | 'threshold.value'
  | 'targetPercent'
  | 'window.days'
  | 'window.unit'
  | 'window.timeZone'
  | 'window.startMonth'
  | 'budgetingMethod'
  | 'timeSlicePercent'
  | 'alertTable';

export interface SloSaveRequest {
  /** The name of the SLO being edited, or null to add a new one. */
  readonly originalName: string | null;
  readonly slo: SloDefinition;
  /** The version of the project's SLO document the form was filled from (`SloListView.version`). */
  readonly version: number;
}

export interface SloDeleteRequest {
  readonly name: string;
  readonly version: number;
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
  /**
   * The SLOs the import may delete (those of the project not in the file). Without every one of
   * them here, an import that would delete SLOs is refused with their names (CONFLICT,
   * `confirmDeletes`) and changes nothing.
   */
  readonly confirmDeletes?: readonly string[];
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
    /** The release gate (`ballast gate check`), signed with the same secret. */
    readonly gateCheck: string | null;
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
  /** Adds or replaces one SLO (project admins); CONFLICT when the document changed since `version`. */
  'slo/save': { request: SloSaveRequest; response: SloListView };
  /** Removes one SLO (project admins); its stored SLI data is kept but no longer used. */
  'slo/delete': { request: SloDeleteRequest; response: SloListView };
  'push/get': { request: Record<string, never>; response: PushSettingsView };
  'push/rotateSecret': { request: Record<string, never>; response: RotatedSecretView };
}
