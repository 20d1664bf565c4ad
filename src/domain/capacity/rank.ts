import type { Rank, SprintItem } from './sprint-item';

/** "BAL-10" after "BAL-9": compare the project prefix as text, then the number. */
function compareKeys(a: string, b: string): number {
  const ma = /^(.*)-(\d+)$/.exec(a);
  const mb = /^(.*)-(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRankValues(a: Rank, b: Rank): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  // Code-unit order, not localeCompare: LexoRank is defined on the raw characters.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Backlog order: higher-ranked (smaller rank) first; equal ranks fall back to the issue key so the
 * order, and so every proposal built on it, is the same whatever order the items arrived in.
 */
export function compareByRank(a: SprintItem, b: SprintItem): number {
  return compareRankValues(a.rank, b.rank) || compareKeys(a.key, b.key);
}
