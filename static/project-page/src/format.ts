/**
 * How the project page writes figures. Pure, so tests need no browser. The backend computed every
 * value; these only choose words and rounding.
 */
import type { BasisUnit } from '../../../src/contract/project-page';
import { formatDay } from '../../shared/format';
import { formatValue, trim } from '../../shared/figure-format';

// Written once for every app that shows the project page's figures (the portfolio too).
export {
  BAND_LABEL,
  capacityPercent,
  formatFigure,
  formatValue,
  percent,
} from '../../shared/figure-format';
import { viewerLocale } from '../../shared/viewer-locale';

/** The basis unit in words, for titles: "Committed story points by category". */
export const UNIT_NAME: Record<BasisUnit, string> = {
  points: 'story points',
  items: 'items',
  hours: 'hours (original estimate)',
};

/** An amount in the capacity policy's basis unit (pts, items, hours), as the backend sent it. */
export const amount = (value: number | null, unit: BasisUnit): string =>
  value === null ? '—' : unit === 'hours' ? `${trim(value, 2)} h` : formatValue(value, unit);

/** A rate to one decimal (5.3%), where a whole percent would blur a band boundary (5.3% is not 5%). */
export const exactPercent = (ratio: number): string =>
  `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;

/** "computed 12 minutes ago" — relative to `now`, so tests fix it. */
export function formatAge(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (Number.isNaN(minutes)) return iso;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** "20 Nov" (en-GB), "Nov 20" (en-US): a day in the viewer's locale and time zone. */
export const shortDate = (iso: string | null): string => (iso ? formatDay(iso) : '—');

/** "20 Nov, 06:00" in the viewer's locale and time zone: a point of a chart finer than a day. */
export const shortDateTime = (iso: string): string => {
  const date = new Date(iso);
  const viewer = viewerLocale();
  return Number.isNaN(date.getTime())
    ? 'unknown time'
    : new Intl.DateTimeFormat(viewer.locale, {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: viewer.timeZone,
      }).format(date);
};

/** An SLI or objective as a percent with up to three decimals: 0.9995 → "99.95%". */
export const sliText = (value: number | null): string =>
  value === null ? '—' : `${trim(value * 100, 3)}%`;

/** A burn rate: "0.25×", "14.4×", "200×". */
export const rateText = (value: number | null): string =>
  value === null ? '—' : `${value.toFixed(value >= 10 ? 0 : 2)}×`;

const UNIT_WORDS: Record<string, string> = { m: 'minute', h: 'hour', d: 'day', w: 'week' };

/** A window in words: `1h` → "hour", `3d` → "3 days" (as in "the last 3 days"). */
export function windowWords(window: string): string {
  const match = /^(\d+)([mhdw])$/.exec(window);
  if (!match) return window;
  const n = Number(match[1]);
  const unit = UNIT_WORDS[match[2]!]!;
  return n === 1 ? unit : `${n} ${unit}s`;
}

/** "1 item", "3 items". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
