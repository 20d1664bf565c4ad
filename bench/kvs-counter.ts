/**
 * Counts the Forge storage operations the app makes in the sandbox: every call to the KVS
 * endpoint (sandbox/forge/kvs/routes.ts) by operation, and the items a batch or transaction
 * carries (a transaction of 25 writes is one call and 25 item operations — Forge meters both).
 * Wraps the route table while `fn` runs and restores it after.
 */
import { ROUTES } from '../sandbox/forge/kvs/routes';

export interface KvsCounts {
  /** Storage API calls, by operation path (`/api/v1/transaction`…). */
  readonly calls: Record<string, number>;
  readonly totalCalls: number;
  /** Keys read, written, deleted or checked, summed over every call. */
  readonly itemOperations: number;
}

function itemsOf(path: string, body: unknown): number {
  if (Array.isArray(body)) return body.length; // batch get/set/delete
  if (path === '/api/v1/transaction' && typeof body === 'object' && body !== null) {
    const t = body as { set?: unknown[]; delete?: unknown[]; check?: unknown[] };
    return (t.set?.length ?? 0) + (t.delete?.length ?? 0) + (t.check?.length ?? 0);
  }
  return 1;
}

export async function countKvs<T>(fn: () => Promise<T>): Promise<{ value: T; counts: KvsCounts }> {
  const calls: Record<string, number> = {};
  let itemOperations = 0;
  const originals = Object.entries(ROUTES).map(([path, route]) => [path, route.run] as const);
  for (const [path, run] of originals) {
    ROUTES[path]!.run = (store, body) => {
      calls[path] = (calls[path] ?? 0) + 1;
      itemOperations += itemsOf(path, body);
      return run(store, body);
    };
  }
  try {
    const value = await fn();
    return {
      value,
      counts: {
        calls,
        totalCalls: Object.values(calls).reduce((a, b) => a + b, 0),
        itemOperations,
      },
    };
  } finally {
    for (const [path, run] of originals) ROUTES[path]!.run = run;
  }
}
