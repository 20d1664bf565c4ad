/**
 * The SLO form's draft: every value as typed (numbers as text, so a blank is sent as null and the
 * backend names the field), converted to the contract's SloDefinition only when saving. Pure.
 */
import type { SloDefinition, SloField, SloThresholdOp } from '../../../src/contract/slo';

/** The burn-rate alert tables the form offers (src/domain/slo/alert-table.ts says their sources). */
export type AlertTableChoice = 'sloth' | 'workbook';

export const ALERT_TABLE_CHOICES: readonly {
  value: AlertTableChoice;
  label: string;
  detail: string;
}[] = [
  {
    value: 'sloth',
    label: 'Sloth’s four rows (default)',
    detail: 'Page at 2% of the budget in 1h or 5% in 6h; ticket at 10% in 1d or in 3d.',
  },
  {
    value: 'workbook',
    label: 'SRE Workbook, table 5-8',
    detail: 'Page at 2% of the budget in 1h or 5% in 6h; ticket at 10% in 3d.',
  },
];

/** The window as one choice: the common rolling windows, any other number of days, or a calendar. */
export type WindowChoice = '28d' | '30d' | 'rolling' | 'month' | 'quarter';

/** The comparisons a threshold SLI offers (OpenSLO `op`), as a person reads them. */
export const THRESHOLD_OPS: readonly { value: SloThresholdOp; label: string }[] = [
  { value: 'lt', label: '< (below)' },
  { value: 'lte', label: '≤ (at most)' },
  { value: 'gt', label: '> (above)' },
  { value: 'gte', label: '≥ (at least)' },
];

export interface SloDraft {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly service: string;
  /** A ratio of events, or a threshold on one metric's value (a latency SLI). */
  readonly indicatorKind: 'ratio' | 'threshold';
  readonly thresholdType: string;
  readonly thresholdQuery: string;
  readonly thresholdOp: SloThresholdOp;
  readonly thresholdValue: string;
  readonly counts: 'good' | 'bad';
  readonly numeratorType: string;
  readonly numeratorQuery: string;
  readonly totalType: string;
  readonly totalQuery: string;
  readonly counter: boolean;
  readonly targetPercent: string;
  readonly windowChoice: WindowChoice;
  readonly windowDays: string;
  readonly timeZone: string;
  readonly startMonth: string;
  readonly budgetingMethod: 'Occurrences' | 'Timeslices';
  readonly timeSlicePercent: string;
  readonly alertTable: AlertTableChoice;
}

export const WINDOW_CHOICES: readonly { value: WindowChoice; label: string }[] = [
  { value: '28d', label: 'Rolling 28 days' },
  { value: '30d', label: 'Rolling 30 days' },
  { value: 'rolling', label: 'Rolling, another number of days' },
  { value: 'month', label: 'Calendar month' },
  { value: 'quarter', label: 'Calendar quarter' },
];

/** A new SLO: Prometheus counters, 99.9% over a rolling 28 days (the SRE Workbook's default window). */
export function emptyDraft(defaults: { timeZone: string; year: number }): SloDraft {
  return {
    name: '',
    displayName: '',
    description: '',
    service: '',
    indicatorKind: 'ratio',
    thresholdType: 'Prometheus',
    thresholdQuery: '',
    thresholdOp: 'lt',
    thresholdValue: '',
    counts: 'good',
    numeratorType: 'Prometheus',
    numeratorQuery: '',
    totalType: 'Prometheus',
    totalQuery: '',
    counter: true,
    targetPercent: '99.9',
    windowChoice: '28d',
    windowDays: '28',
    timeZone: defaults.timeZone,
    startMonth: `${defaults.year}-01`,
    budgetingMethod: 'Occurrences',
    timeSlicePercent: '95',
    alertTable: 'sloth',
  };
}

/** The draft of a stored SLO, from the values the backend gave (`SloSummary.definition`). */
export function draftOf(
  slo: SloDefinition,
  defaults: { timeZone: string; year: number },
): SloDraft {
  const empty = emptyDraft(defaults);
  const { window } = slo;
  const rolling = window.kind === 'rolling' ? window.days : null;
  return {
    name: slo.name,
    displayName: slo.displayName,
    description: slo.description,
    service: slo.service,
    indicatorKind: slo.indicatorKind ?? 'ratio',
    thresholdType: slo.threshold?.type ?? empty.thresholdType,
    thresholdQuery: slo.threshold?.query ?? empty.thresholdQuery,
    thresholdOp: slo.threshold?.op ?? empty.thresholdOp,
    thresholdValue:
      slo.threshold?.value === null || slo.threshold?.value === undefined
        ? empty.thresholdValue
        : String(slo.threshold.value),
    counts: slo.counts,
    numeratorType: slo.numerator.type,
    numeratorQuery: slo.numerator.query,
    totalType: slo.total.type,
    totalQuery: slo.total.query,
    counter: slo.counter,
    targetPercent: slo.targetPercent === null ? '' : String(slo.targetPercent),
    windowChoice:
      window.kind === 'calendar'
        ? window.unit
        : rolling === 28
          ? '28d'
          : rolling === 30
            ? '30d'
            : 'rolling',
    windowDays: rolling === null ? empty.windowDays : String(rolling),
    timeZone: window.kind === 'calendar' ? window.timeZone : empty.timeZone,
    startMonth: window.kind === 'calendar' ? window.startMonth : empty.startMonth,
    budgetingMethod: slo.budgetingMethod,
    timeSlicePercent:
      slo.timeSlicePercent === null ? empty.timeSlicePercent : String(slo.timeSlicePercent),
    alertTable: slo.alertTable ?? empty.alertTable,
  };
}

/** A typed number: blank (or not a number) is null, for the backend to name. */
function numberOf(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : null;
}

export function definitionOf(draft: SloDraft): SloDefinition {
  const choice = draft.windowChoice;
  return {
    name: draft.name.trim(),
    displayName: draft.displayName,
    description: draft.description,
    service: draft.service.trim(),
    ...(draft.indicatorKind === 'threshold'
      ? {
          indicatorKind: 'threshold' as const,
          threshold: {
            type: draft.thresholdType.trim(),
            query: draft.thresholdQuery.trim(),
            op: draft.thresholdOp,
            value: numberOf(draft.thresholdValue),
          },
        }
      : {}),
    counts: draft.counts,
    numerator: { type: draft.numeratorType.trim(), query: draft.numeratorQuery.trim() },
    total: { type: draft.totalType.trim(), query: draft.totalQuery.trim() },
    counter: draft.counter,
    targetPercent: numberOf(draft.targetPercent),
    window:
      choice === 'month' || choice === 'quarter'
        ? {
            kind: 'calendar',
            unit: choice,
            timeZone: draft.timeZone.trim(),
            startMonth: draft.startMonth,
          }
        : {
            kind: 'rolling',
            days: choice === '28d' ? 28 : choice === '30d' ? 30 : numberOf(draft.windowDays),
          },
    budgetingMethod: draft.budgetingMethod,
    timeSlicePercent:
      draft.budgetingMethod === 'Timeslices' ? numberOf(draft.timeSlicePercent) : null,
    alertTable: draft.alertTable,
  };
}

/** The id of the input that shows a field the backend named (for aria-invalid and focus). */
export const FIELD_INPUT: Readonly<Record<SloField, string>> = {
  name: 'slo-name',
  displayName: 'slo-display-name',
  description: 'slo-description',
  service: 'slo-service',
  counts: 'slo-counts-good',
  'numerator.type': 'slo-numerator-type',
  'numerator.query': 'slo-numerator-query',
  'total.type': 'slo-total-type',
  'total.query': 'slo-total-query',
  counter: 'slo-counter',
  'threshold.type': 'slo-threshold-type',
  'threshold.query': 'slo-threshold-query',
  'threshold.op': 'slo-threshold-op',
  'threshold.value': 'slo-threshold-value',
  targetPercent: 'slo-target',
  'window.days': 'slo-window-days',
  'window.unit': 'slo-window',
  'window.timeZone': 'slo-time-zone',
  'window.startMonth': 'slo-start-month',
  budgetingMethod: 'slo-method-occurrences',
  timeSlicePercent: 'slo-slice-target',
  alertTable: 'slo-alert-table-sloth',
};

/** The form field a backend refusal names (`error.field`), if it is one of the form's. */
export function sloFieldOf(field: string | undefined): SloField | null {
  return field !== undefined && Object.hasOwn(FIELD_INPUT, field) ? (field as SloField) : null;
}
