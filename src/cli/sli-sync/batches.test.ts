import { describe, expect, it } from 'vitest';
import { sliBatchSchema } from '../../contract/push-api';
import { batchId, batchesOf, gridCells, minuteIso } from './batches';
import type { MinuteCount } from './minutes';

const T = (iso: string): number => Date.parse(iso);
const minutesFrom = (from: string, n: number): MinuteCount[] =>
  Array.from({ length: n }, (_, i) => ({ start: T(from) + i * 60_000, good: 99, total: 100 }));

describe('batch grid and ids', () => {
  it('cuts a range at UTC midnights', () => {
    expect(
      gridCells(T('2026-03-01T22:30:00Z'), T('2026-03-03T01:00:00Z')).map((c) => [
        minuteIso(c.start),
        minuteIso(c.end),
      ]),
    ).toEqual([
      ['2026-03-01T22:30:00Z', '2026-03-02T00:00:00Z'],
      ['2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'],
      ['2026-03-03T00:00:00Z', '2026-03-03T01:00:00Z'],
    ]);
  });

  it('derives the id from SLO, start and end only, inside the contract id alphabet', () => {
    const id = batchId('checkout-availability', {
      start: T('2026-03-01T22:30:00Z'),
      end: T('2026-03-02T00:00:00Z'),
    });
    expect(id).toBe('checkout-availability.20260301T2230Z-20260302T0000Z');
    expect(id).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    const longest = batchId('a'.repeat(63), { start: 0, end: 60_000 });
    expect(longest.length).toBeLessThanOrEqual(128);
  });
});

describe('batchesOf', () => {
  const day = { start: T('2026-03-01T00:00:00Z'), end: T('2026-03-02T00:00:00Z') };

  it('sends a threshold SLI’s minutes as value points the contract schema accepts', () => {
    const values = [0.21, 0.45].map((value, i) => ({
      start: T('2026-03-01T00:00:00Z') + i * 60_000,
      value,
    }));
    const [batch] = batchesOf('search-p99', day, values);
    const parsed = sliBatchSchema.safeParse(JSON.parse(batch!.body));
    expect(parsed.success && parsed.data.points).toEqual([
      {
        slo: 'search-p99',
        start: '2026-03-01T00:00:00Z',
        end: '2026-03-01T00:01:00Z',
        value: 0.21,
      },
      {
        slo: 'search-p99',
        start: '2026-03-01T00:01:00Z',
        end: '2026-03-01T00:02:00Z',
        value: 0.45,
      },
    ]);
  });

  it('puts a full day of one SLO in one batch the contract schema accepts', () => {
    const [batch, ...more] = batchesOf('checkout', day, minutesFrom('2026-03-01T00:00:00Z', 1440));
    expect(more).toEqual([]);
    expect(batch).toMatchObject({ id: 'checkout.20260301T0000Z-20260302T0000Z', points: 1440 });
    const parsed = sliBatchSchema.safeParse(JSON.parse(batch!.body));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.points[0]).toEqual({
      slo: 'checkout',
      start: '2026-03-01T00:00:00Z',
      end: '2026-03-01T00:01:00Z',
      good: 99,
      total: 100,
    });
  });

  it('halves the range until each part has at most maxPoints, with ids of the parts', () => {
    const batches = batchesOf('checkout', day, minutesFrom('2026-03-01T00:00:00Z', 1440), {
      maxPoints: 500,
      maxBytes: 1e9,
    });
    expect(batches.map((b) => [b.id, b.points])).toEqual([
      ['checkout.20260301T0000Z-20260301T0600Z', 360],
      ['checkout.20260301T0600Z-20260301T1200Z', 360],
      ['checkout.20260301T1200Z-20260301T1800Z', 360],
      ['checkout.20260301T1800Z-20260302T0000Z', 360],
    ]);
  });

  it('keeps every body within maxBytes and loses no point', () => {
    const minutes = minutesFrom('2026-03-01T00:00:00Z', 1440);
    const batches = batchesOf('checkout', day, minutes, { maxPoints: 2000, maxBytes: 20_000 });
    expect(batches.every((b) => Buffer.byteLength(b.body) <= 20_000)).toBe(true);
    expect(batches.reduce((n, b) => n + b.points, 0)).toBe(1440);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('makes the same batches for the same range and data (a retry is a duplicate)', () => {
    const minutes = minutesFrom('2026-03-01T00:00:00Z', 1440);
    expect(batchesOf('checkout', day, minutes)).toEqual(batchesOf('checkout', day, minutes));
  });

  it('makes no batch for a range without data (those minutes stay missing)', () => {
    expect(batchesOf('checkout', day, [])).toEqual([]);
  });
});
