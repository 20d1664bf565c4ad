/**
 * KeyValueStore and SecretStore on Forge's key-value store (@forge/kvs): plain keys, prefix queries,
 * batches of ≤ 20 reads, transactions of ≤ 25 operations, TTLs, and secrets
 * (developer.atlassian.com/platform/forge/runtime-reference/storage-api-basic/ and …/transactions/).
 */
// Named import: the default export is not the store under plain Node ESM (CommonJS interop).
import { kvs, WhereConditions } from '@forge/kvs';
import type {
  KeyValueOperation,
  KeyValuePage,
  KeyValueStore,
  SecretStore,
} from '../../../ports/key-value-store';

const ttlOf = (ttlSeconds: number | undefined) =>
  ttlSeconds === undefined ? {} : { ttl: { value: ttlSeconds, unit: 'SECONDS' as const } };

export class ForgeKeyValueStore implements KeyValueStore, SecretStore {
  get<T>(key: string): Promise<T | undefined> {
    return kvs.get<T>(key);
  }

  async getMany<T>(keys: readonly string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (keys.length === 0) return found;
    const result = await kvs.batchGet<T>(keys.map((key) => ({ key })));
    // A key that does not exist comes back as a failed key with KEY_NOT_FOUND: simply absent.
    const failed = result.failedKeys.filter((f) => f.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) {
      const first = failed[0]!;
      throw new Error(`Storage could not read ${first.key}: ${first.error.message}`);
    }
    for (const item of result.successfulKeys) found.set(item.key, item.value);
    return found;
  }

  set(key: string, value: unknown, options: { ttlSeconds?: number } = {}): Promise<void> {
    return kvs.set(key, value, ttlOf(options.ttlSeconds));
  }

  async setIfAbsent(
    key: string,
    value: unknown,
    options: { ttlSeconds?: number } = {},
  ): Promise<boolean> {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttlOf(options.ttlSeconds) });
      return true;
    } catch (error: unknown) {
      // The docs do not name the code of a refused FAIL_IF_EXISTS write; the key being there is
      // what matters (the same reasoning as ForgeDocumentStore.put).
      if ((await kvs.get(key)) !== undefined) return false;
      throw error;
    }
  }

  async setReturningPrevious<T>(key: string, value: unknown): Promise<T | undefined> {
    // An OVERRIDE write that returns the replaced value in the same call (REST reference
    // developer.atlassian.com/platform/forge/rest/v2/api-group-forge-kvs/, "set";
    // OverrideAndReturnSetOptions in @forge/kvs): nothing can write between the read and the write.
    const previous = await kvs.set<unknown, T>(key, value, {
      keyPolicy: 'OVERRIDE',
      returnValue: 'PREVIOUS',
    });
    return previous?.value;
  }

  delete(key: string): Promise<void> {
    return kvs.delete(key);
  }

  async list<T>(
    prefix: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<KeyValuePage<T>> {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(prefix))
      .limit(options.limit ?? 20);
    if (options.cursor !== undefined) query = query.cursor(options.cursor);
    const page = await query.getMany<T>();
    return {
      entries: page.results.map((r) => ({ key: r.key, value: r.value })),
      ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
    };
  }

  async transact(operations: readonly KeyValueOperation[]): Promise<void> {
    if (operations.length === 0) return;
    let builder = kvs.transact();
    for (const operation of operations) {
      builder =
        operation.op === 'set'
          ? builder.set(operation.key, operation.value, undefined, ttlOf(operation.ttlSeconds))
          : builder.delete(operation.key);
    }
    await builder.execute();
  }

  getSecret<T>(key: string): Promise<T | undefined> {
    return kvs.getSecret<T>(key);
  }

  setSecret(key: string, value: unknown): Promise<void> {
    return kvs.setSecret(key, value);
  }
}
