/**
 * `kvs.batchSet/batchGet/batchDelete`: each item succeeds or fails on its own and is reported in
 * `successfulKeys` / `failedKeys` (storage-reference/batchops). The whole batch is refused when it
 * is empty or names the same key twice, as the docs say.
 */
import { badRequest, KvsFailure } from './errors';
import type { MetadataField, SetOptions } from './schemas';
import type { StoredItem, Target } from './state';
import type { KvsStore } from './store';

interface BatchItem {
  key: string;
  entityName?: string;
}

const targetOf = (item: BatchItem): Target =>
  item.entityName === undefined ? { kind: 'kv' } : { kind: 'entity', entityName: item.entityName };

const ref = (item: BatchItem) => ({
  key: item.key,
  ...(item.entityName === undefined ? {} : { entityName: item.entityName }),
});

function checkBatch(items: readonly BatchItem[]): void {
  if (items.length === 0) throw badRequest('BAD_REQUEST', 'A batch needs at least one item.');
  const seen = new Set<string>();
  for (const item of items) {
    const id = `${item.entityName ?? ''}\u0000${item.key}`;
    if (seen.has(id))
      throw badRequest('DUPLICATE_KEYS', `The batch names key ${item.key} more than once.`);
    seen.add(id);
  }
}

function settle<T extends BatchItem, R extends object>(items: readonly T[], run: (item: T) => R) {
  const successfulKeys: (R | ReturnType<typeof ref>)[] = [];
  const failedKeys: (ReturnType<typeof ref> & { error: { code: string; message: string } })[] = [];
  for (const item of items) {
    try {
      successfulKeys.push({ ...ref(item), ...run(item) });
    } catch (error) {
      if (!(error instanceof KvsFailure)) throw error;
      failedKeys.push({ ...ref(item), error: { code: error.code, message: error.message } });
    }
  }
  return { successfulKeys, failedKeys };
}

/** The item as the service returns it, with only the metadata asked for. */
export function withMetadata(key: string, item: StoredItem, fields: readonly MetadataField[] = []) {
  return {
    key,
    value: item.value,
    ...(fields.includes('CREATED_AT') ? { createdAt: item.createdAt } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: item.updatedAt } : {}),
    ...(fields.includes('EXPIRE_TIME') && item.expireTime !== undefined
      ? { expireTime: item.expireTime }
      : {}),
  };
}

export function batchSet(
  store: KvsStore,
  items: readonly (BatchItem & {
    value: unknown;
    options?: Pick<NonNullable<SetOptions>, 'ttl'>;
  })[],
) {
  checkBatch(items);
  return settle(items, (item) => {
    store.set(targetOf(item), item.key, item.value, { ttl: item.options?.ttl });
    return {};
  });
}

export function batchGet(
  store: KvsStore,
  items: readonly (BatchItem & { options?: { metadataFields?: MetadataField[] } })[],
) {
  checkBatch(items);
  return settle(items, (item) =>
    withMetadata(item.key, store.get(targetOf(item), item.key), item.options?.metadataFields),
  );
}

export function batchDelete(store: KvsStore, items: readonly BatchItem[]) {
  checkBatch(items);
  return settle(items, (item) => {
    try {
      store.delete(targetOf(item), item.key);
    } catch (error) {
      // Deleting what is not there leaves the store as asked: a success, not a failure.
      if (!(error instanceof KvsFailure && error.code === 'KEY_NOT_FOUND')) throw error;
    }
    return {};
  });
}

export { targetOf };
