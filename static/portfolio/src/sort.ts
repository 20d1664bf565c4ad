/**
 * Sorting the portfolio's rows by a column. Pure, so tests need no browser. Values are the
 * backend's; a row without a value (no snapshot, no data) always sorts last, in either direction.
 */
import type { PortfolioRow } from '../../../src/contract/portfolio';

export type SortKey =
  | 'project'
  | 'gate'
  | 'budget'
  | 'split'
  | 'toil'
  | 'debt'
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'timeToRestore';

export interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

/** Worst first when ascending: the rows that need a person come to the top. */
const GATE_RANK = { FROZEN: 0, AT_RISK: 1, NO_DATA: 2, HEALTHY: 3 } as const;

/** The lowest budget left among the project's SLOs: the one that drives its gate. */
export function lowestBudget(row: PortfolioRow): number | null {
  const values = row.slos.flatMap((s) => (s.budgetRemaining === null ? [] : [s.budgetRemaining]));
  return values.length === 0 ? null : Math.min(...values);
}

function valueOf(row: PortfolioRow, key: SortKey): number | string | null {
  switch (key) {
    case 'project':
      return row.projectKey;
    case 'gate':
      return GATE_RANK[row.gate.state];
    case 'budget':
      return lowestBudget(row);
    case 'split':
      return row.split === null || row.split.reason !== null ? null : row.split.outside;
    case 'toil':
      return row.toilShare?.value ?? null;
    case 'debt':
      return row.debtRatio?.value ?? null;
    default:
      return row.dora?.[key].value ?? null;
  }
}

export function sortRows(rows: readonly PortfolioRow[], sort: Sort): PortfolioRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (x === null || y === null)
      return x === y ? a.projectKey.localeCompare(b.projectKey) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return order === 0 ? a.projectKey.localeCompare(b.projectKey) : sign * order;
  });
}

/** A click on the sorted column turns it round; a click on another sorts it ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key
    ? { key, descending: !current.descending }
    : { key, descending: false };
}
