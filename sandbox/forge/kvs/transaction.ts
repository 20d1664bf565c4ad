/**
 * `kvs.transact()`: up to 25 set/delete/check operations that all happen or none do
 * (storage-reference/transactions, transactions-entities). Conditions are entity filters
 * evaluated on the stored item (a missing item has no attributes, so `notExists` holds and
 * `equalTo` does not). Everything is checked before anything is written, so a refused
 * transaction leaves the store untouched.
 */
import { matchesFilters } from './conditions';
import { badRequest, KvsFailure } from './errors';
import { checkKey, MAX_TRANSACTION_OPERATIONS } from './limits';
import type { TransactionBody } from './schemas';
import { targetOf } from './batch';
import type { KvsStore } from './store';

export function transact(store: KvsStore, body: TransactionBody): void {
  const sets = body.set ?? [];
  const deletes = body.delete ?? [];
  const checks = body.check ?? [];
  const operations = [...sets, ...deletes, ...checks];
  if (operations.length === 0)
    throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation.');
  if (operations.length > MAX_TRANSACTION_OPERATIONS)
    throw badRequest(
      'TOO_MANY_OPERATIONS',
      `A transaction may hold at most ${MAX_TRANSACTION_OPERATIONS} operations; got ${operations.length}.`,
    );
  const seen = new Set<string>();
  for (const operation of operations) {
    const id = `${operation.entityName ?? ''}\u0000${operation.key}`;
    if (seen.has(id))
      throw badRequest(
        'DUPLICATE_KEYS',
        `The transaction names key ${operation.key} more than once.`,
      );
    seen.add(id);
    if (operation.conditions !== undefined && operation.entityName === undefined)
      throw badRequest('BAD_REQUEST', 'Conditions apply to custom entities only.');
  }
  for (const operation of sets)
    store.checkWrite(targetOf(operation), operation.key, operation.value);
  for (const operation of [...deletes, ...checks]) {
    checkKey(operation.key, operation.entityName === undefined ? 'kvs' : 'entity');
    store.read(targetOf(operation), operation.key); // refuses an undeclared entity
  }
  for (const operation of operations) {
    if (operation.conditions === undefined) continue;
    const current = store.read(targetOf(operation), operation.key);
    if (!matchesFilters(current?.value, operation.conditions))
      throw new KvsFailure(
        409,
        'CONDITIONAL_CHECK_FAILED',
        `The transaction was cancelled: the condition on ${operation.entityName ?? ''} ${operation.key} does not hold.`,
      );
  }
  for (const operation of sets)
    store.set(targetOf(operation), operation.key, operation.value, { ttl: operation.options?.ttl });
  for (const operation of deletes)
    if (store.read(targetOf(operation), operation.key) !== undefined)
      store.delete(targetOf(operation), operation.key);
}
