/**
 * Every resolver answers with one envelope, so the UI handles success and failure in one place
 * (the pattern of atlassian-labs/gitlab-for-compass, with typed error codes).
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'JIRA_UNAVAILABLE'
  /** Jira answered 429 and asked for a wait longer than the request had left; retryable. */
  | 'JIRA_RATE_LIMITED'
  /** Ballast's licence is not active: the change was refused, reads still work (contract/licence.ts). */
  | 'LICENCE_INACTIVE'
  | 'INTERNAL';

export interface ResolverError {
  readonly code: ErrorCode;
  /** What went wrong and what to do, in words a Jira user understands. */
  readonly message: string;
  /** True when trying again later may succeed (rate limits, Jira outages). */
  readonly retryable: boolean;
  /** For JIRA_RATE_LIMITED: seconds until Jira accepts requests again, as Jira said. */
  readonly retryAfterSeconds?: number;
  /** Where the problem is, e.g. the field path of a bad input. */
  readonly field?: string;
  /** Every problem of a rejected input, at its line when it came from a file (OpenSLO import). */
  readonly problems?: readonly { readonly line: number | null; readonly message: string }[];
  /**
   * For an OpenSLO import that would delete SLOs (CONFLICT): their names. Sending them back as the
   * request's `confirmDeletes` imports the file and deletes them.
   */
  readonly confirmDeletes?: readonly string[];
}

export type Envelope<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ResolverError };
