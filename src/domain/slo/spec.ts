/**
 * The SLO as Ballast models it: an OpenSLO v1 ratio SLO reduced to what the engine needs, plus the
 * metric sources kept opaque so an OpenSLO file can be written back unchanged (adapters translate
 * into this type, never the other way).
 */
import type { AlertTableName, BurnRateAlertRule } from './alert-table';

/** Rolling: the last `days` whole days before `at`. Calendar: the current month or quarter. */
export type SloWindow =
  | { readonly kind: 'rolling'; readonly days: number }
  | {
      readonly kind: 'calendar';
      readonly unit: 'month' | 'quarter';
      /** IANA time zone the calendar boundaries are taken in, e.g. `Europe/Berlin`. */
      readonly timeZone: string;
      /** OpenSLO `calendar.startTime` as written (kept for round trips; periods start on the 1st). */
      readonly startTime: string;
    };

/**
 * Occurrences: SLI = good/total events. Timeslices: a minute is good when its own ratio meets
 * `sliceTarget`; SLI = good minutes / minutes with data ("Implementing SLOs", SRE Workbook ch. 2,
 * discusses both event- and time-based SLIs).
 */
export type BudgetingMethod =
  | { readonly method: 'Occurrences' }
  | { readonly method: 'Timeslices'; readonly sliceTarget: number };

/**
 * OpenSLO `metadata.labels` and `metadata.annotations` (README "General Schema"), kept as written and
 * exported again. A label's value is a string or a list of strings; an annotation's a string.
 */
export interface OpenSloMetadata {
  readonly labels?: Readonly<Record<string, string | readonly string[]>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** An OpenSLO metric source, kept as written (`type` plus a free-form `spec`). */
export interface MetricSource {
  /** OpenSLO `metricSourceRef`: a DataSource defined elsewhere. */
  readonly metricSourceRef?: string;
  /**
   * As written; OpenSLO lets it be omitted with `metricSourceRef` ("the type will be inferred from
   * the DataSource"). Use `metricSourceType()` for the effective type.
   */
  readonly type?: string;
  /** The referenced DataSource's `spec.type` when the file holds it (not written back). */
  readonly dataSourceType?: string;
  readonly spec: Readonly<Record<string, unknown>>;
}

/** The source's type as written, else the one of the DataSource it references; null if unknown. */
export function metricSourceType(source: MetricSource): string | null {
  return source.type ?? source.dataSourceType ?? null;
}

/** A ratio SLI: good/total or bad/total (OpenSLO `ratioMetric`). */
export interface RatioIndicator extends OpenSloMetadata {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  /** Which count the first query returns: good events, or bad events. */
  readonly counts: 'good' | 'bad';
  readonly numerator: MetricSource;
  readonly total: MetricSource;
  /** OpenSLO `ratioMetric.counter`: whether the sources are monotonic counters. */
  readonly counter: boolean;
}

/**
 * A threshold SLI (OpenSLO `thresholdMetric`): one metric whose data points are compared with the
 * objective's `op` and `value` (threshold.ts turns them into per-minute good/total counts).
 */
export interface ThresholdIndicator extends OpenSloMetadata {
  readonly kind: 'threshold';
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly source: MetricSource;
}

/** Ratio SLIs carry no `kind` (as stored before threshold SLIs existed). */
export type SloIndicator = RatioIndicator | ThresholdIndicator;

export function isThresholdIndicator(indicator: SloIndicator): indicator is ThresholdIndicator {
  return 'kind' in indicator && indicator.kind === 'threshold';
}

export interface SloSpec extends OpenSloMetadata {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly service: string;
  /** A ratio SLI, or a threshold SLI (then `objectiveOp` and `objectiveValue` are set). */
  readonly indicator: SloIndicator;
  /** Set when the indicator was a separate `kind: SLI` document referenced by name. */
  readonly indicatorRef?: string;
  /** The objective's target as a fraction, e.g. 0.999. */
  readonly target: number;
  /** The objective's `displayName` in the OpenSLO file, if it had one. */
  readonly objectiveDisplayName?: string;
  /** Whether the file wrote `targetPercent` (kept for round trips). */
  readonly targetAsPercent?: boolean;
  /**
   * The objective's `op` and `value` as written: required with a threshold SLI (a data point is
   * good when `point op value`), kept but unused with a ratio SLI.
   */
  readonly objectiveOp?: ObjectiveOp;
  readonly objectiveValue?: number;
  /** `spec.alertPolicies` as written (inline policies or `alertPolicyRef`s), exported again. */
  readonly alertPolicies?: readonly Readonly<Record<string, unknown>>[];
  readonly window: SloWindow;
  readonly budgeting: BudgetingMethod;
  /** Overrides the multiwindow alert table (alert-table.ts) for this SLO. */
  readonly alertRules?: readonly BurnRateAlertRule[];
  /**
   * The named alert table chosen for this SLO (annotation `ballast/alert-table`), when not the
   * default; `alertRulesOf` uses it when `alertRules` is unset.
   */
  readonly alertTable?: AlertTableName;
}

/** An OpenSLO document of a kind Ballast does not model (DataSource, AlertPolicy, …), as written. */
export interface KeptDocument {
  readonly kind: string;
  readonly name: string;
  readonly document: Readonly<Record<string, unknown>>;
}

/** OpenSLO objective operators (README "Objectives"). */
export type ObjectiveOp = 'lte' | 'gte' | 'lt' | 'gt';

export interface ServiceSpec extends OpenSloMetadata {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
}

/**
 * Four weeks: every window then holds the same number of each weekday ("Implementing SLOs", SRE
 * Workbook ch. 2, recommends a four-week rolling window as a general-purpose default).
 */
export const DEFAULT_WINDOW: SloWindow = { kind: 'rolling', days: 28 };

/** Writes a window the way the JSON report does: `28d`, `month`, `quarter`. */
export function windowLabel(window: SloWindow): string {
  return window.kind === 'rolling' ? `${window.days}d` : window.unit;
}
