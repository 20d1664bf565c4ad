/**
 * `--json` for commands whose stdout is `word key=value key=value` lines (`sli sync`): each line
 * becomes one JSON object, `{ "event": word, key: value, … }`, numbers and booleans as such, so a
 * machine reads it without splitting strings. Values never hold spaces (ids, ISO times, counts).
 */
import type { CliIo } from './io';

function value(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  return text !== '' && Number.isFinite(number) && /^-?\d/.test(text) ? number : text;
}

export function jsonLine(line: string): string {
  const [event, ...pairs] = line.split(' ');
  const object: Record<string, string | number | boolean> = { event: event ?? '' };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) object[pair.slice(0, eq)] = value(pair.slice(eq + 1));
  }
  return JSON.stringify(object);
}

/** The same IO, with stdout lines turned into JSON lines. */
export function jsonLines(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) =>
      io.stdout(
        text
          .split('\n')
          .map((line) => (line === '' ? line : jsonLine(line)))
          .join('\n'),
      ),
  };
}
