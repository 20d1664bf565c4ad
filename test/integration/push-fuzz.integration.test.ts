/**
 * Fuzzing the push API (fast-check): whatever arrives — any JSON, near-miss batches, wrong types,
 * huge numbers, broken signatures — every web trigger answers a JSON 4xx naming the problem, never a
 * 5xx, and stores nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSigned } from '../../sandbox/app-seed/signed-push';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
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
});
