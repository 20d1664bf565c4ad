/**
 * Fuzzing the push API (fast-check): whatever arrives — any JSON, near-miss batches, wrong types,
 * huge numbers, broken signatures — every web trigger answers a JSON 4xx naming the problem, never a
 * 5xx, and stores nothing. And what the roll-up computes from what passes (issue #19, items 2 and
 * 8): no accepted minute that is all bad — or, for an Occurrences SLO, no better than the data so
 * far — ever leaves more error budget on the project page than the data without it, whatever its
 * counts (whole numbers up to the limit, 1e308, 2^53, fractions, negatives, Infinity).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSigned } from '../../sandbox/app-seed/signed-push';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { SlosData, SnapshotAnswer } from '../../src/contract/project-page';
import { MAX_SLI_COUNT } from '../../src/domain/slo';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;
let secret: string;
const TRIGGERS = [
  'ballast-sli-push',
  'ballast-deployment-push',
  'ballast-incident-push',
  'ballast-gate-check',
];

const call = (moduleKey: string, body: string, sign: boolean | 'wrong') =>
  callSigned(
    sandbox.host,
    moduleKey,
    body,
    sign === false ? null : sign === 'wrong' ? `${secret}x` : secret,
  );

const storedKeys = () =>
  sandbox.host.kvs.store
    .entries({ kind: 'kv' })
    .map((e) => e.key)
    .filter((k) => /^(sli-|deploy|incident:)/.test(k))
    .sort();

/** A valid SLI point, then one field replaced by anything. */
const nearMissPoint = fc
  .record({
    field: fc.constantFrom('slo', 'start', 'end', 'good', 'total', 'extra'),
    value: fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        -1,
        1e308,
        Number.MAX_SAFE_INTEGER,
        '',
        'checkout-availability',
        '2026-11-20T10:00:30Z',
      ),
    ),
  })
  .map(({ field, value }) => ({
    slo: 'checkout-availability',
    start: '2026-11-20T10:00:00Z',
    end: '2026-11-20T10:01:00Z',
    good: 10,
    total: 10,
    [field]: value,
  }));

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const invoke = async (functionKey: string, payload: unknown) => {
    const answer = (await sandbox.host.invokeResolver({
      moduleKey: 'ballast-issue-panel',
      functionKey,
      payload,
      accountId: ADMIN_ACCOUNT_ID,
      extension: { project: { key: 'SHOP' } },
    })) as Envelope<{ secret: string }>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  await invoke('slo/import', {
    yaml: (await import('node:fs')).readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'),
    version: 0,
  });
  secret = (await invoke('push/rotateSecret', {})).secret;
});
afterAll(() => sandbox.close());

describe('the push API under fuzzing', () => {
  it('answers any signed JSON with a 4xx JSON error and stores nothing', async () => {
    const before = storedKeys();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TRIGGERS), fc.jsonValue(), async (trigger, value) => {
        const answer = await call(trigger, JSON.stringify(value), true);
        expect(answer.statusCode, answer.body).toBeGreaterThanOrEqual(400);
        expect(answer.statusCode, answer.body).toBeLessThan(500);
        const parsed = JSON.parse(answer.body ?? '') as { ok: boolean; error: { code: unknown } };
        expect(parsed.ok).toBe(false);
        expect(typeof parsed.error.code).toBe('string');
      }),
      { numRuns: 150 },
    );
    expect(storedKeys()).toEqual(before);
  });

  it('answers near-miss gate checks with a decision, or a 400/404 naming the field, never a 5xx', async () => {
    const before = storedKeys();
    const names = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('SHOP', 'checkout', 'A-1'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            projects: fc.array(names, { maxLength: 3 }),
            services: fc.array(names, { maxLength: 3 }),
            issueKeys: fc.array(fc.oneof(names, fc.constantFrom('SHOP-1', 'shop-1')), {
              maxLength: 3,
            }),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const answer = await call('ballast-gate-check', JSON.stringify(body), true);
          expect([200, 400, 404], answer.body).toContain(answer.statusCode);
          const parsed = JSON.parse(answer.body ?? '') as {
            ok: boolean;
            allowed?: boolean;
            error?: { code: string; field?: string };
          };
          if (answer.statusCode === 200) {
            expect(typeof parsed.allowed).toBe('boolean');
            return;
          }
          expect(['BAD_REQUEST', 'UNKNOWN_PROJECT', 'UNKNOWN_SERVICE']).toContain(
            parsed.error?.code,
          );
          expect(typeof parsed.error?.field).toBe('string');
        },
      ),
      { numRuns: 100 },
    );
    // Read-only: a gate check stores nothing.
    expect(storedKeys()).toEqual(before);
  });

  it('refuses near-miss SLI batches naming the broken field, storing nothing', async () => {
    const before = storedKeys();
    await fc.assert(
      fc.asyncProperty(nearMissPoint, fc.string({ maxLength: 140 }), async (point, batchId) => {
        const body = JSON.stringify({ batchId, points: [point] });
        const answer = await call('ballast-sli-push', body, true);
        if (answer.statusCode === 200) return; // the replacement happened to be valid
        expect(answer.statusCode, answer.body).toBeGreaterThanOrEqual(400);
        expect(answer.statusCode, answer.body).toBeLessThan(500);
        const error = (JSON.parse(answer.body ?? '') as { error: { message: string } }).error;
        expect(error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 150 },
    );
    // Only batches that were fully valid may have stored anything.
    expect(
      storedKeys()
        .filter((k) => !before.includes(k))
        .every((k) => k.startsWith('sli-')),
    ).toBe(true);
  });

  it('refuses every unsigned or wrongly signed body before reading it', async () => {
    const before = storedKeys();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TRIGGERS),
        fc.string({ maxLength: 200 }),
        fc.constantFrom(false, 'wrong' as const),
        async (trigger, body, sign) => {
          const answer = await call(trigger, body, sign);
          expect(answer.statusCode).toBe(401);
        },
      ),
      { numRuns: 100 },
    );
    expect(storedKeys()).toEqual(before);
  });

  describe('what the roll-up computes from what passes the schema', () => {
    const MINUTE = 60_000;
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
    /** The budget left of an SLO on the project page, after the roll-up job. */
    async function budgetOf(slo: string): Promise<number> {
      await sandbox.host.runScheduled('ballast-slo-refresh');
      const answer = (await sandbox.host.invokeResolver({
        moduleKey: 'ballast-project-page',
        functionKey: 'project/slos',
        payload: {},
        accountId: ADMIN_ACCOUNT_ID,
        extension: { type: 'jira:projectPage', project: { key: 'SHOP' } },
      })) as Envelope<SnapshotAnswer<SlosData>>;
      if (!answer.ok || answer.data.status !== 'ready') throw new Error(JSON.stringify(answer));
      const budget = answer.data.data.slos.find((r) => r.name === slo)?.budgetRemaining;
      if (typeof budget !== 'number') throw new Error(`${slo}: no budget figure`);
      return budget;
    }
    const point = (slo: string, at: number, good: number, total: number) => ({
      slo,
      start: new Date(at).toISOString(),
      end: new Date(at + MINUTE).toISOString(),
      good,
      total,
    });
    const ABSURD = [1e308, Number.MAX_VALUE, 2 ** 53, 2 ** 53 + 2, MAX_SLI_COUNT + 1, 1.5, -1];
    const anyCount = fc.oneof(
      fc.integer({ min: 0, max: MAX_SLI_COUNT }),
      fc.constantFrom(...ABSURD, MAX_SLI_COUNT, 0),
      fc.double({ min: 0, max: 1e308, noNaN: true }),
    );

    it.each([
      ['checkout-availability', 'Occurrences'],
      ['checkout-minutes', 'Timeslices'],
    ])(
      '%s (%s): no accepted minute, all bad or no better than the data, raises the budget left',
      { timeout: 120_000 },
      async (slo) => {
        // 30 minutes of 9,995 good of 10,000 (half the 0.999 budget of those minutes spent).
        const base = Array.from({ length: 30 }, (_, i) =>
          point(slo, end - (i + 1) * MINUTE, 9_995, 10_000),
        );
        const seeded = await call(
          'ballast-sli-push',
          JSON.stringify({ batchId: `base-${slo}`, points: base }),
          true,
        );
        expect(seeded.statusCode, seeded.body).toBe(200);
        let budget = await budgetOf(slo);
        expect(Number.isFinite(budget)).toBe(true);
        let minute = 31;
        let accepted = 0;
        await fc.assert(
          fc.asyncProperty(fc.boolean(), anyCount, anyCount, async (allBad, a, b) => {
            const total = Math.max(a, b);
            // All bad, or a good ratio of at most the data's (9,995 in 10,000), in whole numbers.
            const good = allBad
              ? 0
              : Math.min(Math.min(a, b), Math.floor((total * 9_995) / 10_000));
            const at = end - minute * MINUTE;
            minute += 1;
            const before = storedKeys();
            const answer = await call(
              'ballast-sli-push',
              JSON.stringify({
                batchId: `fuzz-${slo}-${minute}`,
                points: [point(slo, at, good, total)],
              }),
              true,
            );
            if (answer.statusCode !== 200) {
              expect(answer.statusCode, answer.body).toBe(400);
              expect(answer.body).toMatch(/"field":"points\[0\]/);
              expect(storedKeys()).toEqual(before);
              return;
            }
            accepted += 1;
            const after = await budgetOf(slo);
            expect(Number.isFinite(after), `${good}/${total}: ${after}`).toBe(true);
            // Float tolerance: each budget is one division of exact whole-number sums.
            expect(after, `${good} good of ${total} raised the budget`).toBeLessThanOrEqual(
              budget + 1e-12,
            );
            budget = after;
          }),
          { numRuns: 30, seed: 19 },
        );
        expect(accepted, 'some fuzzed minutes must pass the schema').toBeGreaterThan(5);
      },
    );
  });
});
