/**
 * The SLO as Ballast models it: an OpenSLO v1 ratio SLO reduced to what the engine needs, plus the
 * metric sources kept opaque so an OpenSLO file can be written back unchanged (adapters translate
 * into this type, never the other way).
 */
import type { BurnRateAlertRule } from './alert-table';

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

/** An OpenSLO metric source, kept as written (`type` plus a free-form `spec`). */
export interface MetricSource {
  /** OpenSLO `metricSourceRef`: a DataSource defined elsewhere. */
  readonly metricSourceRef?: string;
  readonly type: string;
  readonly spec: Readonly<Record<string, unknown>>;
}

/** A ratio SLI: good/total or bad/total (OpenSLO `ratioMetric`). */
export interface RatioIndicator {
  readonly name: string;
  readonly displayName?: string;
  /** Which count the first query returns: good events, or bad events. */
  readonly counts: 'good' | 'bad';
  readonly numerator: MetricSource;
  readonly total: MetricSource;
  /** OpenSLO `ratioMetric.counter`: whether the sources are monotonic counters. */
  readonly counter: boolean;
}

export interface SloSpec {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly service: string;
  readonly indicator: RatioIndicator;
  /** Set when the indicator was a separate `kind: SLI` document referenced by name. */
  readonly indicatorRef?: string;
  /** The objective's target as a fraction, e.g. 0.999. */
  readonly target: number;
  /** The objective's `displayName` in the OpenSLO file, if it had one. */
  readonly objectiveDisplayName?: string;
  /** Whether the file wrote `targetPercent` (kept for round trips). */
  readonly targetAsPercent?: boolean;
  readonly window: SloWindow;
  readonly budgeting: BudgetingMethod;
  /** Overrides the multiwindow alert table (alert-table.ts) for this SLO. */
  readonly alertRules?: readonly BurnRateAlertRule[];
}

export interface ServiceSpec {
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
