/**
 * The sandbox KVS's data operations on the in-memory state: one namespace per target (plain keys,
 * secrets, each custom entity), keys and values checked as the service checks them, TTLs honoured
 * (an expired item reads as missing). Node runs each request's body synchronously, so every
 * operation — a transaction included — is atomic with respect to the others.
 */
import { keyNotFound, KvsFailure } from './errors';
import { checkEntityValue, findEntity, type EntityDefinition } from './entities';
import { checkKey, checkLimit, checkValue } from './limits';
import { decodeCursor, encodeCursor } from './cursor';
import type { SetOptions } from './schemas';
import { isExpired, type KvsState, type Namespace, type StoredItem, type Target } from './state';

const TTL_SECONDS = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86_400 } as const;

export interface Entry {
  key: string;
  item: StoredItem;
}

export class KvsStore {
  readonly definitions: ReadonlyMap<string, EntityDefinition>;

  constructor(
    public state: KvsState,
    entities: readonly EntityDefinition[],
    readonly now: () => number,
  ) {
    this.definitions = new Map(entities.map((entity) => [entity.name, entity]));
  }

  private namespace(target: Target): Namespace {
    if (target.kind === 'kv') return this.state.kv;
    if (target.kind === 'secret') return this.state.secrets;
    findEntity(this.definitions, target.entityName);
    return (this.state.entities[target.entityName] ??= {});
  }

  read(target: Target, key: string): StoredItem | undefined {
    const space = this.namespace(target);
    const item = space[key];
    if (item === undefined) return undefined;
    if (isExpired(item, this.now())) {
      Reflect.deleteProperty(space, key);
      return undefined;
    }
    return item;
  }

  /** Throws the service's 400 for a bad key or value; nothing is written. */
  checkWrite(target: Target, key: string, value: unknown): void {
    checkKey(key, target.kind === 'entity' ? 'entity' : 'kvs');
    checkValue(value);
    if (target.kind === 'entity')
      checkEntityValue(findEntity(this.definitions, target.entityName), value);
  }

  get(target: Target, key: string): StoredItem {
    checkKey(key, target.kind === 'entity' ? 'entity' : 'kvs');
    const item = this.read(target, key);
    if (item === undefined) throw keyNotFound();
    return item;
  }

  set(
    target: Target,
    key: string,
    value: unknown,
    options: SetOptions,
  ): { previous: StoredItem | undefined; latest: StoredItem } {
    this.checkWrite(target, key, value);
    const previous = this.read(target, key);
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous !== undefined)
      throw new KvsFailure(409, 'KEY_ALREADY_EXISTS', `The key ${key} already exists.`);
    const nowMs = this.now();
    const seconds = Math.floor(nowMs / 1000);
    const ttl = options?.ttl;
    const latest: StoredItem = {
      // A stored copy: later changes to the caller's object must not leak in.
      value: structuredClone(value),
      createdAt: previous?.createdAt ?? seconds,
      updatedAt: seconds,
      ...(ttl === undefined
        ? {}
        : { expireTime: new Date(nowMs + ttl.value * TTL_SECONDS[ttl.unit] * 1000).toISOString() }),
    };
    this.namespace(target)[key] = latest;
    return { previous, latest };
  }

  delete(target: Target, key: string): void {
    checkKey(key, target.kind === 'entity' ? 'entity' : 'kvs');
    if (this.read(target, key) === undefined) throw keyNotFound();
    Reflect.deleteProperty(this.namespace(target), key);
  }

  /** Live items of a namespace, in key order. */
  entries(target: Target): Entry[] {
    const space = this.namespace(target);
    return Object.keys(space)
      .sort()
      .flatMap((key) => {
        const item = this.read(target, key);
        return item === undefined ? [] : [{ key, item }];
      });
  }

  /** `kvs.query()`: plain keys only (never secrets), by key prefix, in key order, paged. */
  query(prefix: string | undefined, after: string | undefined, limit: number | undefined) {
    const size = checkLimit(limit);
    const from = decodeCursor(after);
    const matching = this.entries({ kind: 'kv' }).filter(
      ({ key }) =>
        (prefix === undefined || key.startsWith(prefix)) && (from === undefined || key > from.key),
    );
    const page = matching.slice(0, size);
    const last = page[page.length - 1];
    return {
      data: page,
      cursor:
        matching.length > size && last !== undefined ? encodeCursor({ key: last.key }) : undefined,
    };
  }
}
