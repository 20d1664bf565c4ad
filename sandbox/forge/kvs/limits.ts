/**
 * Forge hosted storage's key and value rules, checked on every write as the service does.
 * Sources: storage-reference/handling-errors-kvs and handling-errors-customentities (error codes,
 * key regex, 500-character keys, object depth 32, entity names 3–60 characters); limits-kvs-ce and
 * the architecture's platform facts (values ≤ 240 KiB); runtime-reference/storage-api-query
 * ("limit … up to a maximum of 20"); storage-reference/transactions (transactions of ≤ 25
 * operations) and batchops (a batch or transaction payload of up to 4 MB).
 */
import { badRequest } from './errors';

export const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_DEPTH = 32;
export const MAX_QUERY_LIMIT = 20;
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_TRANSACTION_OPERATIONS = 25;
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

/** The documented key pattern: letters, digits, `:._-#` and spaces, not only whitespace. */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;

export function checkKey(key: string, kind: 'kvs' | 'entity'): void {
  if (key.length === 0)
    throw kind === 'kvs'
      ? badRequest('KEY_TOO_SHORT', 'The provided key needs to be at least one character.')
      : badRequest('EMPTY_KEY', 'Key cannot be empty.');
  if (key.length > MAX_KEY_LENGTH)
    throw badRequest(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`,
    );
  if (!KEY_PATTERN.test(key))
    throw badRequest(
      'INVALID_KEY',
      `The provided key does not match the regex: ${KEY_PATTERN.source}`,
    );
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

export function checkValue(value: unknown): void {
  if (value === undefined) throw badRequest('BAD_REQUEST', 'A value is required.');
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES)
    throw badRequest(
      'MAX_SIZE',
      `The provided value (${bytes} bytes) has exceeded the maximum size limit of ${MAX_VALUE_BYTES} bytes.`,
    );
  if (depthOf(value) > MAX_DEPTH)
    throw badRequest(
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${MAX_DEPTH}) limit.`,
    );
}

export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT)
    throw badRequest('INVALID_LIMIT', `limit must be an integer from 1 to ${MAX_QUERY_LIMIT}.`);
  return limit;
}
