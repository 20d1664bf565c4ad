/**
 * How people, times and failures are written in the UI. Pure functions, so tests need no browser.
 */
import type { ResolverError } from '../../src/contract/envelope';

/** "22 Nov 2026, 03:22" in the viewer's time zone (or the one given, for tests). */
export function formatWhen(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** The backend records account ids; the viewer's own is shown as "you". */
export function formatWho(accountId: string, viewerAccountId: string | undefined): string {
  return accountId === viewerAccountId ? 'you' : accountId;
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
