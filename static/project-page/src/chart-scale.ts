/**
 * Geometry for the page's SVG charts, kept pure so it is tested without a browser: a linear scale
 * from values to pixels and "nice" axis ticks (1, 2, 2.5, 5 × 10^n).
 */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** y pixel of `value` on a chart `height` tall whose axis runs 0 … max. */
export const yOf = (value: number, max: number, height: number): number =>
  height - (Math.min(Math.max(value, 0), max) / max) * height;

/**
 * Axis labels without the words every label shares ("SHOP Sprint 1", "SHOP Sprint 2" → "Sprint 1",
 * "Sprint 2"): the last shared word stays, so a label never becomes a bare number.
 */
export function shortLabels(labels: readonly string[]): string[] {
  const words = labels.map((label) => label.split(/\s+/));
  if (words.length < 2) return [...labels];
  let shared = 0;
  const shortest = Math.min(...words.map((w) => w.length));
  while (shared < shortest - 1 && words.every((w) => w[shared] === words[0]![shared])) shared += 1;
  const drop = Math.max(0, shared - 1);
  return words.map((w) => w.slice(drop).join(' '));
}
