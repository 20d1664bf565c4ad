/**
 * How every app writes the backend's amounts: in the policy's unit (points, items, hours), rounded
 * to one decimal for reading. Formatting only — every value comes computed.
 */
import type { CapacityBasis } from '../../src/contract/planner';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "40 pts", "1 item", "7.5 h" (original estimates come in seconds). */
export function formatAmount(amount: number, basis: CapacityBasis): string {
  switch (basis) {
    case 'storyPoints':
      return `${number.format(amount)} ${amount === 1 ? 'pt' : 'pts'}`;
    case 'issueCount':
      return `${number.format(amount)} ${amount === 1 ? 'item' : 'items'}`;
    case 'originalEstimate':
      return `${number.format(amount / 3600)} h`;
  }
}

/**
 * The engine's sentences carry amounts to six decimals ("59.366667 points"); people read one.
 * Only numbers with three or more decimals are rounded, so keys and whole amounts stay as they are.
 */
export function readableNumbers(text: string): string {
  return text.replace(/\d+\.\d{3,}/g, (n) => number.format(Number(n)));
}

/** An amount the backend already put in the basis's display unit (hours, not seconds): "3 pts", "1.5 h". */
export function formatShownAmount(shown: number, basis: CapacityBasis): string {
  return formatAmount(basis === 'originalEstimate' ? shown * 3600 : shown, basis);
}
