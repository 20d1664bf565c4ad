/**
 * `ballast slo validate` over one fixture per OpenSLO form the tools write
 * (test/fixtures/slo/openslo-forms/README.md says where each form comes from): each file's exit
 * code follows its name (`.valid` 0, `.invalid` 1) and its output is exact.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const DIR = 'test/fixtures/slo/openslo-forms';
const root = fileURLToPath(new URL('../../', import.meta.url));

async function validate(file: string) {
  let out = '';
  const code = await main(['slo', 'validate', file], {
    readFile: (path) => readFileSync(`${root}${path}`, 'utf8'),
    stdout: (text) => (out += text),
    stderr: (text) => (out += text),
  });
  const lines = out
    .trimEnd()
    .split('\n')
    .filter((line) => !/: \d+ problems?$/.test(line))
    .map((line) => line.replace(file, ''));
  return { code, lines };
}

/** File, exit code, output lines with the path left out (the problem count line too). */
const EXPECTED: readonly [string, number, readonly string[]][] = [
  [
    'alert-table-workbook.valid.yaml',
    0,
    [': valid OpenSLO v1 — 1 SLO, 0 SLI, 0 Service, 1 AlertPolicy'],
  ],
  [
    'alert-table.invalid.yaml',
    1,
    [
      ":7: document 1 (SLO checkout-availability): metadata.annotations.ballast/alert-table: \"pyrra\" is not allowed: sloth (Ballast's default: Sloth's four rows) or workbook (the SRE Workbook's table 5-8, three rows)",
    ],
  ],
  [
    'budgeting-missing.invalid.yaml',
    1,
    [
      ':6: document 1 (SLO web-availability): spec.budgetingMethod: is required: Occurrences or Timeslices',
    ],
  ],
  ['description-1050.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 0 SLI, 0 Service']],
  [
    'description-1051.invalid.yaml',
    1,
    [
      ':7: document 1 (SLO web-availability): spec.description: has 1051 characters; OpenSLO allows at most 1050',
    ],
  ],
  [
    'labels-annotations.invalid.yaml',
    1,
    [
      ':8: document 1 (Service checkout): metadata.labels.tier: must be a string or a list of strings (OpenSLO map[string]string|string[]), got number 1; quote numbers and booleans',
      ':10: document 1 (Service checkout): metadata.annotations.example.org/-runbook: the annotation key "example.org/-runbook" is not allowed: an optional prefix (a DNS subdomain of at most 253 characters) and "/", then a name of at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
    ],
  ],
  ['labels-annotations.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 0 SLI, 1 Service']],
  [
    'list-form.invalid.yaml',
    1,
    [':12: document 2 (SLO payments-availability): spec.service: is required: a non-empty string'],
  ],
  ['list-form.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 1 SLI, 1 Service']],
  [
    'metric-source-ref.invalid.yaml',
    1,
    [
      ':10: document 1 (SLI api-requests): spec.ratioMetric.good.metricSource.type: is required without metricSourceRef: the metric source type, e.g. Prometheus (or name a DataSource with metricSourceRef)',
    ],
  ],
  [
    'metric-source-ref.valid.yaml',
    0,
    [': valid OpenSLO v1 — 1 SLO, 1 SLI, 0 Service, 1 DataSource'],
  ],
  ['multi-document.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 0 SLI, 2 Service']],
  [
    'ratio-op.invalid.yaml',
    1,
    [
      ':25: document 1 (SLO web-availability): spec.objectives[0].op: string "<=" is not allowed: lte, gte, lt, gt',
    ],
  ],
  ['ratio-op.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 0 SLI, 0 Service']],
  [
    'target-percent-100.invalid.yaml',
    1,
    [
      ':25: document 1 (SLO web-perfect): spec.objectives[0].targetPercent: number 100 is not allowed: a number from 0 up to but excluding 100, e.g. 99.9',
    ],
  ],
  ['target-zero.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 0 SLI, 0 Service']],
  ['threshold-metric.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 0 SLI, 0 Service']],
  [
    'threshold-no-op.invalid.yaml',
    1,
    [
      ':24: document 1 (SLO search-latency): spec.objectives[0].op: is required with a thresholdMetric SLI (search-p99): lte, gte, lt or gt',
      ':24: document 1 (SLO search-latency): spec.objectives[0].value: is required with a thresholdMetric SLI (search-p99): the number each data point is compared with',
    ],
  ],
  ['timeslice-window-number.valid.yaml', 0, [': valid OpenSLO v1 — 1 SLO, 0 SLI, 0 Service']],
  [
    'timeslices-no-window.invalid.yaml',
    1,
    [
      ':26: document 1 (SLO web-minutes): spec.objectives[0].timeSliceWindow: is required for Timeslices: the slice length, 1m (or 1, in minutes)',
    ],
  ],
  [
    'two-objectives.invalid.yaml',
    1,
    [
      ':26: document 1 (SLO web-availability): spec.objectives: has 2 objectives; OpenSLO allows several on a ratioMetric SLO, but Ballast budgets each SLO against one: write one SLO per objective',
    ],
  ],
];

describe('ballast slo validate on the OpenSLO forms', () => {
  it('has an expectation for every fixture file, and each name says its verdict', () => {
    const files = readdirSync(`${root}${DIR}`).filter((f) => f.endsWith('.yaml'));
    expect(EXPECTED.map(([file]) => file)).toEqual(files.sort());
    for (const [file, code] of EXPECTED)
      expect([file, code]).toEqual([file, file.includes('.valid.') ? 0 : 1]);
  });

  it.each(EXPECTED)('%s: exit %d with %j', async (file, code, lines) => {
    expect(await validate(`${DIR}/${file}`)).toEqual({ code, lines });
  });
});
