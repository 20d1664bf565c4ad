/**
 * Nothing fails open (issue #19, item 2). The push schema (src/contract/push-api.ts) is the oracle
 * of what Ballast accepts; the engine (src/domain/slo) is what the roll-up computes from it.
 *
 * - Property: for any SLI count the schema accepts — drawn from whole numbers up to the limit and
 *   from absurd values (1e308, 2^53, fractions, negatives, Infinity) — an added all-bad minute never
 *   leaves more budget than the same data without it, and the budget stays a finite number. With
 *   the schema's old bound (any finite number) 1e308 was accepted, the sums were Infinity and the
 *   budget showed 100 % left: this property fails then.
 * - Replay through the real SLI web trigger: the reported batch (counts of 1e308) is refused with
 *   the field named and nothing stored.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import { sliPointSchema } from '../../src/contract/push-api';
import type { Envelope } from '../../src/contract/envelope';
import type { RotatedSecretView } from '../../src/contract/slo';
import {
  MAX_SLI_COUNT,
  MINUTE_MS,
  computeSloStatus,
  sliSeriesFor,
  type SliInterval,
} from '../../src/domain/slo';
import { T0, sloSpec } from '../../src/domain/slo/testing/generators';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';
import { kvsSnapshot } from '../support/resolver-calls';
import { ForgeKeyValueStore } from '../../src/adapters/forge/kvs/key-value-store';
import type { SlosData, SnapshotAnswer } from '../../src/contract/project-page';
import { dayOf, sliDayKey } from '../../src/app/slo/storage-keys';

const minute = (i: number, good: number, total: number): SliInterval => ({
  start: T0 + i * MINUTE_MS,
  end: T0 + (i + 1) * MINUTE_MS,
  good,
  total,
});

/** Whether the push API accepts a point of minute `i` with these counts. */
const accepted = (i: number, good: number, total: number): boolean =>
  sliPointSchema.safeParse({
    slo: 'checkout-availability',
    start: new Date(T0 + i * MINUTE_MS).toISOString(),
    end: new Date(T0 + (i + 1) * MINUTE_MS).toISOString(),
    good,
    total,
  }).success;

const ABSURD = [
  1e308,
  Number.MAX_VALUE,
  2 ** 53,
  2 ** 53 + 2,
  MAX_SLI_COUNT + 1,
  1.5,
  -1,
  Infinity,
];
const anyCount = fc.oneof(
  fc.integer({ min: 0, max: MAX_SLI_COUNT }),
  fc.constantFrom(...ABSURD),
  fc.double({ min: 0, noNaN: true }),
);

describe('no accepted input makes the budget larger than the same data without it', () => {
  const specs = [
    sloSpec({ window: { kind: 'rolling', days: 1 }, target: 0.99 }),
    sloSpec({
      window: { kind: 'rolling', days: 1 },
      target: 0.99,
      budgeting: { method: 'Timeslices', sliceTarget: 0.95 },
    }),
  ];
  /** Minutes of data the push API accepts (others are dropped: they would be refused). */
  const data = fc
    .array(fc.option(fc.tuple(anyCount, anyCount), { nil: null }), { maxLength: 120 })
    .map((cells) =>
      cells.flatMap((cell, i) => {
        if (cell === null) return [];
        const [good, total] = [Math.min(...cell), Math.max(...cell)];
        return accepted(i, good, total) ? [minute(i, good, total)] : [];
      }),
    );

  it.each(specs.map((s) => [s.budgeting.method, s] as const))(
    '%s: an added all-bad minute the push API accepts never raises the budget left',
    (_, spec) => {
      let checked = 0;
      fc.assert(
        fc.property(data, anyCount, (base, badTotal) => {
          fc.pre(badTotal > 0 && accepted(200, 0, badTotal));
          checked += 1;
          const at = T0 + 300 * MINUTE_MS;
          const without = computeSloStatus(spec, sliSeriesFor(spec, base), at).budgetRemaining;
          const withIt = computeSloStatus(
            spec,
            sliSeriesFor(spec, [...base, minute(200, 0, badTotal)]),
            at,
          ).budgetRemaining;
          expect(withIt).not.toBeNull();
          expect(Number.isFinite(withIt)).toBe(true);
          if (without !== null) expect(withIt!).toBeLessThanOrEqual(without);
        }),
        { numRuns: 300, seed: 19 },
      );
      expect(checked).toBeGreaterThan(100);
    },
  );

  it('Occurrences: an added minute the push API accepts, no better than the data so far, never raises the budget left', () => {
    const spec = specs[0]!;
    let checked = 0;
    fc.assert(
      fc.property(data, anyCount, anyCount, (base, a, b) => {
        const [good, total] = [Math.min(a, b), Math.max(a, b)];
        fc.pre(total > 0 && accepted(200, good, total));
        const sums = base.reduce(
          (s, iv) => ({ good: s.good + iv.good, total: s.total + iv.total }),
          {
            good: 0,
            total: 0,
          },
        );
        // Only a minute whose good ratio is at most the data's may not raise the budget: better
        // data legitimately does. Compared exactly: good·T ≤ G·total in whole numbers below 2^53·1e9.
        fc.pre(
          sums.total > 0 && BigInt(good) * BigInt(sums.total) <= BigInt(sums.good) * BigInt(total),
        );
        checked += 1;
        const at = T0 + 300 * MINUTE_MS;
        const without = computeSloStatus(spec, sliSeriesFor(spec, base), at).budgetRemaining!;
        const withIt = computeSloStatus(
          spec,
          sliSeriesFor(spec, [...base, minute(200, good, total)]),
          at,
        ).budgetRemaining!;
        expect(Number.isFinite(withIt)).toBe(true);
        // Float tolerance 1e-12 absolute: each budget is one division of exact sums.
        expect(withIt).toBeLessThanOrEqual(without + 1e-12);
      }),
      { numRuns: 300, seed: 19 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it.each(ABSURD.map((v) => [v]))('the push API refuses %s as a count', (value) => {
    expect(accepted(0, 0, value)).toBe(false);
    expect(accepted(0, value, MAX_SLI_COUNT)).toBe(false);
  });
});

describe('the reported attack through the SLI web trigger', () => {
  let sandbox: AppSandbox;
  let url: string;
  let secret: string;
  let closeListener: () => Promise<void>;

  beforeAll(async () => {
    sandbox = await startAppSandbox();
    const listener = await sandbox.host.listen();
    closeListener = () => listener.close();
    url = `${listener.url}/x1/ballast-sli-push`;
    const call = async <T>(functionKey: string, payload: unknown = {}) => {
      const answer = (await sandbox.host.invokeResolver({
        moduleKey: 'ballast-issue-panel',
        functionKey,
        payload,
        accountId: ADMIN_ACCOUNT_ID,
        extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
      })) as Envelope<T>;
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    };
    const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
    await call('slo/import', { yaml, version: 0 });
    ({ secret } = await call<RotatedSecretView>('push/rotateSecret'));
  }, 60_000);
  afterAll(async () => {
    await closeListener();
    await sandbox.close();
  });

  it('a day stored before the limit (1e308 good of 1e308, then a minute all bad) rolls up as overspent, not healthy', async () => {
    const end = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - 30 * MINUTE_MS;
    const day = dayOf(end - 2 * MINUTE_MS);
    await sandbox.host.runtime.runInvocation({ moduleKey: 'sli-counts-test' }, () =>
      new ForgeKeyValueStore().set(sliDayKey('checkout-availability', day), {
        v: 1,
        intervals: [
          [end - 2 * MINUTE_MS, end - MINUTE_MS, 1e308, 1e308],
          [end - MINUTE_MS, end, 0, 1e308],
        ],
        batches: [],
      }),
    );
    // A valid push after them, so the job compacts and rolls the SLO up.
    const pushed = await push(url, secret, {
      batchId: 'after-legacy',
      points: [
        {
          slo: 'checkout-availability',
          start: new Date(end).toISOString(),
          end: new Date(end + MINUTE_MS).toISOString(),
          good: 10,
          total: 10,
        },
      ],
    });
    expect(pushed.status).toBe(200);
    await sandbox.host.runScheduled('ballast-slo-refresh');
    const answer = (await sandbox.host.invokeResolver({
      moduleKey: 'ballast-project-page',
      functionKey: 'project/slos',
      payload: {},
      accountId: ADMIN_ACCOUNT_ID,
      extension: { type: 'jira:projectPage', project: { key: 'SHOP' } },
    })) as Envelope<SnapshotAnswer<SlosData>>;
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
    if (!answer.ok || answer.data.status !== 'ready') throw new Error('no SLO data');
    const row = answer.data.data.slos.find((r) => r.name === 'checkout-availability')!;
    expect(row.budgetRemaining).not.toBeNull();
    expect(row.budgetRemaining!).toBeLessThan(0);
    expect(row.state).not.toBe('HEALTHY');
  }, 60_000);

  it.each([
    ['good and total of 1e308', { good: 1e308, total: 1e308 }, 'points[0].good'],
    ['a total of 1e308', { good: 0, total: 1e308 }, 'points[0].total'],
    ['a fractional count', { good: 1, total: 2.5 }, 'points[0].total'],
    ['a count over the limit', { good: 0, total: MAX_SLI_COUNT + 1 }, 'points[0].total'],
  ])('%s is refused, naming the field, storing nothing', async (_, counts, field) => {
    const end = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const before = kvsSnapshot(sandbox.host);
    const answer = await push(url, secret, {
      batchId: `absurd-${counts.good}-${counts.total}`.replace(/[^A-Za-z0-9._:-]/g, '_'),
      points: [
        {
          slo: 'checkout-availability',
          start: new Date(end - MINUTE_MS).toISOString(),
          end: new Date(end).toISOString(),
          ...counts,
        },
      ],
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body), JSON.stringify(answer.body)).toContain(field);
    expect(kvsSnapshot(sandbox.host)).toBe(before);
  });
});
