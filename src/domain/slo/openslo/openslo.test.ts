import { describe, expect, it } from 'vitest';
import { parseOpenSlo, type OpenSloBundle } from './parse';
import { writeOpenSlo } from './write';
import { OPENSLO_EXAMPLE as fixture } from '../testing/openslo-example';
import { sloSpec } from '../testing/generators';
import type { RatioIndicator } from '../spec';

function parsed(text: string): OpenSloBundle {
  const result = parseOpenSlo(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.bundle;
}

const slo = (spec: string, name = 'x') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
${spec}`;

const valid = `  service: web
  indicator:
    metadata:
      name: web-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: good
        total:
          metricSource:
            type: Prometheus
            spec:
              query: total
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`;

describe('OpenSLO reading', () => {
  const bundle = parsed(fixture);

  it('reads services, SLIs and SLOs from one multi-document file', () => {
    expect([
      bundle.services.map((s) => s.name),
      bundle.indicators.map((s) => s.name),
      bundle.slos.map((s) => s.name),
    ]).toEqual([
      ['checkout', 'search'],
      ['checkout-requests'],
      ['checkout-availability', 'checkout-minutes', 'search-latency'],
    ]);
  });

  it.each([
    [
      'checkout-availability',
      0.999,
      { kind: 'rolling', days: 28 },
      { method: 'Occurrences' },
      'good',
    ],
    [
      'checkout-minutes',
      0.995,
      {
        kind: 'calendar',
        unit: 'month',
        timeZone: 'Europe/Berlin',
        startTime: '2026-01-01 00:00:00',
      },
      { method: 'Timeslices', sliceTarget: 0.95 },
      'good',
    ],
    ['search-latency', 0.99, { kind: 'rolling', days: 30 }, { method: 'Occurrences' }, 'bad'],
  ])('reads %s with target %d', (name, target, window, budgeting, counts) => {
    const spec = bundle.slos.find((s) => s.name === name)!;
    expect([
      spec.target,
      spec.window,
      spec.budgeting,
      (spec.indicator as RatioIndicator).counts,
    ]).toEqual([target, window, budgeting, counts]);
  });

  it('resolves an indicatorRef to the SLI document and remembers the reference', () => {
    const spec = bundle.slos[0]!;
    expect([spec.indicatorRef, spec.indicator.displayName]).toEqual([
      'checkout-requests',
      'Checkout HTTP requests',
    ]);
  });

  it('defaults a missing timeWindow to a rolling 28 days', () => {
    const text = slo(
      valid.replace('  timeWindow:\n    - duration: 28d\n      isRolling: true\n', ''),
    );
    expect(text).not.toContain('timeWindow');
    expect(parsed(text).slos[0]!.window).toEqual({ kind: 'rolling', days: 28 });
  });

  it('reads weeks as whole days', () => {
    const spec = parsed(slo(valid.replace('28d', '4w'))).slos[0]!;
    expect(spec.window).toEqual({ kind: 'rolling', days: 28 });
  });
});

describe('OpenSLO round trip', () => {
  it('reads back what it writes, for the fixture file', () => {
    const bundle = parsed(fixture);
    expect(parsed(writeOpenSlo(bundle))).toEqual(bundle);
  });

  it('writes the same text again from what it read back', () => {
    const once = writeOpenSlo(parsed(fixture));
    expect(writeOpenSlo(parsed(once))).toBe(once);
  });

  it('keeps a generated SLO with an inline indicator and its metric sources', () => {
    const bundle: OpenSloBundle = {
      services: [],
      indicators: [],
      slos: [sloSpec({ name: 'api', description: 'API' })],
    };
    expect(parsed(writeOpenSlo(bundle))).toEqual(bundle);
  });

  it('quotes the calendar start time so YAML 1.1 readers keep it a string', () => {
    expect(writeOpenSlo(parsed(fixture))).toContain('startTime: "2026-01-01 00:00:00"');
  });
});

describe('OpenSLO errors name the document, field path, what is allowed and the line', () => {
  it.each([
    [
      'a wrong apiVersion',
      `apiVersion: openslo/v2\nkind: SLO\n`,
      'document 1',
      'apiVersion',
      'string "openslo/v2" is not allowed: openslo/v1',
      1,
    ],
    [
      'an unknown kind',
      `apiVersion: openslo/v1\nkind: Alert\n`,
      'document 1',
      'kind',
      'string "Alert" is not allowed: SLO, SLI, Service, DataSource, AlertPolicy, AlertCondition, AlertNotificationTarget',
      2,
    ],
    [
      'a target above 1',
      slo(valid.replace('target: 0.999', 'target: 99.9')),
      'document 1 (SLO x)',
      'spec.objectives[0].target',
      'number 99.9 is not allowed: a number from 0 up to but excluding 1, e.g. 0.999',
      28,
    ],
    [
      'an unknown budgeting method',
      slo(valid.replace('Occurrences', 'Weekly')),
      'document 1 (SLO x)',
      'spec.budgetingMethod',
      'string "Weekly" is not allowed: Occurrences or Timeslices (OpenSLO also defines RatioTimeslices)',
      26,
    ],
    [
      'RatioTimeslices, valid OpenSLO that Ballast does not budget',
      slo(valid.replace('Occurrences', 'RatioTimeslices')),
      'document 1 (SLO x)',
      'spec.budgetingMethod',
      'RatioTimeslices is valid OpenSLO v1, but Ballast budgets Occurrences or Timeslices only',
      26,
    ],
    [
      'a missing budgeting method',
      slo(valid.replace('  budgetingMethod: Occurrences\n', '')),
      'document 1 (SLO x)',
      'spec.budgetingMethod',
      'is required: Occurrences or Timeslices',
      5,
    ],
    [
      'a rolling window in hours',
      slo(valid.replace('28d', '36h')),
      'document 1 (SLO x)',
      'spec.timeWindow[0].duration',
      '"36h" is not allowed for a rolling window: whole days or weeks, e.g. 28d, 30d, 4w',
      24,
    ],
    [
      'an unknown time zone',
      slo(
        valid.replace(
          '    - duration: 28d\n      isRolling: true',
          '    - duration: 1M\n      isRolling: false\n      calendar:\n        startTime: "2026-01-01 00:00:00"\n        timeZone: Mars/Olympus',
        ),
      ),
      'document 1 (SLO x)',
      'spec.timeWindow[0].calendar.timeZone',
      '"Mars/Olympus" is not allowed: an IANA time zone such as UTC or Europe/Berlin',
      28,
    ],
    [
      'a threshold metric written with ratio fields',
      slo(valid.replace('ratioMetric:', 'thresholdMetric:')),
      'document 1 (SLO x)',
      'spec.indicator.spec.thresholdMetric.counter',
      'unsupported field; allowed here: metricSource',
      12,
    ],
    [
      'Timeslices without a slice target',
      slo(valid.replace('Occurrences', 'Timeslices')),
      'document 1 (SLO x)',
      'spec.objectives[0].timeSliceTarget',
      'is required for Timeslices: the share of good events that makes a slice good, greater than 0 and at most 1',
      28,
    ],
    [
      'a missing service',
      slo(valid.replace('  service: web\n', '')),
      'document 1 (SLO x)',
      'spec.service',
      'is required: a non-empty string',
      5,
    ],
    [
      'an indicatorRef to nothing',
      slo('  service: web\n  indicatorRef: nope\n' + valid.slice(valid.indexOf('  timeWindow'))),
      'document 1 (SLO x)',
      'spec.indicatorRef',
      '"nope" names no SLI document in this file; allowed: none defined',
      7,
    ],
    [
      'a name with capitals',
      slo(valid, 'Checkout'),
      'document 1 (SLO)',
      'metadata.name',
      '"Checkout" is not allowed: lowercase letters, digits and "-", at most 63, starting and ending with a letter or digit',
      4,
    ],
  ])('rejects %s', (_, text, document, path, message, line) => {
    const result = parseOpenSlo(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toContainEqual({ document, path, message, line });
  });

  it('reports a YAML syntax error with its line', () => {
    const result = parseOpenSlo('apiVersion: openslo/v1\nkind: SLO\nkind: SLI\n');
    expect(result.ok ? null : result.issues[0]).toEqual({
      document: 'document 1',
      path: '',
      message: 'YAML syntax: Map keys must be unique',
      line: 3,
    });
  });

  it('reports problems in the second document as document 2', () => {
    const result = parseOpenSlo(`${slo(valid)}\n---\n${slo(valid.replace('28d', '0d'), 'y')}`);
    expect(result.ok ? [] : result.issues.map((i) => [i.document, i.path])).toEqual([
      ['document 2 (SLO y)', 'spec.timeWindow[0].duration'],
    ]);
  });

  it('rejects two SLOs with the same name', () => {
    const result = parseOpenSlo(`${slo(valid)}\n---\n${slo(valid)}`);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      'is defined twice; SLO names must be unique in a file',
    ]);
  });
});
