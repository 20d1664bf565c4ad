import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../../src/contract/portfolio';
import { lowestBudget, nextSort, sortRows } from './sort';

const row = (
  projectKey: string,
  state: PortfolioRow['gate']['state'],
  budgets: (number | null)[],
  toil: number | null,
): PortfolioRow =>
  ({
    projectKey,
    gate: { state, reasons: [] },
    slos: budgets.map((b, i) => ({ name: `s${i}`, state, budgetRemaining: b })),
    toilShare: toil === null ? null : { value: toil, unit: 'ratio' },
    debtRatio: null,
    dora: null,
    split: null,
  }) as unknown as PortfolioRow;

const rows = [
  row('PAY', 'HEALTHY', [0.8], 0.1),
  row('OPS', 'FROZEN', [-0.2], null),
  row('SHOP', 'AT_RISK', [0.15, 0.9], 0.3),
];

describe('sortRows', () => {
  it('puts the worst gate first when sorting by gate ascending', () => {
    expect(sortRows(rows, { key: 'gate', descending: false }).map((r) => r.projectKey)).toEqual([
      'OPS',
      'SHOP',
      'PAY',
    ]);
  });

  it('sorts by the lowest budget of a project’s SLOs', () => {
    expect(lowestBudget(rows[2]!)).toBe(0.15);
    expect(sortRows(rows, { key: 'budget', descending: true }).map((r) => r.projectKey)).toEqual([
      'PAY',
      'SHOP',
      'OPS',
    ]);
  });

  it('keeps a row without the figure last in both directions', () => {
    for (const descending of [false, true])
      expect(sortRows(rows, { key: 'toil', descending }).at(-1)?.projectKey).toBe('OPS');
  });

  it('turns the sorted column round on a second click, starts another ascending', () => {
    expect(nextSort({ key: 'gate', descending: false }, 'gate')).toEqual({
      key: 'gate',
      descending: true,
    });
    expect(nextSort({ key: 'gate', descending: true }, 'toil')).toEqual({
      key: 'toil',
      descending: false,
    });
  });
});
