/**
 * The push API's front door, shared by every web trigger: size limit, HMAC-SHA256 signature over
 * "<timestamp>.<raw body>" with the site's secret (the previous one during its grace period),
 * stale-timestamp refusal, JSON + schema validation — and the one place where errors become HTTP
 * statuses with a JSON body naming the field (src/contract/push-api.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import type { z } from 'zod';
import { AppError } from '../../app/errors';
import {
  MAX_CLOCK_SKEW_SECONDS,
  MAX_PUSH_BODY_BYTES,
  SIGNATURE_HEADER,
  SIGNATURE_VERSION,
  TIMESTAMP_HEADER,
  signingInput,
  type PushResponse,
} from '../../contract/push-api';

type PushErrorCode = Extract<PushResponse, { ok: false }>['error']['code'];

/** A refusal with its HTTP status and push-API code. */
export class PushError extends Error {
  constructor(
    readonly status: number,
    readonly code: PushErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function json(status: number, body: unknown): WebTriggerResponse {
  return {
    statusCode: status,
    headers: { 'Content-Type': ['application/json'] },
    body: JSON.stringify(body),
  };
}

const header = (request: WebTriggerRequest, name: string): string | undefined => {
  const entry = Object.entries(request.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return entry?.[1]?.[0];
};

/** Refuses the request unless it is fresh and signed with one of `secrets`. */
export function verifySignature(
  request: WebTriggerRequest,
  secrets: readonly string[],
  now: Date,
): void {
  const body = request.body ?? '';
  if (Buffer.byteLength(body, 'utf8') > MAX_PUSH_BODY_BYTES) {
    throw new PushError(
      413,
      'TOO_LARGE',
      `The body is larger than ${MAX_PUSH_BODY_BYTES} bytes; send smaller batches.`,
    );
  }
  if (secrets.length === 0) {
    throw new PushError(
      401,
      'UNAUTHORIZED',
      "No signing secret exists yet: a project admin creates one in Ballast's project settings (Push API).",
    );
  }
  const timestamp = header(request, TIMESTAMP_HEADER);
  const signature = header(request, SIGNATURE_HEADER);
  if (timestamp === undefined || signature === undefined) {
    throw new PushError(
      401,
      'UNAUTHORIZED',
      `Sign the request: headers ${TIMESTAMP_HEADER} (Unix seconds) and ${SIGNATURE_HEADER} (${SIGNATURE_VERSION}=<hex HMAC-SHA256 of "<timestamp>.<body>">) are required.`,
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new PushError(401, 'UNAUTHORIZED', `${TIMESTAMP_HEADER} must be Unix seconds.`);
  }
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    throw new PushError(
      401,
      'STALE',
      `${TIMESTAMP_HEADER} is ${Math.round(skew)} s away from the server's clock (at most ${MAX_CLOCK_SKEW_SECONDS} s): check the sender's clock, and never resend an old signed request.`,
    );
  }
  const given = /^v1=([0-9a-f]{64})$/.exec(signature)?.[1];
  const matches = (secret: string): boolean => {
    if (given === undefined) return false;
    const expected = createHmac('sha256', secret).update(signingInput(timestamp, body)).digest();
    return timingSafeEqual(expected, Buffer.from(given, 'hex'));
  };
  if (!secrets.some(matches)) {
    throw new PushError(
      401,
      'UNAUTHORIZED',
      'The signature does not match: sign "<timestamp>.<raw body>" with the current secret (HMAC-SHA256, hex, prefixed "v1=").',
    );
  }
}

/** Parses the JSON body against `schema`; the first problem names its field. */
export function parseBody<T>(request: WebTriggerRequest, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(request.body ?? '');
  } catch {
    throw new PushError(400, 'BAD_REQUEST', 'The body is not valid JSON.');
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.reduce<string>(
      (text, part) =>
        typeof part === 'number'
          ? `${text}[${part}]`
          : text
            ? `${text}.${String(part)}`
            : String(part),
      '',
    );
    throw new PushError(
      400,
      'BAD_REQUEST',
      `${field || 'body'}: ${issue.message}`,
      field || undefined,
    );
  }
  return result.data;
}

/** Runs a push handler body; every failure becomes a JSON error with the right status. */
export async function answer(
  run: () => Promise<WebTriggerResponse>,
  label: string,
  internalMessage = 'Ballast could not store this request; nothing of it was kept. Retry later with the same id.',
): Promise<WebTriggerResponse> {
  try {
    return await run();
  } catch (error: unknown) {
    const fail = (status: number, code: PushErrorCode, message: string, field?: string) =>
      json(status, {
        ok: false,
        error: { code, message, ...(field === undefined ? {} : { field }) },
      } satisfies PushResponse);
    if (error instanceof PushError)
      return fail(error.status, error.code, error.message, error.field);
    if (error instanceof AppError) {
      if (error.code === 'NOT_FOUND')
        return fail(404, 'UNKNOWN_SLO', error.message, error.options.field);
      if (error.code === 'BAD_REQUEST')
        return fail(400, 'BAD_REQUEST', error.message, error.options.field);
      // The id is being stored by a concurrent request (retry later) or holds other content.
      if (error.code === 'CONFLICT')
        return error.options.retryable === true
          ? fail(503, 'IN_PROGRESS', error.message, error.options.field)
          : fail(409, 'CONFLICT', error.message, error.options.field);
    }
    console.error(`Push API (${label}) failed`, error);
    return fail(500, 'INTERNAL', internalMessage);
  }
}
