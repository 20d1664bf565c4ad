/**
 * The settings form's view of one SLO (`SloDefinition`) and back. A form value becomes an OpenSLO
 * SLO document that goes through the importer's own reader (parseOpenSlo), so the form and the
 * YAML import accept exactly the same SLOs; a problem is reported as the form field it is about.
 */
import { stringify } from 'yaml';
import type {
  SloDefinition,
  SloField,
  SloMetricSourceInput,
  SloThresholdInput,
} from '../../contract/slo';
import {
  ALERT_TABLE_ANNOTATION,
  DEFAULT_ALERT_TABLE,
  fromPercent,
  metricSourceType,
  parseOpenSlo,
  toPercent,
  type MetricSource,
  type OpenSloIssue,
  isThresholdIndicator,
  type RatioIndicator,
  type SloIndicator,
  type SloSpec,
} from '../../domain/slo';

const sourceInput = (s: MetricSource): SloMetricSourceInput => ({
  type: metricSourceType(s) ?? '',
  query: typeof s.spec.query === 'string' ? s.spec.query : '',
});

/** The ratio fields a threshold SLO's form starts with, should the person switch to a ratio. */
const BLANK_RATIO = {
  counts: 'good',
  numerator: { type: 'Prometheus', query: '' },
  total: { type: 'Prometheus', query: '' },
  counter: true,
} as const;

/** The indicator part of the form: a ratio SLI's queries, or a threshold SLI's query, op and value. */
function indicatorFields(spec: SloSpec) {
  const { indicator } = spec;
  if (!isThresholdIndicator(indicator))
    return {
      counts: indicator.counts,
      numerator: sourceInput(indicator.numerator),
      total: sourceInput(indicator.total),
      counter: indicator.counter,
    };
  const threshold: SloThresholdInput = {
    ...sourceInput(indicator.source),
    op: spec.objectiveOp ?? 'lt',
    value: spec.objectiveValue ?? null,
  };
  return { indicatorKind: 'threshold' as const, threshold, ...BLANK_RATIO };
}

/**
 * The form's values of a stored SLO (sources without a string `spec.query` show a blank query).
 * Never null today (the contract keeps null for SLOs a form might not show).
 */
export function definitionOf(spec: SloSpec): SloDefinition | null {
  const { window, budgeting } = spec;
  return {
    name: spec.name,
    displayName: spec.displayName ?? '',
    description: spec.description ?? '',
    service: spec.service,
    ...indicatorFields(spec),
    targetPercent: toPercent(spec.target),
    window:
      window.kind === 'rolling'
        ? { kind: 'rolling', days: window.days }
        : {
            kind: 'calendar',
            unit: window.unit,
            timeZone: window.timeZone,
            startMonth: window.startTime.slice(0, 7),
          },
    budgetingMethod: budgeting.method,
    timeSlicePercent: budgeting.method === 'Timeslices' ? toPercent(budgeting.sliceTarget) : null,
    alertTable: spec.alertTable ?? DEFAULT_ALERT_TABLE,
  };
}

export type SpecFromForm =
  | { readonly ok: true; readonly spec: SloSpec }
  | { readonly ok: false; readonly field: SloField | null; readonly message: string };

/**
 * The SloSpec of a form value, read by the OpenSLO importer. `existing` is the SLO being edited:
 * what the form does not show (the SLI's name, description, labels and annotations, a source's other
 * `spec` keys and `metricSourceRef`, the SLO's labels, annotations and alert policies, the
 * objective's display name, `op` and `value`, how the target was written, a shared `indicatorRef`)
 * is kept. A source's type is written as the form shows it, also when the file took it from a
 * DataSource (`metricSourceRef` without `type`).
 */
export function specFromDefinition(form: SloDefinition, existing?: SloSpec): SpecFromForm {
  const parsed = parseOpenSlo(stringify(sloDocument(form, existing), { lineWidth: 0 }));
  if (!parsed.ok) {
    const issue = parsed.issues[0] as OpenSloIssue;
    const field = fieldOfPath(issue.path, form);
    return {
      ok: false,
      field,
      message: `${field === null ? issue.path || 'The SLO' : FIELD_LABELS[field]}: ${issue.message}`,
    };
  }
  const read = parsed.bundle.slos[0]!;
  const spec: SloSpec = {
    ...read,
    ...(existing?.alertRules ? { alertRules: existing.alertRules } : {}),
  };
  // An SLO read with `indicatorRef` keeps it while its SLI is unchanged, so the export stays as
  // imported; a changed SLI becomes the SLO's own (the shared SLI document may serve others).
  if (existing?.indicatorRef) {
    if (sameJson(spec.indicator, existing.indicator))
      return { ok: true, spec: { ...spec, indicatorRef: existing.indicatorRef } };
    // Its own SLI now: named after the SLO, not after the shared SLI document it left.
    return { ok: true, spec: { ...spec, indicator: ownIndicator(spec.name, spec.indicator) } };
  }
  return { ok: true, spec };
}

/** An SLI of the SLO's own, named after it, with only what the form edits. */
function ownIndicator(name: string, indicator: SloIndicator): SloIndicator {
  if (isThresholdIndicator(indicator)) return { kind: 'threshold', name, source: indicator.source };
  const own: RatioIndicator = {
    name,
    counts: indicator.counts,
    numerator: indicator.numerator,
    total: indicator.total,
    counter: indicator.counter,
  };
  return own;
}

/** The form's labels, for messages that name a field the way the person sees it. */
export const FIELD_LABELS: Readonly<Record<SloField, string>> = {
  name: 'Name',
  displayName: 'Display name',
  description: 'Description',
  service: 'Service',
  counts: 'The first query counts',
  'numerator.type': 'Source',
  'numerator.query': 'Good (or bad) events query',
  'total.type': 'Source of the total',
  'total.query': 'Total events query',
  counter: 'Counters',
  'threshold.type': 'Source of the value',
  'threshold.query': 'Value query',
  'threshold.op': 'Good when the value is',
  'threshold.value': 'Threshold',
  targetPercent: 'Objective',
  'window.days': 'Days',
  'window.unit': 'Calendar period',
  'window.timeZone': 'Time zone',
  'window.startMonth': 'Counted from',
  budgetingMethod: 'Budgeting method',
  timeSlicePercent: 'Good minute threshold',
  alertTable: 'Alert table',
};

const isThresholdForm = (form: SloDefinition): boolean => form.indicatorKind === 'threshold';

function sloDocument(form: SloDefinition, existing: SloSpec | undefined): unknown {
  const text = (key: string, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() });
  const sourceDoc = (input: SloMetricSourceInput, kept: MetricSource | undefined) => {
    const sameType = kept !== undefined && metricSourceType(kept) === input.type.trim();
    // The form edits the query; the source's other spec keys stay as imported.
    const otherKeys = Object.fromEntries(
      Object.entries(sameType ? kept.spec : {}).filter(([key]) => key !== 'query'),
    );
    return {
      metricSource: {
        ...(sameType && kept.metricSourceRef ? { metricSourceRef: kept.metricSourceRef } : {}),
        type: input.type.trim(),
        spec: { ...otherKeys, ...text('query', input.query) },
      },
    };
  };
  // What the form does not show is kept while the SLI stays of the same kind.
  const threshold = isThresholdForm(form);
  const sameKind = existing !== undefined && isThresholdIndicator(existing.indicator) === threshold;
  const old = sameKind ? existing.indicator : undefined;
  const oldRatio = old && !isThresholdIndicator(old) ? old : undefined;
  const oldThreshold = old && isThresholdIndicator(old) ? old : undefined;
  const keptNumerator = oldRatio?.counts === form.counts ? oldRatio.numerator : undefined;
  const window = form.window;
  const percent = form.targetPercent;
  // The target is written as it was read (`target` or `targetPercent`); new SLOs use percent, as typed.
  const asPercent = existing === undefined || existing.targetAsPercent === true;
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: form.name.trim(),
      ...text('displayName', form.displayName),
      ...(existing?.labels ? { labels: existing.labels } : {}),
      ...annotationsOf(form, existing),
    },
    spec: {
      ...(existing?.alertPolicies ? { alertPolicies: existing.alertPolicies } : {}),
      ...text('description', form.description),
      ...text('service', form.service),
      indicator: {
        metadata: {
          name: old?.name ?? form.name.trim(),
          ...(old?.displayName ? { displayName: old.displayName } : {}),
          ...(old?.labels ? { labels: old.labels } : {}),
          ...(old?.annotations ? { annotations: old.annotations } : {}),
        },
        spec: {
          ...(old?.description ? { description: old.description } : {}),
          ...(threshold
            ? { thresholdMetric: sourceDoc(thresholdSource(form), oldThreshold?.source) }
            : {
                ratioMetric: {
                  counter: form.counter,
                  [form.counts]: sourceDoc(form.numerator, keptNumerator),
                  total: sourceDoc(form.total, oldRatio?.total),
                },
              }),
        },
      },
      timeWindow: [
        window.kind === 'rolling'
          ? { duration: `${window.days ?? ''}d`, isRolling: true }
          : {
              duration: window.unit === 'month' ? '1M' : '1Q',
              isRolling: false,
              calendar: {
                startTime: `${window.startMonth}-01 00:00:00`,
                timeZone: window.timeZone,
              },
            },
      ],
      budgetingMethod: form.budgetingMethod,
      objectives: [
        {
          ...(existing?.objectiveDisplayName ? { displayName: existing.objectiveDisplayName } : {}),
          ...objectiveComparison(form, sameKind ? existing : undefined),
          ...(percent === null
            ? {}
            : asPercent
              ? { targetPercent: percent }
              : { target: fromPercent(percent) }),
          ...(form.budgetingMethod === 'Timeslices'
            ? {
                ...(form.timeSlicePercent === null
                  ? {}
                  : { timeSliceTarget: fromPercent(form.timeSlicePercent) }),
                timeSliceWindow: '1m',
              }
            : {}),
        },
      ],
    },
  };
}

/** The threshold SLI's source as the form edits it (blank when the form sent none). */
const thresholdSource = (form: SloDefinition): SloMetricSourceInput => ({
  type: form.threshold?.type ?? '',
  query: form.threshold?.query ?? '',
});

/**
 * The objective's `op` and `value`: the form's for a threshold SLI (a blank value is left out, for
 * the reader to name); a ratio SLI keeps those it was imported with (the spec lists them, unused).
 */
function objectiveComparison(
  form: SloDefinition,
  kept: SloSpec | undefined,
): { op?: string; value?: number } {
  if (isThresholdForm(form)) {
    const t = form.threshold;
    return {
      ...(t?.op ? { op: t.op } : {}),
      ...(t?.value === null || t?.value === undefined ? {} : { value: t.value }),
    };
  }
  return {
    ...(kept?.objectiveOp ? { op: kept.objectiveOp } : {}),
    ...(kept?.objectiveValue === undefined ? {} : { value: kept.objectiveValue }),
  };
}

/**
 * The SLO's annotations as imported, with `ballast/alert-table` set to the form's table: written
 * when it is not the default or the file already named one, so an imported file stays as it was.
 */
function annotationsOf(
  form: SloDefinition,
  existing: SloSpec | undefined,
): { annotations?: Readonly<Record<string, string>> } {
  const kept = existing?.annotations ?? {};
  const table = form.alertTable ?? existing?.alertTable ?? DEFAULT_ALERT_TABLE;
  const named = ALERT_TABLE_ANNOTATION in kept || table !== DEFAULT_ALERT_TABLE;
  const annotations = named ? { ...kept, [ALERT_TABLE_ANNOTATION]: table } : kept;
  return Object.keys(annotations).length > 0 || existing?.annotations ? { annotations } : {};
}

/** The form field an OpenSLO problem is about, from its path in the document built above. */
function fieldOfPath(path: string, form: SloDefinition): SloField | null {
  const rules: [RegExp, SloField][] = [
    [/^metadata\.name$|^spec\.indicator\.metadata\.name$/, 'name'],
    [/^metadata\.displayName$/, 'displayName'],
    [/^metadata\.annotations\.ballast\/alert-table$/, 'alertTable'],
    [/^spec\.description$/, 'description'],
    [/^spec\.service$/, 'service'],
    [/ratioMetric\.counter$/, 'counter'],
    [/thresholdMetric\.metricSource\.spec/, 'threshold.query'],
    [/thresholdMetric/, 'threshold.type'],
    [/objectives\[0\]\.op$/, 'threshold.op'],
    [/objectives\[0\]\.value$/, 'threshold.value'],
    [/ratioMetric\.(good|bad)\.metricSource\.spec/, 'numerator.query'],
    [/ratioMetric\.(good|bad)/, 'numerator.type'],
    [/ratioMetric\.total\.metricSource\.spec/, 'total.query'],
    [/ratioMetric\.total/, 'total.type'],
    [/timeWindow\[0\]\.calendar\.timeZone$/, 'window.timeZone'],
    [/timeWindow\[0\]\.calendar/, 'window.startMonth'],
    [/timeWindow/, form.window.kind === 'rolling' ? 'window.days' : 'window.unit'],
    [/^spec\.budgetingMethod$/, 'budgetingMethod'],
    [/objectives\[0\]\.timeSlice/, 'timeSlicePercent'],
    [/objectives/, 'targetPercent'],
  ];
  return rules.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

/** Deep equality of plain JSON values, whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
