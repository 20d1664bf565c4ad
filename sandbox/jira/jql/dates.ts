/**
 * JQL date values (Jira "Advanced searching – fields reference", Created): absolute
 * "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd", and relative periods such as
 * "-30d", "-4w 2d", "1h" (units w, d, h, m) measured from now; plus the functions now(),
 * startOfDay/endOfDay/startOfWeek/endOfWeek/startOfMonth/endOfMonth with an optional offset.
 * The sandbox's site time zone is UTC.
 */
import {
  addDays,
  addMonths,
  addWeeks,
  endOfDay,
  endOfMonth,
  endOfWeek,
  startOfDay,
  startOfMonth,
  startOfWeek,
} from 'date-fns';

const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const RELATIVE_PART = /([-+]?)(\d+)\s*([wdhm])/g;
const RELATIVE = /^[-+]?\d+\s*[wdhm](\s*[-+]?\d+\s*[wdhm])*$/;
const UNIT_MS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
};

/** Milliseconds since the epoch, or undefined when the text is no JQL date. */
export function parseJqlDate(text: string, now: Date): number | undefined {
  const trimmed = text.trim();
  const absolute = ABSOLUTE.exec(trimmed);
  if (absolute !== null) {
    const [, y, mo, d, h, mi] = absolute;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
  }
  if (RELATIVE.test(trimmed)) {
    // "-4w 2d" is minus four weeks and two days: the sign of the first part applies to the rest.
    const sign = trimmed.startsWith('-') ? -1 : 1;
    let offset = 0;
    for (const match of trimmed.matchAll(RELATIVE_PART)) {
      offset += Number(match[2]) * (UNIT_MS[match[3] as string] ?? 0);
    }
    return now.getTime() + sign * offset;
  }
  return undefined;
}

type Shift = (date: Date, amount: number) => Date;
const DATE_FUNCTIONS: Record<string, { at: (d: Date) => Date; shift: Shift }> = {
  startofday: { at: startOfDay, shift: addDays },
  endofday: { at: endOfDay, shift: addDays },
  startofweek: { at: startOfWeek, shift: addWeeks },
  endofweek: { at: endOfWeek, shift: addWeeks },
  startofmonth: { at: startOfMonth, shift: addMonths },
  endofmonth: { at: endOfMonth, shift: addMonths },
};

/** Evaluates a date function; undefined when the name is not one. */
export function dateFunction(name: string, args: string[], now: Date): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'now') return now.getTime();
  const fn = DATE_FUNCTIONS[lower];
  if (fn === undefined) return undefined;
  // The sandbox runs in UTC; date-fns works in the process time zone, so shift through UTC fields.
  const utcNow = new Date(now.getTime() + now.getTimezoneOffset() * 60_000);
  const amount = args[0] === undefined ? 0 : Number.parseInt(args[0], 10);
  const local = fn.at(fn.shift(utcNow, Number.isNaN(amount) ? 0 : amount));
  return local.getTime() - local.getTimezoneOffset() * 60_000;
}
