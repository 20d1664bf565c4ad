import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './duration';
import {
  buildSliSeriesFromParts,
  concatColumns,
  edgesInside,
  summarizeColumns,
  type SliPart,
} from './sli-blocks';
import { buildSliSeriesFromColumns, sumsOver, type SliColumns } from './sli-series';

const T0 = Date.UTC(2026, 0, 1);
const at = (minute: number) => T0 + minute * MINUTE_MS;

function columns(rows: readonly (readonly [number, number, number, number])[]): SliColumns {
  return {
    length: rows.length,
    starts: Float64Array.from(rows, (r) => at(r[0])),
    ends: Float64Array.from(rows, (r) => at(r[1])),
    good: Float64Array.from(rows, (r) => r[2]),
    total: Float64Array.from(rows, (r) => r[3]),
  };
}

// Minutes 0–2 (a 2-minute interval, one bad minute at 0.95), a gap, minutes 10–11; then a day
// part from minute 20 with one empty minute.
const first = columns([
  [0, 2, 1990, 2000],
  [2, 3, 950, 1000],
  [10, 12, 2000, 2000],
]);
const second = columns([
  [20, 21, 0, 0],
  [21, 22, 999, 1000],
]);

describe('SLI data in blocks', () => {
  it('sums a block: events, covered time, and Timeslices minutes at the slice target', () => {
    expect(summarizeColumns(first, 0.99)).toEqual({
      first: at(0),
      last: at(12),
      count: 3,
      good: 4940,
      total: 5000,
      coveredMs: 5 * MINUTE_MS,
      dataMinutes: 5,
      goodMinutes: 4, // 0.995 ≥ 0.99 for two minutes, 0.95 < 0.99, 1.0 for two minutes
    });
  });

  it('has no sums for no intervals, or for an invalid one (good above total)', () => {
    expect(summarizeColumns(columns([]), 1)).toBeNull();
    expect(summarizeColumns(columns([[0, 1, 5, 4]]), 1)).toBeNull();
  });

  it('answers every window an edge does not cut inside a block as the intervals do', () => {
    const minutes = buildSliSeriesFromColumns(concatColumns([first, second]), 0.99);
    const parts: SliPart[] = [
      { kind: 'block', sums: summarizeColumns(first, 0.99)! },
      { kind: 'intervals', columns: second },
    ];
    const blocks = buildSliSeriesFromParts(parts, 0.99);
    // Edges on the block's ends or outside it, and edges anywhere in the interval part.
    for (const [from, to] of [
      [0, 12],
      [-5, 30],
      [12, 21.5],
      [0, 20.25],
      [15, 22],
    ] as const)
      expect(sumsOver(blocks, at(from), at(to))).toEqual(sumsOver(minutes, at(from), at(to)));
    // Cut inside the block it would spread the block pro rata: the reason edgesInside exists.
    expect(sumsOver(blocks, at(0), at(1)).good).not.toBe(sumsOver(minutes, at(0), at(1)).good);
  });

  it('refuses parts that overlap, as the same intervals would be refused', () => {
    const overlapping: SliPart[] = [
      { kind: 'block', sums: summarizeColumns(first, 1)! },
      { kind: 'intervals', columns: columns([[11, 13, 1, 1]]) },
    ];
    expect(() => buildSliSeriesFromParts(overlapping)).toThrow(/SLI interval 1: invalid/);
  });

  it.each([
    ['an edge strictly inside', [5], true],
    ['an edge on the first start', [0], false],
    ['an edge on the last end', [12], false],
    ['edges on both sides only', [-1, 13], false],
    ['no edges', [], false],
  ] as const)('a block from minute 0 to 12 with %s: cut = %s', (_, edges, cut) => {
    expect(edgesInside(Float64Array.from(edges, at), at(0), at(12))).toBe(cut);
  });
});
