/**
 * Words for chart axes: labels without the words every label shares, and percent ticks with as
 * many decimals as their spacing needs (an SLI axis from 99.8% to 100% needs one, 0–100% none).
 */

/**
 * Axis labels without the words every label shares ("SHOP Sprint 1", "SHOP Sprint 2" → "Sprint 1",
 * "Sprint 2"): the last shared word stays, so a label never becomes a bare number.
 */
export function shortLabels(labels: readonly string[]): string[] {
  const { shared, words } = splitShared(labels);
  const drop = Math.max(0, shared.length - 1);
  return words.map((w) => w.slice(drop).join(' '));
}

/**
 * The words every label starts with, and the labels' words: narrow charts show only what differs
 * ("1", "2") and name the shared words ("SHOP Sprint") once under the axis.
 */
export function splitShared(labels: readonly string[]): {
  shared: string[];
  words: string[][];
} {
  const words = labels.map((label) => label.split(/\s+/));
  if (words.length < 2) return { shared: [], words };
  let shared = 0;
  const shortest = Math.min(...words.map((w) => w.length));
  while (shared < shortest - 1 && words.every((w) => w[shared] === words[0]![shared])) shared += 1;
  return { shared: words[0]!.slice(0, shared), words };
}

/** Pixels an axis label of `text` needs at the charts' 11px font (a generous average width). */
export const labelWidth = (text: string): number => Math.ceil(text.length * 6.5);

/** At most `max` characters, with an ellipsis when cut. */
export const clip = (label: string, max = 9): string =>
  label.length > max ? `${label.slice(0, max - 1)}…` : label;

/** A percent formatter for ticks `step` apart (as fractions): 0.0005 apart → "99.95%". */
export function percentTicks(step: number): (value: number) => string {
  const decimals =
    step > 0 ? Math.max(0, Math.min(4, -Math.floor(Math.log10(step * 100) + 1e-9))) : 0;
  return (value) => `${(value * 100).toFixed(decimals)}%`;
}
