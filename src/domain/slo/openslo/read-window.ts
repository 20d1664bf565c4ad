/**
 * Reads an SLO's `timeWindow`: rolling whole days or weeks (`28d`, `4w`), or a calendar month (`1M`)
 * or quarter (`1Q`) starting on the first at midnight in an IANA time zone. Absent: rolling 28d.
 */
import { LIMITS, figure } from '../../limits';
import { DAY_MS, parseDuration } from '../duration';
import { DEFAULT_WINDOW, type SloWindow } from '../spec';
import { isTimeZone } from '../window';
import {
  asMap,
  describeValue,
  fail,
  onlyFields,
  requiredString,
  type FieldPath,
  type ReadContext,
} from './context';

export function readWindow(ctx: ReadContext, value: unknown): SloWindow | null {
  const path: FieldPath = ['spec', 'timeWindow'];
  if (value === undefined) return DEFAULT_WINDOW;
  if (!Array.isArray(value) || value.length !== 1) {
    return fail(
      ctx,
      path,
      `must be a list of exactly one time window, got ${describeValue(value)}`,
    );
  }
  const at = [...path, 0];
  const tw = asMap(ctx, value[0], at);
  if (!tw) return null;
  onlyFields(ctx, tw, at, ['duration', 'isRolling', 'calendar']);
  const duration = requiredString(ctx, tw, 'duration', at);
  const rolling = tw.isRolling ?? tw.calendar === undefined;
  if (typeof rolling !== 'boolean')
    return fail(ctx, [...at, 'isRolling'], `must be true or false, got ${describeValue(rolling)}`);
  if (duration === null) return null;
  if (rolling) {
    if (tw.calendar !== undefined)
      return fail(ctx, [...at, 'calendar'], 'is only allowed with isRolling: false');
    const ms = /^\d+[dw]$/.test(duration) ? parseDuration(duration) : null;
    if (ms === null)
      return fail(
        ctx,
        [...at, 'duration'],
        `"${duration}" is not allowed for a rolling window: whole days or weeks, e.g. 28d, 30d, 4w`,
      );
    const days = ms / DAY_MS;
    if (days > LIMITS.rollingWindowDays.limit)
      return fail(
        ctx,
        [...at, 'duration'],
        `"${duration}" is longer than the ${figure('rollingWindowDays')} a rolling window may last`,
      );
    return { kind: 'rolling', days };
  }
  const unit = duration === '1M' ? 'month' : duration === '1Q' ? 'quarter' : null;
  if (unit === null)
    return fail(
      ctx,
      [...at, 'duration'],
      `"${duration}" is not allowed for a calendar window: 1M (month) or 1Q (quarter)`,
    );
  const calendar =
    tw.calendar === undefined
      ? fail(ctx, [...at, 'calendar'], 'is required for a calendar window: { startTime, timeZone }')
      : asMap(ctx, tw.calendar, [...at, 'calendar']);
  if (!calendar) return null;
  const cPath = [...at, 'calendar'];
  onlyFields(ctx, calendar, cPath, ['startTime', 'timeZone']);
  const startTime = requiredString(ctx, calendar, 'startTime', cPath);
  const timeZone = requiredString(ctx, calendar, 'timeZone', cPath);
  if (timeZone !== null && !isTimeZone(timeZone)) {
    return fail(
      ctx,
      [...cPath, 'timeZone'],
      `"${timeZone}" is not allowed: an IANA time zone such as UTC or Europe/Berlin`,
    );
  }
  const start = startTime === null ? null : /^\d{4}-(\d{2})-01 00:00:00$/.exec(startTime);
  const month = start ? Number(start[1]) : 0;
  if (
    startTime !== null &&
    (!start || month < 1 || month > 12 || (unit === 'quarter' && month % 3 !== 1))
  ) {
    const allowed =
      unit === 'month' ? 'the first of a month' : 'the first of January, April, July or October';
    return fail(
      ctx,
      [...cPath, 'startTime'],
      `"${startTime}" is not allowed: "YYYY-MM-DD 00:00:00" on ${allowed}`,
    );
  }
  if (startTime === null || timeZone === null) return null;
  return { kind: 'calendar', unit, timeZone, startTime };
}
