/**
 * README's retention table says what src/domain/retention.ts enforces (issue #24 item 3): row for
 * row the same figures and words, so the stated retention cannot drift from the job's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { retentionTable } from '../../src/domain/retention';

/** The cells of a Markdown table's body rows, trimmed (prettier pads them). */
const rows = (table: string): string[][] =>
  table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );

describe("README's retention table", () => {
  it('is exactly RETENTION, row for row', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('| data ');
    expect(start, 'README has the retention table').toBeGreaterThan(0);
    const end = readme.indexOf('\n\n', start);
    expect(rows(readme.slice(start, end))).toEqual(rows(retentionTable()));
  });
});
