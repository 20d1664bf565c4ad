/**
 * The reason a person gives for an override (PRODUCT.md §2, §4: "every override records who, when
 * and why"): required, trimmed, and bounded so an audit entry stays small.
 */
import { AppError } from './errors';

/** The trimmed reason, or BAD_REQUEST naming the field `reason`; `whenMissing` says what to write. */
export function requireReason(raw: string, max: number, whenMissing: string): string {
  const reason = raw.trim();
  if (reason === '') throw new AppError('BAD_REQUEST', whenMissing, { field: 'reason' });
  if (reason.length > max)
    throw new AppError(
      'BAD_REQUEST',
      `The reason is ${reason.length} characters long; keep it to ${max}.`,
      { field: 'reason' },
    );
  return reason;
}
