/**
 * How people, times and failures are written in the UI. Pure functions, so tests need no browser.
 */
import type { ResolverError } from '../../src/contract/envelope';
import { FORMER_USER_ID, FORMER_USER_NAME } from '../../src/contract/people';
import { viewerLocale } from './viewer-locale';

/**
 * "22 Nov 2026, 03:22" (en-GB) or "Nov 22, 2026, 03:22 AM" (en-US): the instant in the viewer's
 * locale and time zone (viewer-locale.ts), or the ones given, for tests. A value that is no
 * instant is never shown raw: it reads "unknown time".
 */
export function formatWhen(iso: string, timeZone?: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  const viewer = viewerLocale();
  return new Intl.DateTimeFormat(locale ?? viewer.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: timeZone ?? viewer.timeZone,
  }).format(date);
}

/** "20 Nov" / "Nov 20": a day, in the viewer's locale and time zone. */
export function formatDay(iso: string, timeZone?: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown day';
  const viewer = viewerLocale();
  return new Intl.DateTimeFormat(locale ?? viewer.locale, {
    day: 'numeric',
    month: 'short',
    timeZone: timeZone ?? viewer.timeZone,
  }).format(date);
}

/**
 * People by name: the viewer is "you"; anyone else by the display name the backend looked up in
 * Jira (`people`: account id → name). An account id is never shown: one Jira did not name (a
 * deleted or hidden account) reads "a person Jira does not name"; one whose account was closed and
 * erased from Ballast's records (src/contract/people.ts) reads "Former user".
 */
export function formatWho(
  accountId: string,
  viewerAccountId: string | undefined,
  people: Readonly<Record<string, string>> = {},
): string {
  if (accountId === FORMER_USER_ID) return FORMER_USER_NAME;
  if (accountId === viewerAccountId) return 'you';
  return Object.hasOwn(people, accountId) ? people[accountId]! : 'a person Jira does not name';
}

/** What a failed load means for the person looking at it. */
export type FailureView =
  | { readonly kind: 'denied'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string; readonly retryable: boolean };

export function failureView(error: ResolverError): FailureView {
  if (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')
    return { kind: 'denied', message: error.message };
  return { kind: 'error', message: error.message, retryable: error.retryable };
}

/** Any thrown value as a ResolverError: the bridge itself can fail (no network, frame closed). */
export function asResolverError(thrown: unknown): ResolverError {
  const error = (thrown as { error?: Partial<ResolverError> } | null)?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string')
    return {
      ...error,
      code: error.code,
      message: error.message,
      retryable: error.retryable === true,
    };
  return {
    code: 'INTERNAL',
    message: 'Ballast could not reach its backend. Check your connection and try again.',
    retryable: true,
  };
}
