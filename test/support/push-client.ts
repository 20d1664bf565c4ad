/**
 * Signs and sends push-API requests the way any client must (src/contract/push-api.ts), for the
 * integration tests of the web triggers.
 */
import { signature } from '../../src/cli/push/sign';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/contract/push-api';

export interface PushAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function push(
  url: string,
  secret: string | null,
  body: unknown,
  options: {
    method?: 'GET' | 'POST' | 'PUT';
    timestamp?: number;
    tamper?: (raw: string) => string;
  } = {},
): Promise<PushAnswer> {
  const method = options.method ?? 'POST';
  const raw = method === 'GET' ? '' : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) {
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = signature(secret, Number(timestamp), raw);
  }
  const response = await fetch(url, {
    method,
    headers,
    ...(method === 'GET' ? {} : { body: options.tamper ? options.tamper(raw) : raw }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
