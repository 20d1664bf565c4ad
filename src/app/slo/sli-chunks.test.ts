import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_DAY, mergeIntoDay, type SliRawRecord, type StoredInterval } from './sli-chunks';
import { dayOf, daysBetween, sliRawKey, sliRawPrefix } from './storage-keys';

const M = 60_000;
const T0 = Date.parse('2026-11-20T00:00:00Z');
const iv = (minute: number, good: number, total = 100, length = 1): StoredInterval => [
  T0 + minute * M,
  T0 + (minute + length) * M,
  good,
  total,
];
const raw = (batchId: string, intervals: StoredInterval[]): SliRawRecord => ({
  v: 1,
  batchId,
  receivedAt: '2026-11-20T12:00:00.000Z',
  intervals,
});

describe('merging pushed batches into a day', () => {
  it('adds new minutes in order and remembers the batches', () => {
    const merged = mergeIntoDay(EMPTY_DAY, [
      raw('b2', [iv(5, 90)]),
      raw('b1', [iv(1, 99), iv(2, 98)]),
    ]);
    expect(merged.day.intervals).toEqual([iv(1, 99), iv(2, 98), iv(5, 90)]);
    expect(merged.day.batches).toEqual(['b2', 'b1']);
    expect(merged.changedFrom).toBe(T0 + M);
    expect(merged.conflicts).toBe(0);
  });

  it('never merges a batch twice, even when its raw record reappears after compaction', () => {
    const once = mergeIntoDay(EMPTY_DAY, [raw('b1', [iv(1, 99)])]).day;
    const again = mergeIntoDay(once, [raw('b1', [iv(1, 99)])]);
    expect(again.day).toEqual(once);
    expect(again.changedFrom).toBeNull();
  });

  it('lets a later push of the same minute correct it instead of adding to it', () => {
    const first = mergeIntoDay(EMPTY_DAY, [raw('b1', [iv(1, 90)])]).day;
    const corrected = mergeIntoDay(first, [raw('b2', [iv(1, 95)])]);
    expect(corrected.day.intervals).toEqual([iv(1, 95)]);
  });

  it('drops and counts an interval overlapping stored data with another start', () => {
    const first = mergeIntoDay(EMPTY_DAY, [raw('b1', [iv(0, 100, 100, 10)])]).day;
    const result = mergeIntoDay(first, [raw('b2', [iv(5, 50), iv(10, 80)])]);
    expect(result.conflicts).toBe(1);
    expect(result.day.intervals).toEqual([iv(0, 100, 100, 10), iv(10, 80)]);
  });

  it('counts every event once whatever the order and repetition of the same batches', () => {
    const batches = [
      raw('a', [iv(0, 10), iv(1, 20)]),
      raw('b', [iv(2, 30)]),
      raw('c', [iv(3, 40), iv(4, 50)]),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (order, split) => {
          let day = EMPTY_DAY;
          const sequence = [...order, 0, 1, 2].map((i) => batches[i]!);
          for (let k = 0; k < sequence.length; k += split) {
            day = mergeIntoDay(day, sequence.slice(k, k + split)).day;
          }
          const good = day.intervals.reduce((sum, x) => sum + x[2], 0);
          expect(good).toBe(150);
          expect(day.intervals).toHaveLength(5);
        },
      ),
    );
  });
});

describe('storage keys', () => {
  it('name UTC days and list every day of a range', () => {
    expect(dayOf(Date.parse('2026-11-20T23:59:59Z'))).toBe('2026-11-20');
    expect(dayOf(Date.parse('2026-11-21T00:00:00Z'))).toBe('2026-11-21');
    expect(
      daysBetween(Date.parse('2026-11-29T10:00:00Z'), Date.parse('2026-12-01T00:00:00Z')),
    ).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  it("keep one SLO's batches apart from another SLO whose name starts the same", () => {
    expect(
      sliRawKey('checkout-latency', '2026-11-20', 'b1').startsWith(sliRawPrefix('checkout')),
    ).toBe(false);
    expect(sliRawKey('checkout', '2026-11-20', 'b1').startsWith(sliRawPrefix('checkout'))).toBe(
      true,
    );
  });
});
