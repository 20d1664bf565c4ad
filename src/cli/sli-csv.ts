/**
 * Reads SLI data CSV: header `slo,start,end,good,total`, times in ISO-8601 with a zone
 * (`2026-01-01T00:00:00Z` or `+01:00`). Every problem names the file and line.
 */
import { checkSliIntervals, type SliInterval } from '../domain/slo';

export interface CsvProblem {
  readonly line: number;
  readonly reason: string;
}

export interface SliCsv {
  /** Intervals per SLO name, in file order. */
  readonly bySlo: ReadonlyMap<string, readonly SliInterval[]>;
  readonly problems: readonly CsvProblem[];
}

const HEADER = 'slo,start,end,good,total';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseIsoTime(text: string): number | null {
  if (!ISO.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function count(text: string): number | null {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

export function parseSliCsv(text: string, knownSlos: readonly string[]): SliCsv {
  const problems: CsvProblem[] = [];
  const rows = new Map<string, { interval: SliInterval; line: number }[]>();
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim().replace(/^\uFEFF/, '');
  if (header !== HEADER) {
    return {
      bySlo: new Map(),
      problems: [{ line: 1, reason: `the header must be "${HEADER}", got "${header ?? ''}"` }],
    };
  }
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length !== 5) {
      problems.push({ line, reason: `expected 5 fields (${HEADER}), got ${cells.length}` });
      return;
    }
    const [slo, startText, endText, goodText, totalText] = cells as [
      string,
      string,
      string,
      string,
      string,
    ];
    const start = parseIsoTime(startText);
    const end = parseIsoTime(endText);
    const good = count(goodText);
    const total = count(totalText);
    const bad: string[] = [];
    if (!knownSlos.includes(slo))
      bad.push(`slo "${slo}" is not in the spec; allowed: ${knownSlos.join(', ')}`);
    if (start === null)
      bad.push(
        `start "${startText}" is not an ISO-8601 time with a zone, e.g. 2026-01-01T00:00:00Z`,
      );
    if (end === null)
      bad.push(`end "${endText}" is not an ISO-8601 time with a zone, e.g. 2026-01-01T00:01:00Z`);
    if (good === null) bad.push(`good "${goodText}" is not a non-negative number`);
    if (total === null) bad.push(`total "${totalText}" is not a non-negative number`);
    if (bad.length > 0 || start === null || end === null || good === null || total === null) {
      problems.push(...bad.map((reason) => ({ line, reason })));
      return;
    }
    const list = rows.get(slo) ?? [];
    list.push({ interval: { start, end, good, total }, line });
    rows.set(slo, list);
  });
  const bySlo = new Map<string, readonly SliInterval[]>();
  for (const [slo, list] of rows) {
    for (const issue of checkSliIntervals(list.map((r) => r.interval))) {
      problems.push({ line: list[issue.index]!.line, reason: `${slo}: ${issue.reason}` });
    }
    bySlo.set(
      slo,
      list.map((r) => r.interval),
    );
  }
  problems.sort((a, b) => a.line - b.line);
  return { bySlo, problems };
}
