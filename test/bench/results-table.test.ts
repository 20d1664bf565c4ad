import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../bench/harness';
import { previousRows, ratio, resultsTable } from '../../bench/results-table';

const result = (over: Partial<BenchResult> = {}): BenchResult => ({
  name: 'project-page: JS before first render',
  aim: '≤ 100 KB gzipped (issue #21)',
  timing: { runs: 5, medianMs: 250, minMs: 200, maxMs: 400, loadAvg1m: 3.25 },
  extra: { gzipped: '52.4 KB', files: 'index, OverviewPage' },
  ...over,
});

// The section as the runner wrote it before this format: six columns, no previous figures.
const OLD_SECTION = `## Custom UI bundles

\`bench/ui-bundles.bench.ts\`

| benchmark | median ms | min–max ms | runs | aim | other figures |
| --- | ---: | --- | ---: | --- | --- |
| project-page: JS before first render | 500 | 480–520 | 3 | below 250 KB | raw: 343.1 KB; gzipped: 104.8 KB; files: 3 |
`;

describe('bench/RESULTS.md rows', () => {
  it('reads the previous median and figures of the older six-column table', () => {
    const rows = previousRows(OLD_SECTION);
    const row = rows.get('project-page: JS before first render');
    expect(row?.medianMs).toBe(500);
    expect(row?.extra.get('gzipped')).toBe('104.8 KB');
  });

  it('writes the load, the previous figure and new ÷ previous beside the median and each figure in the same unit', () => {
    const table = resultsTable([result()], previousRows(OLD_SECTION), 9);
    const row = table.split('\n')[2]!;
    expect(row).toBe(
      '| project-page: JS before first render | 250 | 500 | ×0.50 | 200–400 | 5 | 3.3 | ≤ 100 KB gzipped (issue #21) | gzipped: 52.4 KB (104.8 KB, ×0.50); files: index, OverviewPage |',
    );
  });

  it('reads its own format back, so the next run compares with the figure, not with its annotation', () => {
    const first = resultsTable([result()], previousRows(OLD_SECTION), 9);
    const rows = previousRows(first);
    const row = rows.get('project-page: JS before first render');
    expect(row?.medianMs).toBe(250);
    expect(row?.extra.get('gzipped')).toBe('52.4 KB');
  });

  it('says when a row has no previous figure, no measurement or no aim, and falls back to the suite’s load', () => {
    const row = resultsTable(
      [result({ aim: ' ', timing: { runs: 0, medianMs: 0, minMs: 0, maxMs: 0 } })],
      new Map(),
      1.5,
    ).split('\n')[2]!;
    expect(row).toBe(
      '| project-page: JS before first render | — | — | — | — | 0 | 1.5 (suite start) | **no aim stated** | gzipped: 52.4 KB; files: index, OverviewPage |',
    );
  });

  it('compares only figures of the same unit, and never divides by a zero', () => {
    expect(ratio(3, 0)).toBe('—');
    expect(ratio(3, undefined)).toBe('—');
    expect(ratio(1875, 811)).toBe('×2.31');
    const table = resultsTable(
      [result({ extra: { gzipped: '52.4 MB' } })],
      previousRows(OLD_SECTION),
      1,
    );
    expect(table).toContain('gzipped: 52.4 MB |');
  });
});

describe('renamed rows', () => {
  it('compares a row with the figures it had under a former name', () => {
    const renamed = result({
      name: 'project-page: all JavaScript of the build',
      formerNames: ['project-page: JS before first render'],
    });
    const row = resultsTable([renamed], previousRows(OLD_SECTION), 1).split('\n')[2]!;
    expect(row).toContain('| 250 | 500 | ×0.50 |');
    expect(row).toContain('gzipped: 52.4 KB (104.8 KB, ×0.50)');
  });
});
