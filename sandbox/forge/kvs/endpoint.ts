/**
 * The storage service's HTTP face, as @forge/kvs's StorageApi calls it
 * (node_modules/@forge/kvs/out/storage-api.js): POST `/api/v1/<operation>` with a JSON body;
 * 200 with JSON, 204 when there is nothing to return, and `{ code, message }` with a 4xx/5xx
 * otherwise. Answers are real fetch `Response` objects, as `__forge_fetch__` returns them.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { KvsFailure } from './errors';
import { MAX_PAYLOAD_BYTES } from './limits';
import { ROUTES } from './routes';
import type { KvsStore } from './store';

const reply = (status: number, body: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: {
      'x-trace-id': randomUUID().replaceAll('-', ''),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });

const failure = (status: number, code: string, message: string): Response =>
  reply(status, { code, message });

/** Handles one storage call; `persist` is awaited after every successful write. */
export async function handleKvsRequest(
  store: KvsStore,
  persist: () => Promise<void>,
  path: string,
  init: RequestInit | undefined,
): Promise<Response> {
  const route = ROUTES[path];
  if (route === undefined) return failure(404, 'NOT_FOUND', `No storage operation at ${path}.`);
  if ((init?.method ?? 'GET').toUpperCase() !== 'POST')
    return failure(405, 'METHOD_NOT_ALLOWED', 'Storage calls are POSTs.');
  const text = init?.body == null ? '' : await new Response(init.body).text();
  if (Buffer.byteLength(text, 'utf8') > MAX_PAYLOAD_BYTES)
    return failure(
      413,
      'PAYLOAD_TOO_LARGE',
      `A storage request may carry at most ${MAX_PAYLOAD_BYTES} bytes.`,
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure(400, 'BAD_REQUEST', 'Provided request body is invalid');
  }
  try {
    const result = route.run(store, body);
    if (route.writes) await persist();
    return reply(result === undefined ? 204 : 200, result);
  } catch (error) {
    if (error instanceof KvsFailure) return failure(error.status, error.code, error.message);
    if (error instanceof z.ZodError)
      return failure(
        400,
        'BAD_REQUEST',
        `Provided request body is invalid: ${z.prettifyError(error)}`,
      );
    return failure(500, 'INTERNAL_SERVER_ERROR', 'An internal server error has occurred');
  }
}
