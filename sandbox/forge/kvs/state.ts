/**
 * What the sandbox KVS holds: plain key-values, secrets (a separate namespace that queries never
 * see, as with `kvs.setSecret`), and custom entities by entity name. Times are kept as the service
 * reports them: createdAt/updatedAt in epoch seconds, expireTime as an ISO instant.
 */
import { z } from 'zod';

export interface StoredItem {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireTime?: string;
}

export type Namespace = Record<string, StoredItem>;

export interface KvsState {
  version: 1;
  kv: Namespace;
  secrets: Namespace;
  entities: Record<string, Namespace>;
}

export const emptyState = (): KvsState => ({ version: 1, kv: {}, secrets: {}, entities: {} });

const storedItem = z.object({
  value: z.unknown(),
  createdAt: z.number(),
  updatedAt: z.number(),
  expireTime: z.string().optional(),
});
const namespace = z.record(z.string(), storedItem);

export const kvsStateSchema = z.object({
  version: z.literal(1),
  kv: namespace,
  secrets: namespace,
  entities: z.record(z.string(), namespace),
});

/** Where an operation reads or writes: plain KVS, secrets, or one custom entity. */
export type Target = { kind: 'kv' } | { kind: 'secret' } | { kind: 'entity'; entityName: string };

export const isExpired = (item: StoredItem, nowMs: number): boolean =>
  item.expireTime !== undefined && Date.parse(item.expireTime) <= nowMs;
