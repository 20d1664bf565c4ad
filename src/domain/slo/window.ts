/**
 * The SLO window at an instant. Windows are half-open, [start, at).
 * - Rolling: the last `days` whole days; the budget period is the window itself.
 * - Calendar: from the start of the current month or quarter in the SLO's time zone up to `at`;
 *   the budget period is the whole month or quarter (so a 31-day month has a 744h period).
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, startOfMonth, startOfQuarter } from 'date-fns';
import { DAY_MS, type DurationMs, type Instant } from './duration';
import type { SloWindow } from './spec';

export interface WindowBounds {
  /** First instant of the window (inclusive). */
  readonly start: Instant;
  /** The evaluation instant (exclusive). */
  readonly end: Instant;
  /** Length of the budget period: the rolling window, or the whole calendar month/quarter. */
  readonly period: DurationMs;
  /** When the calendar period ends (the rolling window never ends: `at`). */
  readonly periodEnd: Instant;
}

export function windowAt(window: SloWindow, at: Instant): WindowBounds {
  if (window.kind === 'rolling') {
    const period = window.days * DAY_MS;
    return { start: at - period, end: at, period, periodEnd: at };
  }
  const local = new TZDate(at, window.timeZone);
  const first = window.unit === 'month' ? startOfMonth(local) : startOfQuarter(local);
  const next = addMonths(first, window.unit === 'month' ? 1 : 3);
  const start = first.getTime();
  const periodEnd = next.getTime();
  return { start, end: at, period: periodEnd - start, periodEnd };
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
