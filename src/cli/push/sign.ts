/**
 * Request signing of the push API (src/contract/push-api.ts): `X-Ballast-Signature:
 * v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` with the Unix-seconds timestamp in
 * `X-Ballast-Timestamp`. The signature covers the exact bytes sent, so the body is serialised once.
 */
import { createHmac } from 'node:crypto';
import {
  SIGNATURE_HEADER,
  SIGNATURE_VERSION,
  TIMESTAMP_HEADER,
  signingInput,
} from '../../contract/push-api';

export function hmacSha256Hex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** `v1=<hex>` for a body sent at `timestampSeconds`. */
export function signature(secret: string, timestampSeconds: number, rawBody: string): string {
  const input = signingInput(String(timestampSeconds), rawBody);
  return `${SIGNATURE_VERSION}=${hmacSha256Hex(secret, input)}`;
}

/** The two headers of a signed request, computed at `nowMs`. */
export function signedHeaders(
  secret: string,
  nowMs: number,
  rawBody: string,
): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signature(secret, timestamp, rawBody),
  };
}
