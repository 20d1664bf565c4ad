/**
 * What the tools write (issue 20): the list form, DataSource references, labels and annotations,
 * `op`/`value`, bare-number slice windows, the spec's value ranges, and the alert-table annotation.
 */
import { describe, expect, it } from 'vitest';
import { SLOTH_ALERT_RULES, WORKBOOK_ALERT_RULES } from '../alert-table';
import { metricSourceType, type RatioIndicator } from '../spec';
import { alertRulesOf } from '../status';
import { parseOpenSlo, type OpenSloBundle } from './parse';
import { writeOpenSlo } from './write';

function parsed(text: string): OpenSloBundle {
  const result = parseOpenSlo(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.bundle;
}

const issuesOf = (text: string) => {
  const result = parseOpenSlo(text);
  return result.ok ? [] : result.issues;
};

const indicator = (source = 'type: Prometheus') => `indicator:
  metadata:
    name: web-requests
  spec:
    ratioMetric:
      good:
        metricSource:
          ${source}
          spec:
            query: good
      total:
        metricSource:
          ${source}
          spec:
            query: total`;

/** An SLO document; `objective` lines go under `- `, `extra` at the end of `spec`. */
const slo = (
  objective: string,
  { meta = '', method = 'Occurrences', source = undefined as string | undefined } = {},
) =>
  `apiVersion: openslo/v1
kind: SLO
metadata:
  name: web
${meta}spec:
  service: web
${indicator(source).replace(/^/gm, '  ')}
  budgetingMethod: ${method}
  objectives:
    - ${objective.split('\n').join('\n      ')}
`;

describe('the list form', () => {
  const list = `- apiVersion: openslo/v1
  kind: Service
  metadata:
    name: web
- ${slo('target: 0.99').replace(/\n(?=.)/g, '\n  ')}`;

  it('reads each item as a document', () => {
    const bundle = parsed(list);
    expect([bundle.services.map((s) => s.name), bundle.slos.map((s) => s.name)]).toEqual([
      ['web'],
      ['web'],
    ]);
  });

  it('numbers the items as documents and finds their lines', () => {
    expect(issuesOf(list.replace('target: 0.99', 'target: 1'))).toEqual([
      {
        document: 'document 2 (SLO web)',
        path: 'spec.objectives[0].target',
        message: 'number 1 is not allowed: a number from 0 up to but excluding 1, e.g. 0.999',
        line: 28,
      },
    ]);
  });
});

describe('metric sources', () => {
  const dataSource = `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prom
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus:9090
---
`;

  it('takes the type from the DataSource a metricSourceRef names, and writes back only the ref', () => {
    const text = dataSource + slo('target: 0.99', { source: 'metricSourceRef: prom' });
    const bundle = parsed(text);
    const source = (bundle.slos[0]!.indicator as RatioIndicator).numerator;
    expect([source.type, metricSourceType(source)]).toEqual([undefined, 'Prometheus']);
    expect(writeOpenSlo(bundle)).not.toContain(
      'type: Prometheus\n          spec:\n            query: good',
    );
    expect(parsed(writeOpenSlo(bundle))).toEqual(bundle);
  });

  it('accepts a metricSourceRef to a DataSource outside the file, with no known type', () => {
    const { indicator } = parsed(slo('target: 0.99', { source: 'metricSourceRef: elsewhere' }))
      .slos[0]!;
    const source = (indicator as RatioIndicator).numerator;
    expect(metricSourceType(source)).toBeNull();
  });

  it('reports one problem, not a follow-on "names no SLI document", when the referenced SLI is broken', () => {
    const text = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: web-requests
spec:
  ratioMetric:
    good:
      metricSource:
        spec: { query: good }
    total:
      metricSource:
        type: Prometheus
        spec: { query: total }
---
${slo('target: 0.99').replace(/ {2}indicator:[\s\S]*?query: total\n/, '  indicatorRef: web-requests\n')}`;
    expect(issuesOf(text).map((i) => [i.document, i.path])).toEqual([
      ['document 1 (SLI web-requests)', 'spec.ratioMetric.good.metricSource.type'],
    ]);
  });
});

describe('objectives', () => {
  it.each([
    ['target: 0', 0],
    ['targetPercent: 0', 0],
    ['target: 0.999', 0.999],
    ['targetPercent: 99.95', 0.9995],
  ])('reads %s as %d', (objective, target) => {
    expect(parsed(slo(objective)).slos[0]!.target).toBe(target);
  });

  it('refuses a targetPercent below 100 that 15 significant digits make 100%', () => {
    expect(issuesOf(slo('targetPercent: 99.99999999999996')).map((i) => i.message)).toEqual([
      'number 99.99999999999996 is too close to 100: Ballast keeps 15 significant digits, which make it 100%; allowed: below 100, e.g. 99.9999',
    ]);
  });

  it('keeps op and value on a ratio SLO and writes them again', () => {
    const bundle = parsed(slo('op: gt\nvalue: 1\ntarget: 0.99'));
    expect([bundle.slos[0]!.objectiveOp, bundle.slos[0]!.objectiveValue]).toEqual(['gt', 1]);
    expect(writeOpenSlo(bundle)).toContain('op: gt\n      value: 1\n');
  });

  it.each([
    ['timeSliceWindow: 1', true],
    ['timeSliceWindow: 1m', true],
  ])('accepts Timeslices with %s', (window) => {
    expect(
      parsed(slo(`target: 0.99\ntimeSliceTarget: 0.9\n${window}`, { method: 'Timeslices' }))
        .slos[0]!.budgeting,
    ).toEqual({
      method: 'Timeslices',
      sliceTarget: 0.9,
    });
  });

  it.each([
    [
      '5m',
      'string "5m" is valid OpenSLO, but Ballast\'s SLI data is per minute: only 1m (or 1) is supported',
    ],
    [
      '5',
      "number 5 is valid OpenSLO, but Ballast's SLI data is per minute: only 1m (or 1) is supported",
    ],
    [
      '60s',
      'string "60s" is not allowed: a whole number of minutes or a duration-shorthand (a positive integer and one of m, h, d, w, M, Q, Y); Ballast supports 1m',
    ],
    [
      '1.5',
      'number 1.5 is not allowed: a whole number of minutes or a duration-shorthand (a positive integer and one of m, h, d, w, M, Q, Y); Ballast supports 1m',
    ],
  ])('refuses timeSliceWindow: %s', (window, message) => {
    const text = slo(`target: 0.99\ntimeSliceTarget: 0.9\ntimeSliceWindow: ${window}`, {
      method: 'Timeslices',
    });
    expect(issuesOf(text).map((i) => [i.path, i.message])).toEqual([
      ['spec.objectives[0].timeSliceWindow', message],
    ]);
  });

  it('says how many objectives a list of two has, and why Ballast takes one', () => {
    const text = slo('target: 0.99').replace(
      '    - target: 0.99',
      '    - target: 0.99\n    - target: 0.95',
    );
    expect(issuesOf(text).map((i) => i.message)).toEqual([
      'has 2 objectives; OpenSLO allows several on a ratioMetric SLO, but Ballast budgets each SLO against one: write one SLO per objective',
    ]);
  });
});

describe('labels, annotations and descriptions', () => {
  const meta = `  labels:
    team: [identity, rbac]
    tier: "1"
  annotations:
    example.org/runbook: https://runbooks.example.org
`;

  it('keeps labels and annotations and writes them again', () => {
    const bundle = parsed(slo('target: 0.99', { meta }));
    expect([bundle.slos[0]!.labels, bundle.slos[0]!.annotations]).toEqual([
      { team: ['identity', 'rbac'], tier: '1' },
      { 'example.org/runbook': 'https://runbooks.example.org' },
    ]);
    expect(parsed(writeOpenSlo(bundle))).toEqual(bundle);
  });

  it('refuses a description over 1050 characters and accepts 1050', () => {
    const withDescription = (n: number) =>
      slo('target: 0.99').replace(
        '  service: web',
        `  description: ${'x'.repeat(n)}\n  service: web`,
      );
    expect(parsed(withDescription(1050)).slos[0]!.description).toHaveLength(1050);
    expect(issuesOf(withDescription(1051)).map((i) => [i.path, i.message])).toEqual([
      ['spec.description', 'has 1051 characters; OpenSLO allows at most 1050'],
    ]);
  });
});

describe('the alert table of an SLO', () => {
  it.each([
    ['', SLOTH_ALERT_RULES],
    ['  annotations:\n    ballast/alert-table: sloth\n', SLOTH_ALERT_RULES],
    ['  annotations:\n    ballast/alert-table: workbook\n', WORKBOOK_ALERT_RULES],
  ])('metadata %j selects its table', (meta, rules) => {
    const spec = parsed(slo('target: 0.99', { meta })).slos[0]!;
    expect(alertRulesOf(spec)).toBe(rules);
    expect(parsed(writeOpenSlo({ services: [], indicators: [], slos: [spec] })).slos[0]).toEqual(
      spec,
    );
  });
});

describe('threshold (latency) SLIs', () => {
  const thresholdSli = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: web-p99
spec:
  thresholdMetric:
    metricSource:
      type: Prometheus
      spec:
        query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))
---
`;
  const byRef = (objective: string) =>
    thresholdSli +
    slo(objective).replace(/ {2}indicator:[\s\S]*?query: total\n/, '  indicatorRef: web-p99\n');

  it('reads a thresholdMetric SLI with the objective’s op and value, and writes it back', () => {
    const bundle = parsed(byRef('op: lt\nvalue: 0.3\ntarget: 0.99'));
    const spec = bundle.slos[0]!;
    expect([spec.indicator, spec.objectiveOp, spec.objectiveValue]).toEqual([
      {
        kind: 'threshold',
        name: 'web-p99',
        source: {
          type: 'Prometheus',
          spec: {
            query:
              'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))',
          },
        },
      },
      'lt',
      0.3,
    ]);
    expect(parsed(writeOpenSlo(bundle))).toEqual(bundle);
  });

  it('needs op and value on the objective of an SLO whose referenced SLI is a threshold', () => {
    expect(issuesOf(byRef('target: 0.99')).map((i) => [i.document, i.path])).toEqual([
      ['document 2 (SLO web)', 'spec.objectives[0].op'],
      ['document 2 (SLO web)', 'spec.objectives[0].value'],
    ]);
  });

  it('refuses an SLI with both ratioMetric and thresholdMetric', () => {
    const both = thresholdSli
      .replace('  thresholdMetric:', '  ratioMetric: {}\n  thresholdMetric:')
      .replace('---\n', '');
    expect(issuesOf(both).map((i) => [i.path, i.message])).toEqual([
      [
        'spec',
        'needs exactly one of ratioMetric or thresholdMetric ("either thresholdMetric or ratioMetric must be provided"); got both',
      ],
    ]);
  });
});
