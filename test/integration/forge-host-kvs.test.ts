/**
 * The sandbox KVS driven only through the REAL @forge/kvs client (installed behind
 * `__forge_fetch__` by installForgeRuntime): values, key and size rules with the service's error
 * codes, prefix queries with cursor paging, secrets kept apart, batches, TTLs, and persistence to
 * disk across a restart with atomic writes.
 */
import { ForgeKvsAPIError, kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxKvs, type SandboxKvs } from '../../sandbox/forge/kvs/index';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../sandbox/forge/runtime';

let dir: string;
let store: SandboxKvs;
let forge: InstalledForgeRuntime;
let clock = Date.parse('2026-03-10T12:00:00Z');

function start(): void {
  store = createSandboxKvs({ stateDir: dir, now: () => clock });
  forge = installForgeRuntime({ jiraUrl: 'http://127.0.0.1:9', kvs: store.endpoint });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ballast-kvs-'));
  clock = Date.parse('2026-03-10T12:00:00Z');
  start();
});
afterEach(() => {
  forge.uninstall();
  rmSync(dir, { recursive: true, force: true });
});

/** The ForgeKvsAPIError a call fails with. */
async function failure(call: () => Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    return error as ForgeKvsAPIError;
  }
  throw new Error('expected the call to fail');
}

describe('set, get, delete', () => {
  it('round-trips JSON values and reads a missing key as undefined', async () => {
    const policy = { version: 2, split: { feature: 0.6, health: 0.4 }, tags: ['a', 'b'] };
    await kvs.set('policy:SHOP', policy);
    await kvs.set('counter', 7);
    expect(await kvs.get('policy:SHOP')).toEqual(policy);
    expect(await kvs.get('counter')).toBe(7);
    expect(await kvs.get('nothing-here')).toBeUndefined();
    await kvs.delete('counter');
    expect(await kvs.get('counter')).toBeUndefined();
    await expect(kvs.delete('counter')).resolves.toBeUndefined();
  });

  it('reports metadata in epoch seconds when asked', async () => {
    await kvs.set('k', 'v1');
    clock += 5_000;
    await kvs.set('k', 'v2');
    const result = await kvs.get('k', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT],
    });
    expect(result).toEqual({
      key: 'k',
      value: 'v2',
      createdAt: Math.floor(Date.parse('2026-03-10T12:00:00Z') / 1000),
      updatedAt: Math.floor(clock / 1000),
    });
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue PREVIOUS', async () => {
    await kvs.set('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    const refused = await failure(() => kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(refused.responseDetails.status).toBe(409);
    const previous = await kvs.set('once', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'once', value: 1 });
    expect(await kvs.get('once')).toBe(3);
  });

  // What the push claims rely on (src/app/push/push-claim.ts): each write is atomic, so of
  // concurrent FAIL_IF_EXISTS writes of one key exactly one succeeds, and concurrent OVERRIDE
  // writes returning PREVIOUS each see a different previous value (a chain, none lost).
  it('lets exactly one of concurrent FAIL_IF_EXISTS writes create a key', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => kvs.set('claim', i, { keyPolicy: 'FAIL_IF_EXISTS' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect(await kvs.get('claim')).toBe(winner);
  });

  it('returns each concurrent OVERRIDE write the value it replaced', async () => {
    await kvs.set('swap', -1);
    const previous = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        kvs.set<number>('swap', i, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' }),
      ),
    );
    const seen = previous.map((p) => p?.value);
    const last = await kvs.get<number>('swap');
    // Every value written was replaced exactly once, except the one that stayed.
    expect([...seen, last].sort((a, b) => a! - b!)).toEqual([-1, 0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('treats a key whose TTL passed as absent for FAIL_IF_EXISTS', async () => {
    await kvs.set('lease', 'a', {
      keyPolicy: 'FAIL_IF_EXISTS',
      ttl: { value: 60, unit: 'SECONDS' },
    });
    expect(
      (await failure(() => kvs.set('lease', 'b', { keyPolicy: 'FAIL_IF_EXISTS' }))).responseDetails
        .status,
    ).toBe(409);
    clock += 61_000;
    await kvs.set('lease', 'c', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('lease')).toBe('c');
  });

  it('expires a value after its TTL', async () => {
    await kvs.set('short', 'lived', { ttl: { value: 2, unit: 'MINUTES' } });
    clock += 60_000;
    expect(await kvs.get('short')).toBe('lived');
    clock += 61_000;
    expect(await kvs.get('short')).toBeUndefined();
  });
});

describe("the service's key and value rules", () => {
  it('refuses a value over 240 KiB with MAX_SIZE and stores nothing', async () => {
    const big = 'x'.repeat(240 * 1024);
    const error = await failure(() => kvs.set('big', big));
    expect(error.code).toBe('MAX_SIZE');
    expect(error.responseDetails.status).toBe(400);
    expect(await kvs.get('big')).toBeUndefined();
    await kvs.set('fits', 'x'.repeat(240 * 1024 - 2)); // the JSON string's quotes count
  });

  it('refuses keys that are too long, empty or have characters outside the pattern', async () => {
    expect((await failure(() => kvs.set('k'.repeat(501), 1))).code).toBe('KEY_TOO_LONG');
    expect((await failure(() => kvs.set('', 1))).code).toBe('KEY_TOO_SHORT');
    expect((await failure(() => kvs.set('a/b', 1))).code).toBe('INVALID_KEY');
    expect((await failure(() => kvs.set('   ', 1))).code).toBe('INVALID_KEY');
    await kvs.set('k'.repeat(500), 1);
    await kvs.set('sli:checkout-availability:2026-03-10 #1_x.y-z', 1);
  });

  it('refuses objects nested deeper than 32 levels with MAX_DEPTH', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 33; i += 1) deep = { deep };
    expect((await failure(() => kvs.set('deep', deep))).code).toBe('MAX_DEPTH');
  });
});

describe('query by key prefix', () => {
  it('pages through matching keys in key order, 10 by default, by cursor', async () => {
    const keys = Array.from({ length: 23 }, (_, i) => `sli:a:${String(i).padStart(3, '0')}`);
    await kvs.batchSet(keys.map((key, i) => ({ key, value: i })));
    await kvs.set('sli:b:000', 'other prefix');
    await kvs.set('policy:SHOP', 'other');
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const query = kvs.query().where('key', WhereConditions.beginsWith('sli:a:'));
      const page = await (cursor === undefined ? query : query.cursor(cursor)).getMany();
      sizes.push(page.results.length);
      seen.push(...page.results.map((result) => result.key));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(sizes).toEqual([10, 10, 3]);
    expect(seen).toEqual(keys);
  });

  it('takes a limit up to 20 and refuses more; getOne returns the first match', async () => {
    await kvs.batchSet(['x:1', 'x:2', 'x:3'].map((key) => ({ key, value: key })));
    const page = await kvs
      .query()
      .where('key', WhereConditions.beginsWith('x:'))
      .limit(2)
      .getMany();
    expect(page.results).toEqual([
      { key: 'x:1', value: 'x:1' },
      { key: 'x:2', value: 'x:2' },
    ]);
    expect(page.nextCursor).toBeDefined();
    const refused = await failure(() => kvs.query().limit(21).getMany());
    expect(refused.responseDetails.status).toBe(400);
    expect(await kvs.query().where('key', WhereConditions.beginsWith('x:')).getOne()).toEqual({
      key: 'x:1',
      value: 'x:1',
    });
  });
});

describe('secrets', () => {
  it('are kept apart from plain values and never returned by queries', async () => {
    await kvs.setSecret('webtrigger-secret', { hmacKey: 's3cr3t' });
    await kvs.set('webtrigger-url', 'https://example.invalid/x1/abc');
    expect(await kvs.getSecret('webtrigger-secret')).toEqual({ hmacKey: 's3cr3t' });
    expect(await kvs.get('webtrigger-secret')).toBeUndefined();
    expect(await kvs.getSecret('webtrigger-url')).toBeUndefined();
    const all = await kvs.query().where('key', WhereConditions.beginsWith('webtrigger')).getMany();
    expect(all.results.map((r) => r.key)).toEqual(['webtrigger-url']);
    await kvs.deleteSecret('webtrigger-secret');
    expect(await kvs.getSecret('webtrigger-secret')).toBeUndefined();
  });
});

describe('batches', () => {
  it('succeed or fail item by item, and refuse a batch naming a key twice', async () => {
    const set = await kvs.batchSet([
      { key: 'b:1', value: 1 },
      { key: 'b/2', value: 2 },
      { key: 'b:3', value: 3 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'b:1' }, { key: 'b:3' }]);
    expect(set.failedKeys).toEqual([
      { key: 'b/2', error: { code: 'INVALID_KEY', message: expect.any(String) as string } },
    ]);
    const got = await kvs.batchGet([{ key: 'b:1' }, { key: 'b:2' }, { key: 'b:3' }]);
    expect(got.successfulKeys).toEqual([
      { key: 'b:1', value: 1 },
      { key: 'b:3', value: 3 },
    ]);
    expect(got.failedKeys.map((f) => [f.key, f.error.code])).toEqual([['b:2', 'KEY_NOT_FOUND']]);
    const deleted = await kvs.batchDelete([{ key: 'b:1' }, { key: 'b:3' }]);
    expect(deleted.successfulKeys).toHaveLength(2);
    expect(await kvs.get('b:1')).toBeUndefined();
    const twice = await failure(() =>
      kvs.batchSet([
        { key: 'dup', value: 1 },
        { key: 'dup', value: 2 },
      ]),
    );
    expect(twice.responseDetails.status).toBe(400);
    expect(await kvs.get('dup')).toBeUndefined();
  });
});

describe('persistence', () => {
  it('keeps every acknowledged write across a restart, in one whole JSON file', async () => {
    await kvs.set('policy:SHOP', { version: 1 });
    await kvs.setSecret('secret', 'hush');
    await Promise.all(Array.from({ length: 40 }, (_, i) => kvs.set(`burst:${i}`, i)));
    await kvs.delete('burst:0');
    forge.uninstall();
    start(); // a new process would load the same file
    expect(await kvs.get('policy:SHOP')).toEqual({ version: 1 });
    expect(await kvs.getSecret('secret')).toBe('hush');
    expect(await kvs.get('burst:39')).toBe(39);
    expect(await kvs.get('burst:0')).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['kvs.json']); // no temporary file left behind
    expect(() => JSON.parse(readFileSync(join(dir, 'kvs.json'), 'utf8')) as unknown).not.toThrow();
  });

  it('ignores the temporary file a crashed write may leave behind', async () => {
    await kvs.set('safe', 'kept');
    forge.uninstall();
    writeFileSync(join(dir, 'kvs.json.123.456.tmp'), '{"version":1,"kv":{"sa'); // torn
    start();
    expect(await kvs.get('safe')).toBe('kept');
  });

  it('starts empty with reset, and refuses a file that is not a KVS state', async () => {
    await kvs.set('kept', 1);
    forge.uninstall();
    store = createSandboxKvs({ stateDir: dir, reset: true });
    forge = installForgeRuntime({ jiraUrl: 'http://127.0.0.1:9', kvs: store.endpoint });
    expect(await kvs.get('kept')).toBeUndefined();
    const other = mkdtempSync(join(tmpdir(), 'ballast-kvs-bad-'));
    try {
      writeFileSync(join(other, 'kvs.json'), '{"nope":1}');
      expect(() => createSandboxKvs({ stateDir: other })).toThrow(/not a sandbox KVS file/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
