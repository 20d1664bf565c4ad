/**
 * A fast, strict reader for the ISO-8601 instants the metrics receive
 * ("2026-03-02T10:00:00Z", "2026-03-02T10:00:00.123+02:00", Jira's "…+0000"). Date.parse costs about 1–2 µs per call,
 * which dominated the 20,000-issue benchmark; this reads the digits directly. Anything it does not
 * recognise (other shapes, impossible dates such as February 30) returns undefined so the caller
 * can fall back to Date.parse.
 */
const digit = (text: string, at: number): number => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};
const two = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/** Minutes east of UTC from "Z", "+02:00" or Jira's colon-less "+0200"; undefined otherwise. */
function readOffset(text: string, at: number): number | undefined {
  const rest = text.length - at;
  if (text[at] === 'Z') return rest === 1 ? 0 : undefined;
  if (text[at] !== '+' && text[at] !== '-') return undefined;
  const sign = text[at] === '+' ? 1 : -1;
  if (rest === 6 && text[at + 3] === ':')
    return sign * (two(text, at + 1) * 60 + two(text, at + 4));
  if (rest === 5) return sign * (two(text, at + 1) * 60 + two(text, at + 3));
  return undefined;
}

export function parseIsoInstant(text: string): number | undefined {
  if (text.length < 20 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T') return undefined;
  if (text[13] !== ':' || text[16] !== ':') return undefined;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  let at = 19;
  let millis = 0;
  if (text[at] === '.') {
    let scale = 100;
    at += 1;
    while (at < text.length && digit(text, at) >= 0) {
      millis += digit(text, at) * scale;
      scale /= 10;
      at += 1;
    }
    millis = Math.floor(millis);
  }
  const offsetMinutes = readOffset(text, at);
  if (offsetMinutes === undefined) return undefined;
  // A non-digit makes its field NaN; one sum check catches them all.
  if (Number.isNaN(year + month + day + hour + minute + second + offsetMinutes)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return (
    daysFromCivil(year, month, day) * 86_400_000 +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis
  );
}
