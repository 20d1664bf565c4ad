/**
 * Nothing may change a result (issue #21): the roll-up that reads only the days a window edge
 * cuts, and the stored sums of the others, stores the same status and policy state as the roll-up
 * that read every minute (test/support/roll-up-slo-reference.ts, the code before the change) —
 * within 1e-9 relative on every figure — over generated SLOs (Occurrences and Timeslices, rolling
 * and calendar windows, custom alert rules) and data (gaps, multi-minute intervals, one across
 * midnight, incidents, a day stored before sums existed), through successive five-minute runs, a
 * backfill of older data and a change of slice target.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/gate';
import { DAY_MS, MINUTE_MS, sliceTargetOf, windowAt, type SloSpec } from '../../src/domain/slo';
import { compactSli } from '../../src/app/slo/compact-sli';
import { rollUpSlo } from '../../src/app/slo/roll-up-slo';
import type { SliDayRecord, SliRawRecord, StoredInterval } from '../../src/app/slo/sli-chunks';
import { dayOf, sliDayKey, sliDaySumsKey, sliRawKey } from '../../src/app/slo/storage-keys';
import { memoryKv } from '../../src/app/testing/memory-key-value-store';
import { referenceRollUpSlo } from '../support/roll-up-slo-reference';

const SLO = 'gen-slo';
const START = Date.UTC(2026, 4, 1);

const specArb = fc.record({
  window: fc.oneof(
    fc.constantFrom(28, 30, 7).map((days) => ({ kind: 'rolling' as const, days })),
    fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC').map((timeZone) => ({
      kind: 'calendar' as const,
      unit: 'month' as const,
      timeZone,
      startTime: '2026-01-01 00:00:00',
    })),
  ),
  budgeting: fc.oneof(
    fc.constant({ method: 'Occurrences' as const }),
    fc
      .constantFrom(0.9, 0.95, 0.99)
      .map((sliceTarget) => ({ method: 'Timeslices' as const, sliceTarget })),
  ),
  target: fc.constantFrom(0.99, 0.999, 0.9995),
  custom: fc.boolean(),
});

type GeneratedSpec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

function specOf(g: GeneratedSpec): SloSpec {
  return {
    name: SLO,
    service: 'svc',
    indicator: {
      name: 'sli',
      counts: 'good',
      counter: true,
      numerator: { type: 'Prometheus', spec: {} },
      total: { type: 'Prometheus', spec: {} },
    },
    target: g.target,
    window: g.window,
    budgeting: g.budgeting,
    // Odd windows (25m, 7h, 2d) put edges where the default table puts none.
    ...(g.custom
      ? {
          alertRules: [
            {
              severity: 'page' as const,
              budgetConsumed: 0.02,
              longWindow: 7 * 60 * MINUTE_MS,
              shortWindow: 25 * MINUTE_MS,
            },
            {
              severity: 'ticket' as const,
              budgetConsumed: 0.1,
              longWindow: 2 * DAY_MS,
              shortWindow: 3 * 60 * MINUTE_MS,
            },
          ],
        }
      : {}),
  };
}

/** Deterministic data from a seed: minutes with gaps, some 3-minute intervals, incidents. */
function generate(seed: number, from: number, to: number): StoredInterval[] {
  let s = seed >>> 0 || 1;
  const rand = () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const out: StoredInterval[] = [];
  let incident = 0;
  for (let t = from; t < to;) {
    const r = rand();
    if (r < 0.01) {
      t += Math.floor(rand() * 90 + 1) * MINUTE_MS; // a gap: missing, never good
      continue;
    }
    const length = Math.min((r < 0.05 ? 3 : 1) * MINUTE_MS, to - t); // never past `to`
    if (incident === 0 && rand() < 0.0008) incident = 20 + Math.floor(rand() * 60);
    const total = rand() < 0.02 ? 0 : 500 + Math.floor(rand() * 1000);
    const badShare = incident > 0 ? 0.05 + rand() * 0.3 : rand() < 0.03 ? 0.02 : 0.0005;
    const bad = Math.min(total, Math.floor(total * badShare + rand()));
    if (incident > 0) incident -= 1;
    out.push([t, t + length, total - bad, total]);
    t += length;
  }
  return out;
}

/** Stores intervals as compacted days; `withSums` false leaves them as stored before sums. */
function storeDays(kv: ReturnType<typeof memoryKv>, intervals: readonly StoredInterval[]) {
  const byDay = new Map<string, StoredInterval[]>();
  for (const iv of intervals) byDay.set(dayOf(iv[0]), [...(byDay.get(dayOf(iv[0])) ?? []), iv]);
  for (const [day, ivs] of byDay) {
    const record: SliDayRecord = { v: 1, intervals: ivs, batches: [] };
    kv.data.set(sliDayKey(SLO, day), record);
  }
}

function pushRaw(kv: ReturnType<typeof memoryKv>, batch: string, ivs: StoredInterval[], at: Date) {
  const byDay = new Map<string, StoredInterval[]>();
  for (const iv of ivs) byDay.set(dayOf(iv[0]), [...(byDay.get(dayOf(iv[0])) ?? []), iv]);
  for (const [day, part] of byDay) {
    const raw: SliRawRecord = {
      v: 1,
      batchId: batch,
      receivedAt: at.toISOString(),
      intervals: part,
    };
    kv.data.set(sliRawKey(SLO, day, batch), raw);
  }
}

/** Every number equal within 1e-9 relative (absolute below 1e-300), everything else equal. */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    if (!(actual === expected || Math.abs(actual - expected) <= 1e-9 * scale))
      expect.fail(`${path}: ${actual} differs from ${expected}`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
    for (const key of Object.keys(e)) expectClose(a[key], e[key], `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe('the roll-up from stored day sums', () => {
  it('stores what reading every minute stored, run after run', async () => {
    await fc.assert(
      fc.asyncProperty(
        specArb,
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.boolean(),
        async (g, seed, days, offsetMinutes, legacy) => {
          const spec = specOf(g);
          const policy = DEFAULT_POLICY;
          const dataEnd = START + days * DAY_MS + offsetMinutes * MINUTE_MS;
          // One interval across midnight, stored with the day it starts on.
          const history = [
            ...generate(seed, START, START + DAY_MS - 2 * MINUTE_MS),
            [START + DAY_MS - 2 * MINUTE_MS, START + DAY_MS + 2 * MINUTE_MS, 3990, 4000] as const,
            ...generate(seed + 1, START + DAY_MS + 2 * MINUTE_MS, dataEnd),
          ];
          const fast = memoryKv();
          const reference = memoryKv();
          storeDays(fast, history);
          storeDays(reference, history);
          const run = async (now: Date, batch: string | null, ivs: StoredInterval[]) => {
            const input = { spec, projectKey: 'P', policy, now, conflicts: 0 };
            let changedFrom: number | null = null;
            for (const kv of [fast, reference]) {
              if (batch !== null) pushRaw(kv, batch, ivs, now);
              changedFrom = (await compactSli(kv, SLO, now, sliceTargetOf(spec))).changedFrom;
            }
            const got = await rollUpSlo(fast, { ...input, changedFrom });
            const want = await referenceRollUpSlo(reference, { ...input, changedFrom });
            expectClose(got, want);
          };
          if (!legacy) {
            // As compaction leaves them: every day with its sums.
            await run(
              new Date(dataEnd + MINUTE_MS),
              'first',
              generate(seed + 2, dataEnd, dataEnd + MINUTE_MS),
            );
          } else {
            await run(new Date(dataEnd + MINUTE_MS), null, []);
            // The first run summed the days stored before sums existed, those its replay reads:
            // from the SLO window (or 3 days) before the first of a week of steps.
            const at = dataEnd + MINUTE_MS;
            const earliest = dayOf(
              Math.min(windowAt(spec.window, at - 7 * DAY_MS).start, at - 10 * DAY_MS),
            );
            const stored = (prefix: string) =>
              [...fast.data.keys()]
                .filter((k) => k.startsWith(`${prefix}:${SLO}:`))
                .map((k) => k.slice(-10))
                .filter((day) => day >= earliest)
                .sort();
            expect(stored('sli-daysum')).toEqual(stored('sli-day'));
            expect(stored('sli-day').length).toBeGreaterThan(0);
          }
          let now = dataEnd + MINUTE_MS;
          for (let round = 0; round < 3; round += 1) {
            const next = now + 5 * MINUTE_MS;
            await run(new Date(next), `steady-${round}`, generate(seed + 3 + round, now, next));
            now = next;
          }
          // A backfill: three days back, thirty stored minutes corrected (same start and end).
          const from = dataEnd - 3 * DAY_MS;
          const old = history
            .filter((iv) => iv[0] >= from && iv[0] < from + 30 * MINUTE_MS)
            .map(([st, en, , total]): StoredInterval => [st, en, Math.floor(total / 2), total]);
          await run(new Date(now + 5 * MINUTE_MS), 'backfill', old);
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);

  it('sums a day again when the slice target changes, and agrees before and after', async () => {
    const spec95 = specOf({
      window: { kind: 'rolling', days: 7 },
      budgeting: { method: 'Timeslices', sliceTarget: 0.95 },
      target: 0.99,
      custom: false,
    });
    const spec99 = { ...spec95, budgeting: { method: 'Timeslices' as const, sliceTarget: 0.99 } };
    const fast = memoryKv();
    const reference = memoryKv();
    const history = generate(7, START, START + 8 * DAY_MS);
    storeDays(fast, history);
    storeDays(reference, history);
    for (const [spec, minutes] of [
      [spec95, 10],
      [spec99, 20],
      [spec99, 25],
    ] as const) {
      const input = {
        spec,
        projectKey: 'P',
        policy: DEFAULT_POLICY,
        now: new Date(START + 8 * DAY_MS + minutes * MINUTE_MS),
        changedFrom: null,
        conflicts: 0,
      };
      expectClose(await rollUpSlo(fast, input), await referenceRollUpSlo(reference, input));
    }
    const sums = fast.data.get(sliDaySumsKey(SLO, dayOf(START + 2 * DAY_MS))) as {
      sliceTarget: number;
    };
    expect(sums.sliceTarget).toBe(0.99);
  });
});
