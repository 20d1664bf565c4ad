/**
 * Custom entities and transactions in the sandbox KVS, through the REAL @forge/kvs client:
 * attribute types from the manifest's `app.storage.entities`, queries by index (partition, range,
 * filters, sort, paging), and transactions that are all-or-nothing under their conditions.
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxKvs, entitiesFromManifest } from '../../sandbox/forge/kvs/index';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../sandbox/forge/runtime';

interface Chunk {
  slo: string;
  day: number;
  good: number;
  total: number;
  note?: string;
}

const MANIFEST = {
  app: {
    storage: {
      entities: [
        {
          name: 'sli-chunk',
          attributes: {
            slo: { type: 'string' },
            day: { type: 'integer' },
            good: { type: 'integer' },
            total: { type: 'integer' },
            note: { type: 'string' },
          },
          indexes: ['day', { name: 'by-slo-day', range: ['day'], partition: ['slo'] }],
        },
      ],
    },
  },
};

let dir: string;
let forge: InstalledForgeRuntime;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ballast-kvs-entities-'));
  const store = createSandboxKvs({ stateDir: dir, entities: entitiesFromManifest(MANIFEST) });
  forge = installForgeRuntime({ jiraUrl: 'http://127.0.0.1:9', kvs: store.endpoint });
});
afterEach(() => {
  forge.uninstall();
  rmSync(dir, { recursive: true, force: true });
});

const chunks = () => kvs.entity<Chunk>('sli-chunk');

async function codeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function seed(): Promise<void> {
  for (const slo of ['availability', 'latency'])
    for (let day = 1; day <= 12; day += 1)
      await chunks().set(`${slo}:${day}`, { slo, day, good: 990 + day, total: 1000 });
}

describe('custom entities', () => {
  it('set, get and delete, apart from plain keys with the same name', async () => {
    await chunks().set('availability:1', { slo: 'availability', day: 1, good: 9, total: 10 });
    expect(await chunks().get('availability:1')).toEqual({
      slo: 'availability',
      day: 1,
      good: 9,
      total: 10,
    });
    expect(await kvs.get('availability:1')).toBeUndefined();
    await chunks().delete('availability:1');
    expect(await chunks().get('availability:1')).toBeUndefined();
  });

  it('refuses values that break the declared attribute types, and undeclared entities', async () => {
    const wrongType = { slo: 'a', day: 1.5, good: 1, total: 1 } as Chunk;
    expect(await codeOf(() => chunks().set('x', wrongType))).toBe('INVALID_ATTRIBUTE_TYPE');
    expect(await codeOf(() => kvs.entity('nope').set('x', { a: 1 }))).toBe('ENTITY_NOT_FOUND');
  });

  it('queries a partitioned index by range, filters and sort, paging by cursor', async () => {
    await seed();
    const query = () =>
      chunks()
        .query()
        .index('by-slo-day', { partition: ['latency'] })
        .where(WhereConditions.between(3, 10))
        .filters(new Filter<Chunk>().and('good', FilterConditions.greaterThan(994)))
        .sort(Sort.DESC)
        .limit(3);
    const first = await query().getMany();
    expect(first.results.map((r) => r.value.day)).toEqual([10, 9, 8]);
    expect(first.nextCursor).toBeDefined();
    const second = await query()
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results.map((r) => r.value.day)).toEqual([7, 6, 5]);
    expect(second.nextCursor).toBeUndefined();
    expect(second.results.every((r) => r.value.slo === 'latency')).toBe(true);
  });

  it('queries an unpartitioned index across all items, ascending by default', async () => {
    await seed();
    const page = await chunks().query().index('day').where(WhereConditions.lessThan(2)).getMany();
    expect(page.results.map((r) => r.key)).toEqual(['availability:1', 'latency:1']);
    expect(await codeOf(() => chunks().query().index('missing').getMany())).toBe('INDEX_NOT_FOUND');
  });
});

describe('transactions', () => {
  it('apply every plain set and delete together', async () => {
    await kvs.set('old', 1);
    await kvs.transact().set('a', 1).set('b', { two: 2 }).delete('old').execute();
    expect(await kvs.get('a')).toBe(1);
    expect(await kvs.get('b')).toEqual({ two: 2 });
    expect(await kvs.get('old')).toBeUndefined();
  });

  it('write nothing when one condition fails', async () => {
    await chunks().set('availability:1', { slo: 'availability', day: 1, good: 5, total: 10 });
    const failing = kvs
      .transact()
      .set('plain', 'must not appear')
      .set<Chunk>(
        'availability:1',
        { slo: 'availability', day: 1, good: 7, total: 10 },
        {
          entityName: 'sli-chunk',
          conditions: new Filter<Chunk>().and('good', FilterConditions.equalTo(6)),
        },
      );
    expect(await codeOf(() => failing.execute())).toBe('CONDITIONAL_CHECK_FAILED');
    expect(await kvs.get('plain')).toBeUndefined();
    expect((await chunks().get('availability:1'))?.good).toBe(5);
  });

  it('compare-and-set and create-if-absent succeed when their conditions hold', async () => {
    await chunks().set('availability:1', { slo: 'availability', day: 1, good: 5, total: 10 });
    await kvs
      .transact()
      .set<Chunk>(
        'availability:1',
        { slo: 'availability', day: 1, good: 6, total: 10 },
        {
          entityName: 'sli-chunk',
          conditions: new Filter<Chunk>().and('good', FilterConditions.equalTo(5)),
        },
      )
      .set<Chunk>(
        'availability:2',
        { slo: 'availability', day: 2, good: 1, total: 1 },
        {
          entityName: 'sli-chunk',
          conditions: new Filter<Chunk>().and('slo', FilterConditions.notExists()),
        },
      )
      .check<Chunk>('latency:9', {
        entityName: 'sli-chunk',
        conditions: new Filter<Chunk>().and('day', FilterConditions.notExists()),
      })
      .execute();
    expect((await chunks().get('availability:1'))?.good).toBe(6);
    expect((await chunks().get('availability:2'))?.day).toBe(2);
  });

  it('let concurrent compare-and-set updates lose nothing', async () => {
    await chunks().set('availability:1', { slo: 'availability', day: 1, good: 0, total: 0 });
    const increment = async (): Promise<void> => {
      for (;;) {
        const current = await chunks().get('availability:1');
        if (current === undefined) throw new Error('the chunk vanished');
        try {
          await kvs
            .transact()
            .set<Chunk>(
              'availability:1',
              { ...current, good: current.good + 1, total: current.total + 1 },
              {
                entityName: 'sli-chunk',
                conditions: new Filter<Chunk>().and('good', FilterConditions.equalTo(current.good)),
              },
            )
            .execute();
          return;
        } catch (error) {
          if (!(error instanceof ForgeKvsAPIError && error.code === 'CONDITIONAL_CHECK_FAILED'))
            throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 15 }, increment));
    expect(await chunks().get('availability:1')).toMatchObject({ good: 15, total: 15 });
  });

  it('refuse more than 25 operations, and the same key twice', async () => {
    const tooMany = kvs.transact();
    for (let i = 0; i < 26; i += 1) tooMany.set(`k${i}`, i);
    expect(await codeOf(() => tooMany.execute())).toBe('TOO_MANY_OPERATIONS');
    expect(await kvs.get('k0')).toBeUndefined();
    const twice = kvs.transact().set('same', 1).delete('same');
    expect(await codeOf(() => twice.execute())).toBe('DUPLICATE_KEYS');
    const bad = kvs.transact().set('ok', 1).set('not ok/', 2);
    expect(await codeOf(() => bad.execute())).toBe('INVALID_KEY');
    expect(await kvs.get('ok')).toBeUndefined();
  });
});
