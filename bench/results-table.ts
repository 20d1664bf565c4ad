/**
 * The rows of bench/RESULTS.md: each figure with the machine's load when it was measured, the
 * figure of the previous run (read from RESULTS.md before it is rewritten), the ratio new ÷
 * previous, and its aim. Pure, so test/bench/results-table.test.ts checks it without running a suite.
 */
import type { BenchResult } from './harness';

/** A row of an earlier RESULTS.md: its median and its other figures as written. */
export interface PreviousRow {
  readonly medianMs: number | undefined;
  readonly extra: ReadonlyMap<string, string>;
}

const HEADER = [
  'benchmark',
  'median ms',
  'previous ms',
  'new ÷ previous',
  'min–max ms',
  'runs',
  'load (1 min)',
  'aim',
  'other figures (previous, new ÷ previous)',
] as const;

const NUMERIC: ReadonlySet<string> = new Set([
  'median ms',
  'previous ms',
  'new ÷ previous',
  'runs',
  'load (1 min)',
]);

export const ms = (value: number): string =>
  value >= 100 ? value.toFixed(0) : value.toPrecision(3);

/** A cell's text as a number with its unit ("52.4 KB" → 52.4, "KB"), or undefined. */
function quantity(text: string): { value: number; unit: string } | undefined {
  const found = /^\s*([-+]?[\d,]*\.?\d+(?:e[-+]?\d+)?)\s*([^\d\s(;|][^(;|]*)?\s*$/i.exec(text);
  if (!found) return undefined;
  const value = Number(found[1]!.replace(/,/g, ''));
  return Number.isFinite(value) ? { value, unit: (found[2] ?? '').trim() } : undefined;
}

/** new ÷ previous, or a dash when there is no previous figure or it was 0. */
export function ratio(now: number, previous: number | undefined): string {
  if (previous === undefined || previous === 0 || !Number.isFinite(previous)) return '—';
  return `×${(now / previous).toFixed(2)}`;
}

function extraCell(result: BenchResult, previous: PreviousRow | undefined): string {
  return Object.entries(result.extra ?? {})
    .map(([key, value]) => {
      const text = String(value);
      const was = previous?.extra.get(key);
      const now = quantity(text);
      const before = was === undefined ? undefined : quantity(was);
      // Only a figure in the same unit is compared; text and changed units are written as they are.
      if (now === undefined || before === undefined || now.unit !== before.unit)
        return `${key}: ${text}`;
      return `${key}: ${text} (${was}, ${ratio(now.value, before.value)})`;
    })
    .join('; ');
}

export function resultsTable(
  results: readonly BenchResult[],
  previous: ReadonlyMap<string, PreviousRow>,
  suiteLoad: number,
): string {
  const rows = results.map((r) => {
    const t = r.timing;
    const before = [r.name, ...(r.formerNames ?? [])]
      .map((name) => previous.get(name))
      .find((row) => row !== undefined);
    const measured = t.runs > 0;
    const load = t.loadAvg1m ?? suiteLoad;
    const cells = [
      r.name,
      measured ? ms(t.medianMs) : '—',
      before?.medianMs === undefined ? '—' : ms(before.medianMs),
      measured ? ratio(t.medianMs, before?.medianMs) : '—',
      measured ? `${ms(t.minMs)}–${ms(t.maxMs)}` : '—',
      String(t.runs),
      `${load.toFixed(1)}${t.loadAvg1m === undefined ? ' (suite start)' : ''}`,
      r.aim.trim() === '' ? '**no aim stated**' : r.aim,
      extraCell(r, before),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((h) => (NUMERIC.has(h) ? '---:' : '---')).join(' | ')} |`,
    ...rows,
  ].join('\n');
}

/** Splits a table row into its cells (no cell of ours contains a `|`). */
const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());

/**
 * The rows of one section of an earlier RESULTS.md, by benchmark name — in this format or the
 * one before it (columns found by their header, so both read).
 */
export function previousRows(section: string): Map<string, PreviousRow> {
  const rows = new Map<string, PreviousRow>();
  const lines = section.split('\n').filter((line) => line.trim().startsWith('|'));
  const header = lines[0] === undefined ? [] : cellsOf(lines[0]);
  const nameAt = header.indexOf('benchmark');
  const medianAt = header.indexOf('median ms');
  const extraAt = header.findIndex((h) => h.startsWith('other figures'));
  if (nameAt < 0 || medianAt < 0) return rows;
  for (const line of lines.slice(2)) {
    const cells = cellsOf(line);
    const name = cells[nameAt];
    if (name === undefined || name === '') continue;
    const median = quantity(cells[medianAt] ?? '');
    const extra = new Map<string, string>();
    for (const part of (extraAt < 0 ? '' : (cells[extraAt] ?? '')).split(/;\s*/)) {
      const colon = part.indexOf(': ');
      if (colon <= 0) continue;
      // A figure written with its own previous value keeps only the value: "52.4 KB (60.4 KB, ×0.87)".
      extra.set(
        part.slice(0, colon),
        part.slice(colon + 2).replace(/\s*\([^()]*,\s*(?:×[\d.]+|—)\)\s*$/, ''),
      );
    }
    rows.set(name, { medianMs: median?.value, extra });
  }
  return rows;
}
