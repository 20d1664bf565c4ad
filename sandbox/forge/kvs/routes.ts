/**
 * The storage operations @forge/kvs calls (node_modules/@forge/kvs/out/storage-api.js), by path:
 * each validates its body (schemas.ts), runs on the store and says whether it wrote.
 */
import type { z } from 'zod';
import { batchDelete, batchGet, batchSet, withMetadata } from './batch';
import { queryEntity } from './entity-query';
import { KvsFailure } from './errors';
import * as schema from './schemas';
import type { Target } from './state';
import type { KvsStore } from './store';
import { transact } from './transaction';

type Handler = (store: KvsStore, body: unknown) => unknown;
export interface Route {
  run: Handler;
  writes: boolean;
}

const ALL_METADATA = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;

const getter = (
  target: (body: { entityName?: string }) => Target,
  body: z.ZodType<{ key: string; entityName?: string }>,
): Route => ({
  writes: false,
  run: (store, raw) => {
    const request = body.parse(raw);
    return withMetadata(request.key, store.get(target(request), request.key), ALL_METADATA);
  },
});

const setter = (
  target: (body: { entityName?: string }) => Target,
  body: z.ZodType<{
    key: string;
    value: unknown;
    options?: schema.SetOptions;
    entityName?: string;
  }>,
): Route => ({
  writes: true,
  run: (store, raw) => {
    const request = body.parse(raw);
    const { previous, latest } = store.set(
      target(request),
      request.key,
      request.value,
      request.options,
    );
    const returned =
      request.options?.returnValue === 'PREVIOUS'
        ? previous
        : request.options?.returnValue === 'LATEST'
          ? latest
          : undefined;
    return returned === undefined ? undefined : withMetadata(request.key, returned, ALL_METADATA);
  },
});

const deleter = (
  target: (body: { entityName?: string }) => Target,
  body: z.ZodType<{ key: string; entityName?: string }>,
): Route => ({
  writes: true,
  run: (store, raw) => {
    const request = body.parse(raw);
    store.delete(target(request), request.key);
    return undefined;
  },
});

const kv = (): Target => ({ kind: 'kv' });
const secret = (): Target => ({ kind: 'secret' });
const entity = (body: { entityName?: string }): Target => ({
  kind: 'entity',
  entityName: body.entityName ?? '',
});

const page = (
  result: {
    data: { key: string; item: Parameters<typeof withMetadata>[1] }[];
    cursor: string | undefined;
  },
  fields: schema.MetadataField[] | undefined,
) => ({
  data: result.data.map(({ key, item }) => withMetadata(key, item, fields)),
  ...(result.cursor === undefined ? {} : { cursor: result.cursor }),
});

export const ROUTES: Record<string, Route> = {
  '/api/v1/get': getter(kv, schema.getBody),
  '/api/v1/set': setter(kv, schema.setBody),
  '/api/v1/delete': deleter(kv, schema.deleteBody),
  '/api/v1/secret/get': getter(secret, schema.getBody),
  '/api/v1/secret/set': setter(secret, schema.setBody),
  '/api/v1/secret/delete': deleter(secret, schema.deleteBody),
  '/api/v1/entity/get': getter(entity, schema.entityGetBody),
  '/api/v1/entity/set': setter(entity, schema.entitySetBody),
  '/api/v1/entity/delete': deleter(entity, schema.entityDeleteBody),
  '/api/v1/query': {
    writes: false,
    run: (store, raw) => {
      const request = schema.queryBody.parse(raw);
      const where = request.where?.[0];
      if (where !== undefined && where.condition !== 'BEGINS_WITH')
        throw new KvsFailure(
          400,
          'INVALID_CONDITION',
          'The Key-Value Store supports only beginsWith on key.',
        );
      const prefix = where === undefined ? undefined : String(where.values[0]);
      return page(
        store.query(prefix, request.after, request.limit),
        request.options?.metadataFields,
      );
    },
  },
  '/api/v1/entity/query': {
    writes: false,
    run: (store, raw) => {
      const request = schema.entityQueryBody.parse(raw);
      return page(queryEntity(store, request), request.options?.metadataFields);
    },
  },
  '/api/v1/batch/set': {
    writes: true,
    run: (store, raw) => batchSet(store, schema.batchSetBody.parse(raw)),
  },
  '/api/v1/batch/get': {
    writes: false,
    run: (store, raw) => batchGet(store, schema.batchGetBody.parse(raw)),
  },
  '/api/v1/batch/delete': {
    writes: true,
    run: (store, raw) => batchDelete(store, schema.batchDeleteBody.parse(raw)),
  },
  '/api/v1/transaction': {
    writes: true,
    run: (store, raw) => {
      transact(store, schema.transactionBody.parse(raw));
      return undefined;
    },
  },
};
