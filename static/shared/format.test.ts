import { describe, expect, it } from 'vitest';
import { FORMER_USER_ID } from '../../src/contract/people';
import { asResolverError, failureView, formatDay, formatWhen, formatWho } from './format';
import { setViewerLocale, viewerLocale } from './viewer-locale';
import { issueFrameOf, NoIssueError } from './issue-frame';
import { ResolverFailure } from './resolver-failure';
import { loadReducer, type LoadState } from './use-resolver';

describe('formatWhen', () => {
  it('writes an ISO time as day, month, year and time in the given zone', () => {
    expect(formatWhen('2026-11-20T09:30:00Z', 'UTC')).toBe('20 Nov 2026, 09:30');
    expect(formatWhen('2026-11-20T09:30:00Z', 'Europe/Lisbon')).toBe('20 Nov 2026, 09:30');
    expect(formatWhen('2026-11-20T09:30:00Z', 'Asia/Tokyo')).toBe('20 Nov 2026, 18:30');
  });

  it('writes the instant in the viewer’s locale and time zone from the Forge context', () => {
    try {
      setViewerLocale({ locale: 'en_US', timezone: 'America/New_York' });
      expect(formatWhen('2026-11-20T09:30:00Z')).toBe('Nov 20, 2026, 04:30 AM');
      expect(formatDay('2026-11-20T03:30:00Z')).toBe('Nov 19');
      setViewerLocale({ locale: 'de-DE', timezone: 'Europe/Berlin' });
      expect(formatWhen('2026-11-20T09:30:00Z')).toBe('20. Nov. 2026, 10:30');
      // A context without usable values leaves the browser's.
      setViewerLocale({ locale: 42, timezone: 'Mars/Olympus' });
      expect(viewerLocale()).toEqual({ locale: undefined, timeZone: undefined });
    } finally {
      setViewerLocale({ locale: 'en-GB', timezone: 'UTC' });
    }
  });

  it('never shows a value that is not a time raw', () => {
    expect(formatWhen('yesterday')).toBe('unknown time');
  });
});

describe('formatWho', () => {
  it('calls the viewer "you", anyone else by name, and never by account id', () => {
    const people = { 'acc-2': 'Marco Silva' };
    expect(formatWho('acc-1', 'acc-1', people)).toBe('you');
    expect(formatWho('acc-2', 'acc-1', people)).toBe('Marco Silva');
    expect(formatWho('acc-2', undefined, people)).toBe('Marco Silva');
    expect(formatWho('acc-3', 'acc-1', people)).toBe('a person Jira does not name');
    expect(formatWho('constructor', 'acc-1', people)).toBe('a person Jira does not name');
  });

  it('writes a person erased after their account was closed "Former user", whoever looks', () => {
    expect(formatWho(FORMER_USER_ID, 'acc-1', { [FORMER_USER_ID]: 'Someone' })).toBe('Former user');
    expect(formatWho(FORMER_USER_ID, undefined)).toBe('Former user');
  });
});

describe('failureView', () => {
  it.each(['FORBIDDEN', 'NOT_FOUND'] as const)('treats %s as no access', (code) => {
    expect(failureView({ code, message: 'm', retryable: true })).toEqual({
      kind: 'denied',
      message: 'm',
    });
  });

  it('keeps whether other failures are worth retrying', () => {
    expect(failureView({ code: 'JIRA_UNAVAILABLE', message: 'm', retryable: true })).toEqual({
      kind: 'error',
      message: 'm',
      retryable: true,
    });
    expect(failureView({ code: 'INTERNAL', message: 'm', retryable: false })).toMatchObject({
      retryable: false,
    });
  });

  it('shows Jira’s throttling as a retryable error with the backend’s when-to-retry message', () => {
    const message =
      'Jira is throttling Ballast: the app has used its hourly allowance of Jira requests. Try again in about 20 minutes (after 13:00 UTC).';
    expect(
      failureView({ code: 'JIRA_RATE_LIMITED', message, retryable: true, retryAfterSeconds: 1200 }),
    ).toEqual({ kind: 'error', message, retryable: true });
  });
});

describe('asResolverError', () => {
  it('keeps the error a resolver answered with, field included', () => {
    const error = { code: 'BAD_REQUEST' as const, message: 'No.', retryable: false, field: 'x' };
    expect(asResolverError(new ResolverFailure(error))).toEqual(error);
  });

  it('turns anything else into a retryable connection problem', () => {
    expect(asResolverError(new TypeError('Failed to fetch'))).toMatchObject({
      code: 'INTERNAL',
      retryable: true,
    });
    expect(asResolverError(undefined).code).toBe('INTERNAL');
  });
});

describe('issueFrameOf', () => {
  it('reads the issue key and the viewer from the Forge context', () => {
    const context = { accountId: 'acc-1', extension: { issue: { key: 'SHOP-12' } } };
    expect(issueFrameOf(context)).toEqual({ issueKey: 'SHOP-12', accountId: 'acc-1' });
  });

  it('refuses a context without an issue, with a message for people', () => {
    expect(() => issueFrameOf({ extension: {} })).toThrow(NoIssueError);
    try {
      issueFrameOf(null);
    } catch (thrown) {
      expect(asResolverError(thrown).message).toBe(
        'Ballast could not tell which issue this is. Reload the page.',
      );
    }
  });
});

describe('loadReducer', () => {
  it('goes loading → ready, and back to loading on retry', () => {
    const ready = loadReducer<number>({ status: 'loading' }, { type: 'loaded', data: 7 });
    expect(ready).toEqual({ status: 'ready', data: 7 });
    expect(loadReducer(ready, { type: 'start' })).toEqual({ status: 'loading' });
  });

  it('keeps the failure', () => {
    const error = { code: 'INTERNAL' as const, message: 'm', retryable: true };
    const state: LoadState<number> = loadReducer<number>(
      { status: 'loading' },
      { type: 'failed', error },
    );
    expect(state).toEqual({ status: 'failed', error });
  });
});
