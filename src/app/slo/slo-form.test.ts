import { describe, expect, it } from 'vitest';
import type { SloDefinition } from '../../contract/slo';
import type { RatioIndicator, SloSpec } from '../../domain/slo';
import { definitionOf, specFromDefinition } from './slo-form';

/** The form of a ratio SLO (definitionOf is null only for threshold SLIs). */
function formOf(spec: SloSpec): SloDefinition {
  const form = definitionOf(spec);
  if (form === null) throw new Error(`${spec.name} has no form`);
  return form;
}

const DATADOG: SloSpec = {
  name: 'api-availability',
  service: 'api',
  indicator: {
    name: 'api-requests',
    counts: 'bad',
    numerator: {
      metricSourceRef: 'datadog-prod',
      type: 'Datadog',
      spec: { query: 'sum:api.errors{*}.as_count()', site: 'eu' },
    },
    total: { type: 'Datadog', spec: { query: 'sum:api.requests{*}.as_count()' } },
    counter: false,
  },
  target: 0.995,
  objectiveDisplayName: 'Available',
  window: { kind: 'rolling', days: 7 },
  budgeting: { method: 'Timeslices', sliceTarget: 0.9 },
};

describe('the SLO form against the OpenSLO reader', () => {
  it('gives a stored SLO back unchanged when nothing was edited, keeping what the form does not show', () => {
    const form = formOf(DATADOG);
    expect(form).toMatchObject({
      counts: 'bad',
      numerator: { type: 'Datadog', query: 'sum:api.errors{*}.as_count()' },
      targetPercent: 99.5,
      window: { kind: 'rolling', days: 7 },
      timeSlicePercent: 90,
    });
    expect(specFromDefinition(form, DATADOG)).toEqual({ ok: true, spec: DATADOG });
  });

  it('drops a source’s other spec keys when its type changes', () => {
    const form: SloDefinition = {
      ...formOf(DATADOG),
      numerator: { type: 'Prometheus', query: 'sum(errors_total)' },
    };
    const read = specFromDefinition(form, DATADOG);
    expect(read.ok && (read.spec.indicator as RatioIndicator).numerator).toEqual({
      type: 'Prometheus',
      spec: { query: 'sum(errors_total)' },
    });
  });

  it.each<[string, Partial<SloDefinition>, string, RegExp]>([
    ['a name with capitals', { name: 'API' }, 'name', /^Name: "API" is not allowed/],
    ['a blank service', { service: '' }, 'service', /^Service: is required/],
    [
      'a blank source type',
      { total: { type: '', query: 'x' } },
      'total.type',
      /^Source of the total/,
    ],
    [
      'a target of 100%',
      { targetPercent: 100 },
      'targetPercent',
      /^Objective: number 100 is not allowed/,
    ],
    [
      'a bad month',
      { window: { kind: 'calendar', unit: 'month', timeZone: 'UTC', startMonth: '2026-13' } },
      'window.startMonth',
      /^Counted from/,
    ],
  ])('names the field of %s', (_what, change, field, message) => {
    const read = specFromDefinition({ ...formOf(DATADOG), ...change });
    expect(read).toMatchObject({ ok: false, field });
    expect(!read.ok && read.message).toMatch(message);
  });

  it('keeps labels, annotations, alert policies, op and value that the form does not show', () => {
    const imported: SloSpec = {
      ...DATADOG,
      labels: { team: ['api', 'platform'] },
      annotations: { 'example.org/runbook': 'https://runbooks.example.org/api' },
      alertPolicies: [{ alertPolicyRef: 'page-api' }],
      objectiveOp: 'gt',
      objectiveValue: 1,
      indicator: { ...DATADOG.indicator, description: 'API calls', labels: { source: 'dd' } },
    };
    expect(specFromDefinition(formOf(imported), imported)).toEqual({
      ok: true,
      spec: imported,
    });
  });

  it.each([
    ['workbook', { alertTable: 'workbook', annotations: { 'ballast/alert-table': 'workbook' } }],
    ['sloth', {}],
  ] as const)('sets the alert table %s from the form', (table, expected) => {
    const read = specFromDefinition({ ...formOf(DATADOG), alertTable: table }, DATADOG);
    const { alertTable, annotations } = read.ok ? read.spec : {};
    expect({
      ...(alertTable ? { alertTable } : {}),
      ...(annotations ? { annotations } : {}),
    }).toEqual(expected);
  });

  it('writes the default table into an annotation that the imported file already had', () => {
    const imported: SloSpec = {
      ...DATADOG,
      alertTable: 'workbook',
      annotations: { 'ballast/alert-table': 'workbook', owner: 'api-team' },
    };
    const read = specFromDefinition({ ...formOf(imported), alertTable: 'sloth' }, imported);
    expect(read.ok && [read.spec.alertTable, read.spec.annotations]).toEqual([
      undefined,
      { 'ballast/alert-table': 'sloth', owner: 'api-team' },
    ]);
  });

  it('keeps the SLO’s table when the form sends none', () => {
    const imported: SloSpec = {
      ...DATADOG,
      alertTable: 'workbook',
      annotations: { 'ballast/alert-table': 'workbook' },
    };
    const form: SloDefinition = { ...formOf(imported) };
    delete (form as { alertTable?: unknown }).alertTable;
    expect(specFromDefinition(form, imported)).toEqual({ ok: true, spec: imported });
  });
});

/** A latency SLO as imported: a shared SLI document, labels, another source key, Timeslices. */
const LATENCY: SloSpec = {
  name: 'api-p99',
  service: 'api',
  indicator: {
    kind: 'threshold',
    name: 'api-latency',
    labels: { team: 'edge' },
    source: {
      type: 'Prometheus',
      spec: {
        query: 'histogram_quantile(0.99, sum by (le) (rate(api_duration_seconds_bucket[1m])))',
        timeout: '10s',
      },
    },
  },
  indicatorRef: 'api-latency',
  target: 0.99,
  objectiveOp: 'lt',
  objectiveValue: 0.3,
  window: { kind: 'rolling', days: 28 },
  budgeting: { method: 'Timeslices', sliceTarget: 1 },
};

describe('the SLO form with a threshold (latency) SLI', () => {
  it('shows the query, op and threshold, and gives the SLO back unchanged when nothing was edited', () => {
    const form = formOf(LATENCY);
    expect(form).toMatchObject({
      indicatorKind: 'threshold',
      threshold: {
        type: 'Prometheus',
        query: 'histogram_quantile(0.99, sum by (le) (rate(api_duration_seconds_bucket[1m])))',
        op: 'lt',
        value: 0.3,
      },
      budgetingMethod: 'Timeslices',
      timeSlicePercent: 100,
    });
    expect(specFromDefinition(form, LATENCY)).toEqual({ ok: true, spec: LATENCY });
  });

  it('saves a changed threshold and op; the SLI, unchanged, keeps its shared document', () => {
    const form: SloDefinition = {
      ...formOf(LATENCY),
      threshold: { ...formOf(LATENCY).threshold!, op: 'lte', value: 0.25 },
      budgetingMethod: 'Occurrences',
      timeSlicePercent: null,
    };
    expect(specFromDefinition(form, LATENCY)).toEqual({
      ok: true,
      spec: {
        ...LATENCY,
        objectiveOp: 'lte',
        objectiveValue: 0.25,
        budgeting: { method: 'Occurrences' },
      },
    });
  });

  it('makes a changed query the SLO’s own SLI, keeping the source’s other keys', () => {
    const query = 'histogram_quantile(0.95, sum by (le) (rate(api_duration_seconds_bucket[1m])))';
    const form: SloDefinition = {
      ...formOf(LATENCY),
      threshold: { ...formOf(LATENCY).threshold!, query },
    };
    const read = specFromDefinition(form, LATENCY);
    expect(read.ok && read.spec.indicator).toEqual({
      kind: 'threshold',
      name: 'api-p99',
      source: { type: 'Prometheus', spec: { query, timeout: '10s' } },
    });
    expect(read.ok && read.spec.indicatorRef).toBeUndefined();
  });

  it('creates a new latency SLO from the form alone', () => {
    const form: SloDefinition = {
      ...formOf(DATADOG),
      name: 'web-p99',
      indicatorKind: 'threshold',
      threshold: { type: 'Prometheus', query: 'p99_seconds', op: 'lt', value: 0.5 },
      budgetingMethod: 'Timeslices',
      timeSlicePercent: 100,
    };
    const read = specFromDefinition(form);
    expect(read.ok && read.spec).toMatchObject({
      name: 'web-p99',
      indicator: {
        kind: 'threshold',
        source: { type: 'Prometheus', spec: { query: 'p99_seconds' } },
      },
      objectiveOp: 'lt',
      objectiveValue: 0.5,
      budgeting: { method: 'Timeslices', sliceTarget: 1 },
    });
  });

  it('turns a latency SLO into a ratio SLO, dropping the op and value it no longer uses', () => {
    const form: SloDefinition = {
      ...formOf(LATENCY),
      indicatorKind: 'ratio',
      numerator: { type: 'Prometheus', query: 'sum(fast_total)' },
      total: { type: 'Prometheus', query: 'sum(all_total)' },
    };
    const read = specFromDefinition(form, LATENCY);
    expect(read.ok && [read.spec.objectiveOp, read.spec.objectiveValue]).toEqual([
      undefined,
      undefined,
    ]);
    expect(read.ok && read.spec.indicator).toMatchObject({ name: 'api-p99', counts: 'good' });
  });

  it.each<[string, Partial<SloDefinition['threshold'] & object>, string, RegExp]>([
    ['a blank threshold', { value: null }, 'threshold.value', /^Threshold: is required/],
    ['a blank source type', { type: '' }, 'threshold.type', /^Source of the value: /],
  ])('names the field of %s', (_what, change, field, message) => {
    const base = formOf(LATENCY);
    const read = specFromDefinition({ ...base, threshold: { ...base.threshold!, ...change } });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.field).toBe(field);
    expect(read.message).toMatch(message);
  });
});
