/**
 * Jira failures as typed application errors, so resolvers, triggers and jobs report them the same way
 * (src/entry/resolvers/respond.ts maps every AppError in one place).
 */
import { AppError } from '../../../app/errors';
import type { ErrorCode } from '../../../contract/envelope';
import { throttleMessage, type ThrottleScope } from './rate-limit';

export type JiraFailureKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'unavailable'
  | 'unexpected-response';

const codeOf: Record<JiraFailureKind, ErrorCode> = {
  'bad-request': 'BAD_REQUEST',
  unauthorized: 'FORBIDDEN',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
  'rate-limited': 'JIRA_RATE_LIMITED',
  unavailable: 'JIRA_UNAVAILABLE',
  'unexpected-response': 'JIRA_UNAVAILABLE',
};

const retryable = new Set<JiraFailureKind>(['rate-limited', 'unavailable']);

export class JiraRequestError extends AppError {
  constructor(
    readonly kind: JiraFailureKind,
    /** "GET /rest/api/3/issue/SHOP-1", for logs and messages. */
    readonly request: string,
    message: string,
    readonly status?: number,
    retryAfterSeconds?: number,
  ) {
    super(codeOf[kind], message, {
      retryable: retryable.has(kind),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
    this.name = 'JiraRequestError';
  }
}

/**
 * Jira is throttling and asked for a longer wait than the invocation has left (or the retries
 * ran out): the caller answers at once (a resolver) or stops and resumes later (background work).
 */
export class JiraRateLimitError extends JiraRequestError {
  constructor(
    request: string,
    readonly scope: ThrottleScope,
    /** When Jira accepts requests again (epoch ms, on the invocation's clock). */
    readonly retryAtMs: number,
    waitMs: number,
  ) {
    super(
      'rate-limited',
      request,
      throttleMessage(scope, waitMs, retryAtMs),
      429,
      Math.max(1, Math.ceil(waitMs / 1000)),
    );
    this.name = 'JiraRateLimitError';
  }
}

export function kindOfStatus(status: number): JiraFailureKind {
  if (status === 400 || status === 413 || status === 422) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  return 'unavailable';
}

/** Jira's error body: `{ errorMessages: [...], errors: { field: message } }` (REST v3 ErrorCollection). */
export function jiraErrorText(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(errorMessages) ? errorMessages.map(String) : [];
  const fields =
    typeof errors === 'object' && errors !== null
      ? Object.entries(errors).map(([field, message]) => `${field}: ${String(message)}`)
      : [];
  return [...messages, ...fields].join('; ');
}

export function messageFor(kind: JiraFailureKind, detail: string): string {
  const suffix = detail ? ` Jira said: ${detail}` : '';
  switch (kind) {
    case 'rate-limited':
      return `Jira is rate-limiting requests right now. Try again in a minute.${suffix}`;
    case 'unavailable':
      return `Jira did not answer properly. Try again shortly.${suffix}`;
    case 'forbidden':
    case 'unauthorized':
      return `You do not have permission for this in Jira.${suffix}`;
    case 'not-found':
      return `Jira could not find it, or you cannot see it.${suffix}`;
    case 'unexpected-response':
      return `Jira answered in a shape Ballast does not understand.${suffix}`;
    default:
      return `Jira refused the request.${suffix}`;
  }
}
