import { describe, expect, it } from 'vitest';
import type { SloDefinition } from '../../contract/slo';
import type { SloSpec } from '../../domain/slo';
import { definitionOf, specFromDefinition } from './slo-form';

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
    const form = definitionOf(DATADOG);
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
      ...definitionOf(DATADOG),
      numerator: { type: 'Prometheus', query: 'sum(errors_total)' },
    };
    const read = specFromDefinition(form, DATADOG);
    expect(read.ok && read.spec.indicator.numerator).toEqual({
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
    const read = specFromDefinition({ ...definitionOf(DATADOG), ...change });
    expect(read).toMatchObject({ ok: false, field });
    expect(!read.ok && read.message).toMatch(message);
  });
});
