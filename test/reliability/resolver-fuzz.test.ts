/**
 * Fuzzing every resolver (issue #11, fast-check): whatever a browser sends — any JSON, or the
 * contract's own payload with one field replaced by anything, removed, or joined by an unknown one —
 * every resolver answers an envelope: data, or a refusal with a contract error code that is never
 * INTERNAL (an unexpected failure), never an exception out of the handler. A refused call stores
 * nothing: the whole KVS and the Jira issues' Ballast properties, sprints and statuses are the same
 * before and after. Keys come from src/contract, so a new resolver is fuzzed without being listed.
 *
 * Runs as the project admin (the deepest code paths: every permission check passes) and, for one
 * property, as a plain member. About 2,250 generated calls; ~35 s on 2 cores.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import {
  callResolver,
  contractKeys,
  fullExtension,
  kvsSnapshot,
  sloFormFixture,
} from '../support/resolver-calls';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let issueKey: string;

/** Resolvers whose work does not depend on the payload: each call is a full read, so fewer runs. */
const PAYLOAD_FREE = new Set([
  'meta/about',
  'settings/get',
  'slo/list',
  'slo/export',
  'push/get',
  'push/rotateSecret',
  'project/overview',
  'project/capacity',
  'project/delivery',
  'project/toilDebt',
  'project/incidents',
  'project/slos',
  'project/refresh',
  'gate/overrides',
]);
const RUNS_PER_KEY = 80;
/** Resolvers that read a whole sprint, its history and the backlog per call. */
const HEAVY = new Set(['planner/evaluate', 'planner/apply', 'planner/override', 'planner/board']);
const RUNS_PER_HEAVY_KEY = 40;
const RUNS_PER_PAYLOAD_FREE_KEY = 12;

/** A well-formed payload per key (unknown keys start from `{}`). */
function wellFormed(key: string): Record<string, unknown> {
  const sprint = { boardId: 1, sprintId: 9 };
  const table: Record<string, Record<string, unknown>> = {
    'issue/get': { issueKey },
    'issue/setWorkType': { issueKey, workType: 'debt' },
    'issue/tickDodItem': { issueKey, itemId: 'code-reviewed', done: true },
    'settings/save': { config: {}, version: 1 },
    'settings/testRules': { issueKey },
    'slo/import': {
      yaml: readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'),
      version: 0,
    },
    'slo/save': {
      originalName: null,
      slo: sloFormFixture('fuzz-latency'),
      version: 0,
    },
    'slo/delete': { name: 'checkout-availability', version: 1 },
    'planner/board': { boardId: 1 },
    'planner/evaluate': { ...sprint, withProposal: true },
    'planner/apply': {
      ...sprint,
      fingerprint: '0123456789abcdef',
      moves: [{ key: issueKey, direction: 'out' }],
    },
    'planner/undo': sprint,
    'planner/override': { ...sprint, reason: 'release train', fingerprint: '0123456789abcdef' },
    'planner/audit': { cursor: 0 },
    'gate/recordOverride': { reason: 'hotfix', hours: 4 },
    'gate/endOverride': { id: 'x' },
  };
  return table[key] ?? {};
}

/** Values that break naive code: wrong types, extremes, prototype keys, huge and deep values. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    '',
    ' ',
    -1,
    0,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '__proto__',
    'constructor',
    'SHOP-0',
    'shop-1',
    'SHOP-99999999999999999999',
    'OPS-1',
    '../../rest/api/3/myself',
    "project = SHOP OR 1=1'",
    '<script>alert(1)</script>',
    'x'.repeat(10_000),
    [],
    {},
    [[[[[[[[[[[]]]]]]]]]]],
    { __proto__: { admin: true } },
    true,
  ),
);

/** The contract's payload with one field replaced, removed or added. */
function nearMiss(key: string): fc.Arbitrary<unknown> {
  const base = wellFormed(key);
  const fields = Object.keys(base);
  const field = fc.oneof(
    ...(fields.length > 0 ? [fc.constantFrom(...fields)] : []),
    fc.constantFrom('extra', '__proto__', 'projectKey', 'accountId', 'constructor'),
  );
  return fc.oneof(
    fc.record({ field, value: nasty }).map(({ field: f, value }) => {
      const copy: Record<string, unknown> = { ...base };
      Object.defineProperty(copy, f, { value, enumerable: true, writable: true });
      return copy;
    }),
    field.map((f) => {
      const copy: Record<string, unknown> = { ...base };
      delete copy[f];
      return copy;
    }),
  );
}

const payloadFor = (key: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 3, arbitrary: nearMiss(key) },
  );

/** What Jira holds that resolvers may change: Ballast properties, sprints, statuses. */
function jiraSnapshot(): string {
  return JSON.stringify(
    jira.state.issues.map((i) => [i.key, i.properties, i.sprintIds, i.statusId]),
  );
}

const stats = { calls: 0, ok: 0, refused: new Map<string, number>() };

async function check(key: string, accountId: string, payload: unknown): Promise<void> {
  await sandbox.host.idle();
  const before = kvsSnapshot(sandbox.host);
  const jiraBefore = jiraSnapshot();
  let answer: Envelope<unknown>;
  try {
    // A JSON round trip, as the bridge sends it.
    const sent = JSON.parse(JSON.stringify(payload ?? null)) as unknown;
    answer = await callResolver(sandbox.host, key, accountId, sent, fullExtension(issueKey));
  } catch (error) {
    throw new Error(`${key} threw for ${JSON.stringify(payload).slice(0, 300)}: ${String(error)}`, {
      cause: error,
    });
  }
  stats.calls += 1;
  expect(typeof answer.ok, key).toBe('boolean');
  if (answer.ok) {
    stats.ok += 1;
    return;
  }
  const { code, message } = answer.error;
  stats.refused.set(code, (stats.refused.get(code) ?? 0) + 1);
  expect(code, `${key} ${JSON.stringify(payload).slice(0, 300)}: ${message}`).not.toBe('INTERNAL');
  expect(message.length, key).toBeGreaterThan(5);
  await sandbox.host.idle();
  expect(kvsSnapshot(sandbox.host), `${key} stored something it refused`).toBe(before);
  expect(jiraSnapshot(), `${key} changed Jira while refusing`).toBe(jiraBefore);
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  issueKey = jira.state.issues.find((i) => i.sprintIds.includes(9) && !i.parentId)!.key;
  // SLOs to edit and delete, so those resolvers get past "no such SLO".
  const imported = await callResolver(
    sandbox.host,
    'slo/import',
    ADMIN_ACCOUNT_ID,
    { yaml: readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'), version: 0 },
    fullExtension(issueKey),
  );
  if (!imported.ok) throw new Error(imported.error.message);
});
afterAll(async () => {
  console.info(
    `resolver fuzz: ${stats.calls} calls, ${stats.ok} answered, refused ${JSON.stringify(Object.fromEntries(stats.refused))}`,
  );
  await sandbox.close();
});

describe('every resolver under fuzzing', () => {
  for (const key of contractKeys()) {
    it(
      `${key}: answers an envelope, never INTERNAL, storing nothing it refused`,
      { timeout: 90_000 },
      async () => {
        await fc.assert(
          fc.asyncProperty(payloadFor(key), (payload) => check(key, ADMIN_ACCOUNT_ID, payload)),
          {
            numRuns: PAYLOAD_FREE.has(key)
              ? RUNS_PER_PAYLOAD_FREE_KEY
              : HEAVY.has(key)
                ? RUNS_PER_HEAVY_KEY
                : RUNS_PER_KEY,
            seed: 11,
          },
        );
      },
    );
  }

  it('any key, any payload, as a plain member', { timeout: 90_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...contractKeys().filter((k) => !PAYLOAD_FREE.has(k))),
        fc.jsonValue({ maxDepth: 3 }),
        (key, payload) => check(key, MEMBER_ACCOUNT_ID, payload),
      ),
      { numRuns: 800, seed: 12 },
    );
  });
});
