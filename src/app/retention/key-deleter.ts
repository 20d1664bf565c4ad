/**
 * Deletes keys in batches: one KVS transaction per 25 keys (Forge's transaction limit,
 * developer.atlassian.com/platform/forge/storage-reference/transactions/), at most `budget` keys a
 * run so the job ends well inside its function timeout; what is left is deleted by the next run.
 * Keys that must go together (a deployment and its id index) are given together and never split
 * across the budget.
 */
import type { KeyValueStore } from '../../ports/key-value-store';

/** Forge KVS: at most 25 operations in one transaction. */
export const TRANSACTION_OPERATIONS = 25;

export class KeyDeleter {
  private pending: string[] = [];
  private deletedCount = 0;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly budget: number,
  ) {}

  /** Keys deleted so far (flushed or queued). */
  get deleted(): number {
    return this.deletedCount + this.pending.length;
  }

  /** Whether the budget is spent: the caller stops and leaves the rest for the next run. */
  get exhausted(): boolean {
    return this.deleted >= this.budget;
  }

  /** Queues keys that go together; false (nothing queued) when they would exceed the budget. */
  async add(...keys: string[]): Promise<boolean> {
    if (this.deleted + keys.length > this.budget) return false;
    if (this.pending.length + keys.length > TRANSACTION_OPERATIONS) await this.flush();
    this.pending.push(...keys);
    if (this.pending.length === TRANSACTION_OPERATIONS) await this.flush();
    return true;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const keys = this.pending;
    await this.kv.transact(keys.map((key) => ({ op: 'delete' as const, key })));
    this.deletedCount += keys.length;
    this.pending = [];
  }
}

/**
 * The keys under `prefix`, in key order, a page of 20 at a time (the listing limit), while `keep`
 * says false; stops at the first key to keep when the prefix is time-ordered (`ordered`), so the
 * job reads only the expired head of a long history.
 */
export async function expiredUnder<T>(
  kv: KeyValueStore,
  prefix: string,
  expired: (key: string, value: T) => boolean,
  options: { ordered: boolean },
): Promise<{ key: string; value: T }[]> {
  const found: { key: string; value: T }[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list<T>(prefix, { limit: 20, ...(cursor ? { cursor } : {}) });
    for (const entry of page.entries) {
      if (expired(entry.key, entry.value)) found.push({ key: entry.key, value: entry.value });
      else if (options.ordered) return found;
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return found;
}
