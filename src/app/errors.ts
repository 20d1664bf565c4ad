import type { ErrorCode } from '../contract/envelope';

/**
 * The one error base of the application layer. Entry points turn it into a resolver envelope or an
 * HTTP status in exactly one place each (src/entry/resolvers/respond.ts, the web-trigger handler).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      retryable?: boolean;
      /** Seconds until the outside service accepts requests again (a rate limit). */
      retryAfterSeconds?: number;
      field?: string;
      cause?: unknown;
      problems?: readonly { line: number | null; message: string }[];
      /** The SLOs an import would delete, asked to be confirmed (ResolverError.confirmDeletes). */
      confirmDeletes?: readonly string[];
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }
}
