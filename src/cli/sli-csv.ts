/**
 * Reads SLI data CSV: header `slo,start,end,good,total`, times in ISO-8601 with a zone
 * (`2026-01-01T00:00:00Z` or `+01:00`). Every problem names the file and line.
 *
 * Streamed (issue #25: 122 MB for 50 SLOs × 30 days): bytes arrive in chunks and each line is read
 * in place by `fastRow` — SLO names matched against the spec's names by bytes (looked up once per
 * name, not per row), times as `YYYY-MM-DDTHH:MM[:SS]Z` with the date part parsed once per day,
 * counts as digits. A line it does not take on that path (offsets, fractions, spaces, mistakes) is
 * decoded and read by `slowRow`, the reference reading, so both give the same values and messages.
 */
import { checkSliIntervals, intervalsOf, type SliColumns } from '../domain/slo';

export interface CsvProblem {
  readonly line: number;
  readonly reason: string;
}

export interface SliCsv {
  /** Intervals per SLO name, in file order, as columns (intervalsOf gives objects). */
  readonly bySlo: ReadonlyMap<string, SliColumns>;
  readonly problems: readonly CsvProblem[];
}

const HEADER = 'slo,start,end,good,total';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MINUTE = 60_000;

export function parseIsoTime(text: string): number | null {
  if (!ISO.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function count(text: string): number | null {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const ZERO = 0x30;

/**
 * One SLO's rows as they are read, as columns (no object per row: 2 million of them cost more to
 * collect than the report takes), with what is needed to skip checkSliIntervals when clean.
 */
class SloRows implements SliColumns {
  length = 0;
  starts = new Float64Array(1024);
  ends = new Float64Array(1024);
  good = new Float64Array(1024);
  total = new Float64Array(1024);
  lines = new Float64Array(1024);
  /** Whether every row so far is valid alone and starts at or after the previous row's end. */
  clean = true;
  private lastEnd = -Infinity;

  add(start: number, end: number, good: number, total: number, line: number): void {
    // The checks of checkSliIntervals for rows in order: when they hold, it would find nothing.
    if (
      !(start >= this.lastEnd) ||
      !(end > start) ||
      start % MINUTE !== 0 ||
      end % MINUTE !== 0 ||
      !(good >= 0 && good <= total && Number.isFinite(total))
    )
      this.clean = false;
    this.lastEnd = end;
    if (this.length === this.starts.length) this.grow();
    const k = this.length;
    this.starts[k] = start;
    this.ends[k] = end;
    this.good[k] = good;
    this.total[k] = total;
    this.lines[k] = line;
    this.length = k + 1;
  }

  private grow(): void {
    const bigger = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = bigger(this.starts);
    this.ends = bigger(this.ends);
    this.good = bigger(this.good);
    this.total = bigger(this.total);
    this.lines = bigger(this.lines);
  }
}

/** FNV-1a step: names are hashed byte by byte as the row is scanned. */
const fnv = (h: number, byte: number): number => Math.imul(h ^ byte, 0x01000193);
const FNV_SEED = 0x811c9dc5;

interface NameEntry {
  readonly name: string;
  readonly bytes: Buffer;
  rows: SloRows | null;
}

/** The spec's SLO names by a hash of their UTF-8 bytes: a row's name costs no string. */
class NameTable {
  private readonly byHash = new Map<number, NameEntry[]>();

  constructor(names: readonly string[]) {
    for (const name of names) {
      const bytes = Buffer.from(name, 'utf8');
      let h = FNV_SEED;
      for (const byte of bytes) h = fnv(h, byte);
      const list = this.byHash.get(h >>> 0) ?? [];
      list.push({ name, bytes, rows: null });
      this.byHash.set(h >>> 0, list);
    }
  }

  find(hash: number, buf: Uint8Array, from: number, to: number): NameEntry | null {
    const list = this.byHash.get(hash);
    if (list === undefined) return null;
    for (const entry of list) {
      if (entry.bytes.length !== to - from) continue;
      let same = true;
      for (let i = 0; same && i < entry.bytes.length; i += 1)
        same = entry.bytes[i] === buf[from + i];
      if (same) return entry;
    }
    return null;
  }
}

export class SliCsvReader {
  private readonly known: ReadonlySet<string>;
  private readonly rows = new Map<string, SloRows>();
  private readonly names: NameTable;
  private readonly problems: CsvProblem[] = [];
  private carry: Uint8Array = new Uint8Array(0);
  private line = 0;
  private header: 'unread' | 'ok' | 'wrong' = 'unread';
  // The date part of the last time read, `YYYY-MM-DD` as bytes, and its epoch ms at 00:00Z.
  private readonly dayBytes = new Uint8Array(10);
  private dayMs = Number.NaN;
  /** The length of the time fastTime read last (17 or 20). */
  private timeLength = 0;

  constructor(private readonly knownSlos: readonly string[]) {
    this.known = new Set(knownSlos);
    this.names = new NameTable(knownSlos);
  }

  private rowsOf(name: string): SloRows {
    let rows = this.rows.get(name);
    if (rows === undefined) {
      rows = new SloRows();
      this.rows.set(name, rows);
    }
    return rows;
  }

  /** A wrong header ends the reading: nothing after it can be trusted to mean anything. */
  private stopped(): boolean {
    return this.header === 'wrong';
  }

  /** Reads the complete lines of `chunk` (with what was left of the previous one). */
  push(chunk: Uint8Array): void {
    if (this.header === 'wrong') return;
    if (this.carry.length > 0) {
      // The line cut by the previous chunk, completed with this chunk's first line, read alone:
      // copying only that line, not the whole chunk.
      let nl = 0;
      while (nl < chunk.length && chunk[nl] !== NEWLINE) nl += 1;
      const joined = new Uint8Array(this.carry.length + Math.min(nl + 1, chunk.length));
      joined.set(this.carry);
      joined.set(chunk.subarray(0, nl + 1), this.carry.length);
      this.carry = new Uint8Array(0);
      this.push(joined);
      if (nl >= chunk.length || this.stopped()) return; // no newline yet: all kept as the carry
      chunk = chunk.subarray(nl + 1);
    }
    const buf = chunk;
    const length = buf.length;
    let from = 0;
    while (from < length) {
      if (this.header === 'ok') {
        const next = this.fastRow(buf, from);
        if (next !== -1) {
          from = next;
          continue;
        }
      }
      let nl = from;
      while (nl < length && buf[nl] !== NEWLINE) nl += 1;
      if (nl === length) break; // an incomplete line: kept for the next chunk
      this.readLine(buf, from, nl > from && buf[nl - 1] === RETURN ? nl - 1 : nl);
      from = nl + 1;
      if (this.stopped()) return;
    }
    // Copied (a Buffer's slice would be a view): the caller may reuse its buffer for the next chunk.
    this.carry = new Uint8Array(buf.subarray(from));
  }

  end(): SliCsv {
    if (this.header !== 'wrong' && (this.carry.length > 0 || this.line === 0))
      this.readLine(this.carry, 0, this.carry.length);
    if (this.header === 'wrong') return { bySlo: new Map(), problems: this.problems };
    const bySlo = new Map<string, SliColumns>();
    for (const [slo, rows] of this.rows) {
      if (rows.clean) {
        bySlo.set(slo, rows);
        continue;
      }
      const intervals = intervalsOf(rows);
      for (const issue of checkSliIntervals(intervals))
        this.problems.push({ line: rows.lines[issue.index]!, reason: `${slo}: ${issue.reason}` });
      // Valid but out of order (rows may come in any order): the columns in start order.
      const sorted = new SloRows();
      for (const iv of intervals.sort((a, b) => a.start - b.start))
        sorted.add(iv.start, iv.end, iv.good, iv.total, 0);
      bySlo.set(slo, sorted);
    }
    this.problems.sort((a, b) => a.line - b.line);
    return { bySlo, problems: this.problems };
  }

  private readLine(buf: Uint8Array, from: number, to: number): void {
    this.line += 1;
    const text = Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8');
    if (this.header === 'unread') {
      const header = text.trim().replace(/^\uFEFF/, '');
      this.header = header === HEADER ? 'ok' : 'wrong';
      if (this.header === 'wrong')
        this.problems.push({
          line: 1,
          reason: `the header must be "${HEADER}", got "${header}"`,
        });
      return;
    }
    if (from !== to) this.slowRow(text);
  }

  /**
   * `name,YYYY-MM-DDTHH:MM[:SS]Z,…Z,digits,digits\n` (or `\r\n`) at `from` with a known name:
   * adds the row and returns where the next line starts; -1 for anything else, or an incomplete
   * line, which the caller then reads the reference way.
   */
  private fastRow(buf: Uint8Array, from: number): number {
    let i = from;
    let h = FNV_SEED;
    for (let byte = buf[i]; byte !== COMMA; byte = buf[++i]) {
      if (byte === undefined || byte === NEWLINE) return -1;
      h = fnv(h, byte);
    }
    const entry = this.names.find(h >>> 0, buf, from, i);
    if (entry === null) return -1;
    const start = this.fastTime(buf, i + 1);
    if (Number.isNaN(start)) return -1;
    i += this.timeLength + 1;
    const end = this.fastTime(buf, i + 1);
    if (Number.isNaN(end)) return -1;
    i += this.timeLength + 1;
    let good = 0;
    let n = 0;
    for (let byte = buf[++i]; byte !== COMMA; byte = buf[++i], n += 1) {
      const d = (byte ?? 0) - ZERO;
      if (d < 0 || d > 9 || n === 15) return -1;
      good = good * 10 + d;
    }
    if (n === 0) return -1;
    let total = 0;
    n = 0;
    for (let byte = buf[++i]; byte !== NEWLINE; byte = buf[++i], n += 1) {
      if (byte === RETURN && buf[i + 1] === NEWLINE) {
        i += 1;
        break;
      }
      const d = (byte ?? 0) - ZERO;
      if (d < 0 || d > 9 || n === 15) return -1;
      total = total * 10 + d;
    }
    if (n === 0) return -1;
    this.line += 1;
    (entry.rows ??= this.rowsOf(entry.name)).add(start, end, good, total, this.line);
    return i + 1;
  }

  /**
   * `YYYY-MM-DDTHH:MMZ` or `YYYY-MM-DDTHH:MM:SSZ` at `at`, followed by a comma: its epoch ms, its
   * length in `timeLength` (no object per field); NaN for any other form (offsets, fractions),
   * read the reference way.
   */
  private fastTime(buf: Uint8Array, at: number): number {
    const Z = 0x5a;
    const length =
      buf[at + 16] === Z && buf[at + 17] === COMMA
        ? 17
        : buf[at + 19] === Z && buf[at + 20] === COMMA
          ? 20
          : 0;
    if (length === 0) return Number.NaN;
    if (buf[at + 4] !== 0x2d || buf[at + 7] !== 0x2d || buf[at + 10] !== 0x54) return Number.NaN;
    if (buf[at + 13] !== 0x3a || (length === 20 && buf[at + 16] !== 0x3a)) return Number.NaN;
    const hour = two(buf, at + 11);
    const minute = two(buf, at + 14);
    const second = length === 20 ? two(buf, at + 17) : 0;
    // Out of range or not digits: left to Date.parse on the reference path (24:00 is valid there).
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
      return Number.NaN;
    let sameDay = true;
    for (let k = 0; sameDay && k < 10; k += 1) sameDay = this.dayBytes[k] === buf[at + k];
    if (!sameDay) {
      // A new day: Date.parse itself decides what the date is (or that it is none), once a day.
      this.dayBytes.set(buf.subarray(at, at + 10));
      const date = Buffer.from(this.dayBytes).toString('latin1');
      this.dayMs = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00Z`) : Number.NaN;
    }
    this.timeLength = length;
    return this.dayMs + hour * 3_600_000 + minute * 60_000 + second * 1000;
  }

  /** The reference reading of one line, with every problem it has. */
  private slowRow(raw: string): void {
    const line = this.line;
    if (raw.trim() === '') return;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length !== 5) {
      this.problems.push({ line, reason: `expected 5 fields (${HEADER}), got ${cells.length}` });
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
    if (!this.known.has(slo))
      bad.push(`slo "${slo}" is not in the spec; allowed: ${this.knownSlos.join(', ')}`);
    if (start === null)
      bad.push(
        `start "${startText}" is not an ISO-8601 time with a zone, e.g. 2026-01-01T00:00:00Z`,
      );
    if (end === null)
      bad.push(`end "${endText}" is not an ISO-8601 time with a zone, e.g. 2026-01-01T00:01:00Z`);
    if (good === null) bad.push(`good "${goodText}" is not a non-negative number`);
    if (total === null) bad.push(`total "${totalText}" is not a non-negative number`);
    if (bad.length > 0 || start === null || end === null || good === null || total === null) {
      this.problems.push(...bad.map((reason) => ({ line, reason })));
      return;
    }
    this.rowsOf(slo).add(start, end, good, total, line);
  }
}

/** Two ASCII digits at `at` as a number; -1 when either is not a digit. */
function two(buf: Uint8Array, at: number): number {
  const a = buf[at]! - ZERO;
  const b = buf[at + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The whole CSV at once (tests, small files): the same reader, one chunk. */
export function parseSliCsv(text: string, knownSlos: readonly string[]): SliCsv {
  const reader = new SliCsvReader(knownSlos);
  reader.push(Buffer.from(text, 'utf8'));
  return reader.end();
}

/** Streams `chunks` (e.g. a file read 1 MiB at a time) through the reader. */
export function readSliCsv(chunks: Iterable<Uint8Array>, knownSlos: readonly string[]): SliCsv {
  const reader = new SliCsvReader(knownSlos);
  for (const chunk of chunks) reader.push(chunk);
  return reader.end();
}
