import { AppError } from '../../app/errors';
import type { Envelope } from '../../contract/envelope';

/**
 * Runs a resolver body and wraps its result in the envelope. The only place where errors become
 * resolver error codes: known AppErrors keep their code and message; anything else is logged and
 * reported as INTERNAL without leaking internals to the browser.
 */
export async function respond<T>(body: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error: unknown) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          retryable: error.options.retryable ?? false,
          ...(error.options.retryAfterSeconds === undefined
            ? {}
            : { retryAfterSeconds: error.options.retryAfterSeconds }),
          ...(error.options.field === undefined ? {} : { field: error.options.field }),
          ...(error.options.problems === undefined ? {} : { problems: error.options.problems }),
          ...(error.options.confirmDeletes === undefined
            ? {}
            : { confirmDeletes: error.options.confirmDeletes }),
        },
      };
    }
    console.error('Unexpected resolver failure', error);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'Ballast hit an unexpected error. Try again; if it persists, contact your Jira admin.',
        retryable: true,
      },
    };
  }
}
