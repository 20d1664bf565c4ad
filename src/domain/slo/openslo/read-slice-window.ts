/**
 * Reads a Timeslices `timeSliceWindow`: "(numeric | duration-shorthand) … Default interpretation of
 * unit if specified as a number in minutes" (OpenSLO README, "Notes (Objectives)"). A
 * duration-shorthand is "a positive integer number followed by a case-sensitive single-character
 * postfix": m, h, d, w, M, Q, Y ("Custom Data Types"). Ballast's SLI data is per minute, so it
 * budgets 1-minute slices: `1m` or `1`.
 */
import { describeValue, fail, type FieldPath, type ReadContext } from './context';

const SHORTHAND = /^[1-9]\d*[mhdwMQY]$/;

export function readSliceWindow(ctx: ReadContext, value: unknown, path: FieldPath): boolean {
  if (value === undefined) {
    fail(ctx, path, 'is required for Timeslices: the slice length, 1m (or 1, in minutes)');
    return false;
  }
  if (value === '1m' || value === 1) return true;
  const valid =
    (typeof value === 'number' && Number.isInteger(value) && value > 0) ||
    (typeof value === 'string' && SHORTHAND.test(value));
  fail(
    ctx,
    path,
    valid
      ? `${describeValue(value)} is valid OpenSLO, but Ballast's SLI data is per minute: only 1m (or 1) is supported`
      : `${describeValue(value)} is not allowed: a whole number of minutes or a duration-shorthand (a positive integer and one of m, h, d, w, M, Q, Y); Ballast supports 1m`,
  );
  return false;
}
