/**
 * The streamed SLI CSV reader (issue #25): the fast path (bytes in place) and the reference path
 * (a decoded line) must read every row alike, and a row cut between two chunks must read as if
 * whole. Exact values: times as epoch ms, problems with their line.
 */
import { describe, expect, it } from 'vitest';
import { intervalsOf } from '../domain/slo';
import { parseSliCsv, readSliCsv } from './sli-csv';

const SLOS = ['checkout', 'search'];
const at = (iso: string) => Date.parse(iso);

/** Every way a valid row may be written, each as the reference reading understands it. */
const ROWS: readonly [
  string,
  string,
  { start: number; end: number; good: number; total: number },
][] = [
  [
    'seconds, Z',
    'checkout,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,99,100',
    { start: at('2026-03-01T00:00:00Z'), end: at('2026-03-01T00:01:00Z'), good: 99, total: 100 },
  ],
  [
    'no seconds',
    'checkout,2026-03-01T00:01Z,2026-03-01T00:02Z,5,5',
    { start: at('2026-03-01T00:01Z'), end: at('2026-03-01T00:02Z'), good: 5, total: 5 },
  ],
  [
    'an offset',
    'checkout,2026-03-01T01:02:00+01:00,2026-03-01T01:03:00+01:00,1,2',
    { start: at('2026-03-01T00:02:00Z'), end: at('2026-03-01T00:03:00Z'), good: 1, total: 2 },
  ],
  [
    'fractions of events',
    'checkout,2026-03-01T00:03:00Z,2026-03-01T00:04:00Z,0.5,1.25',
    { start: at('2026-03-01T00:03:00Z'), end: at('2026-03-01T00:04:00Z'), good: 0.5, total: 1.25 },
  ],
  [
    'spaces around fields',
    ' checkout , 2026-03-01T00:04:00Z ,2026-03-01T00:05:00Z, 7 ,8 ',
    { start: at('2026-03-01T00:04:00Z'), end: at('2026-03-01T00:05:00Z'), good: 7, total: 8 },
  ],
  [
    '24:00, which Date.parse takes as the next midnight',
    'search,2026-03-01T23:59:00Z,2026-03-01T24:00:00Z,1,1',
    { start: at('2026-03-01T23:59:00Z'), end: at('2026-03-02T00:00:00Z'), good: 1, total: 1 },
  ],
  [
    'leading zeros',
    'search,2026-03-02T00:00:00Z,2026-03-02T00:01:00Z,007,010',
    { start: at('2026-03-02T00:00:00Z'), end: at('2026-03-02T00:01:00Z'), good: 7, total: 10 },
  ],
];

describe('the SLI CSV reader', () => {
  it.each(ROWS)('reads a row with %s', (_, row, interval) => {
    const csv = parseSliCsv(`slo,start,end,good,total\n${row}\n`, SLOS);
    expect([csv.problems, [...csv.bySlo.values()].map(intervalsOf)]).toEqual([[], [[interval]]]);
  });

  const text = `\uFEFFslo,start,end,good,total\r\n${ROWS.map((r) => r[1]).join('\r\n')}\r\n\r\nsearch,2026-03-02T00:01:00Z,2026-03-02T00:02:00Z,3,4`;

  it('reads a file cut into chunks at every byte exactly as the file whole', () => {
    const bytes = Buffer.from(text, 'utf8');
    const whole = parseSliCsv(text, SLOS);
    expect(whole.problems).toEqual([]);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      // One reused buffer, as run.ts reads files: the reader must copy what it keeps.
      const scratch = Buffer.alloc(bytes.length);
      const chunks = function* () {
        bytes.copy(scratch, 0, 0, cut);
        yield scratch.subarray(0, cut);
        bytes.copy(scratch, 0, cut);
        yield scratch.subarray(0, bytes.length - cut);
      };
      const read = readSliCsv(chunks(), SLOS);
      expect(
        [read.problems, [...read.bySlo].map(([slo, c]) => [slo, intervalsOf(c)])],
        `cut at byte ${cut}`,
      ).toEqual([whole.problems, [...whole.bySlo].map(([slo, c]) => [slo, intervalsOf(c)])]);
    }
  });

  it.each([
    [
      'an unknown SLO',
      'pay,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,1,1',
      'slo "pay" is not in the spec; allowed: checkout, search',
    ],
    [
      'a month 13',
      'checkout,2026-13-01T00:00:00Z,2026-03-01T00:01:00Z,1,1',
      'start "2026-13-01T00:00:00Z" is not an ISO-8601 time with a zone, e.g. 2026-01-01T00:00:00Z',
    ],
    [
      '60 seconds',
      'checkout,2026-03-01T00:00:60Z,2026-03-01T00:01:00Z,1,1',
      'start "2026-03-01T00:00:60Z" is not an ISO-8601 time with a zone, e.g. 2026-01-01T00:00:00Z',
    ],
    [
      'a negative count',
      'checkout,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,-1,1',
      'good "-1" is not a non-negative number',
    ],
    [
      'six fields',
      'checkout,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,1,1,1',
      'expected 5 fields (slo,start,end,good,total), got 6',
    ],
    [
      'good above total',
      'checkout,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,2,1',
      'checkout: good (2) must not exceed total (1)',
    ],
  ])('names the line of %s', (_, row, reason) => {
    const csv = parseSliCsv(
      `slo,start,end,good,total\ncheckout,2026-02-28T00:00:00Z,2026-02-28T00:01:00Z,1,1\n${row}\n`,
      SLOS,
    );
    expect(csv.problems).toEqual([{ line: 3, reason }]);
  });

  it('gives the rows of an SLO in start order when the file has them in another', () => {
    const csv = parseSliCsv(
      'slo,start,end,good,total\nsearch,2026-03-01T00:05:00Z,2026-03-01T00:10:00Z,1,2\nsearch,2026-03-01T00:00:00Z,2026-03-01T00:05:00Z,3,4\n',
      SLOS,
    );
    expect([csv.problems, intervalsOf(csv.bySlo.get('search')!)]).toEqual([
      [],
      [
        { start: at('2026-03-01T00:00:00Z'), end: at('2026-03-01T00:05:00Z'), good: 3, total: 4 },
        { start: at('2026-03-01T00:05:00Z'), end: at('2026-03-01T00:10:00Z'), good: 1, total: 2 },
      ],
    ]);
  });

  it('finds rows out of order that overlap, as the domain check does', () => {
    const csv = parseSliCsv(
      'slo,start,end,good,total\nsearch,2026-03-01T00:05:00Z,2026-03-01T00:10:00Z,1,1\nsearch,2026-03-01T00:00:00Z,2026-03-01T00:06:00Z,1,1\n',
      SLOS,
    );
    expect(csv.problems).toEqual([
      { line: 2, reason: 'search: overlaps the interval starting 2026-03-01T00:00:00.000Z' },
    ]);
  });
});
