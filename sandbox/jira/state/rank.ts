/**
 * Lexorank-like ranks: `0|` + a base-36 fraction. Strings compare in rank order, and there is
 * always a rank between two others (the fraction grows a digit when neighbours are adjacent), so
 * ranking never renumbers other issues — as with Jira's LexoRank.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const PREFIX = '0|';
const WIDTH = 6;

const toBig = (s: string): bigint =>
  [...s].reduce((acc, ch) => acc * 36n + BigInt(DIGITS.indexOf(ch)), 0n);

function fromBig(n: bigint, width: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < width; i += 1) {
    out = (DIGITS[Number(rest % 36n)] as string) + out;
    rest /= 36n;
  }
  return out;
}

const body = (rank: string): string => (rank.startsWith(PREFIX) ? rank.slice(PREFIX.length) : rank);

/** The n-th rank of an initial, evenly spaced ordering (the seed's). */
export const initialRank = (index: number): string =>
  PREFIX + fromBig(BigInt(index + 1) * 1296n, WIDTH);

/** A rank strictly between `before` and `after`; either may be absent (start or end of the order). */
export function rankBetween(before: string | undefined, after: string | undefined): string {
  const a = before === undefined ? '' : body(before);
  const b = after === undefined ? undefined : body(after);
  for (let len = Math.max(a.length, b?.length ?? 0, WIDTH); ; len += 1) {
    const low = toBig(a.padEnd(len, '0'));
    const high = b === undefined ? 36n ** BigInt(len) : toBig(b.padEnd(len, '0'));
    if (high - low > 1n) return PREFIX + fromBig((low + high) / 2n, len);
  }
}
