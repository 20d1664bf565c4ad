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

  it('has no form for a threshold SLO, and refuses to save one from the form', () => {
    const latency: SloSpec = {
      ...DATADOG,
      indicator: {
        kind: 'threshold',
        name: 'api-p99',
        source: { type: 'Datadog', spec: { query: 'p99' } },
      },
      objectiveOp: 'lt',
      objectiveValue: 300,
    };
    expect(definitionOf(latency)).toBeNull();
    expect(specFromDefinition(formOf(DATADOG), latency)).toEqual({
      ok: false,
      field: null,
      message:
        'SLO api-availability has a threshold (latency) SLI, which the form does not edit yet: change it in its OpenSLO file and import that.',
    });
  });
});
