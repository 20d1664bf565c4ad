import { describe, expect, it } from 'vitest';
import type { JiraIssue } from '../../../ports/jira';
import { mergeReconciled, reconcileGroups, RECONCILE_MAX } from './reconciled-search';

const issue = (id: string, summary = ''): JiraIssue => ({
  id,
  key: `SHOP-${id}`,
  fields: { summary },
});
const ids = (issues: readonly JiraIssue[]) => issues.map((i) => i.id);

describe('reconcileGroups', () => {
  it('splits distinct ids into groups of at most 50, in order', () => {
    const many = Array.from({ length: 120 }, (_, i) => String(i + 1));
    const groups = reconcileGroups([...many, '1', '2']);
    expect(groups.map((g) => g.length)).toEqual([RECONCILE_MAX, RECONCILE_MAX, 20]);
    expect(groups[2]?.[19]).toBe('120');
  });

  it('gives no group for no ids', () => {
    expect(reconcileGroups([])).toEqual([]);
  });
});

describe('mergeReconciled', () => {
  it('takes each reconciled issue from the search that reconciled it and the rest from the first', () => {
    // Search 1 reconciled 1 and 2 (2 no longer matches); search 2 reconciled 3 (now matching).
    const first = [issue('1', 'fresh'), issue('3', 'stale'), issue('9', 'other')];
    const second = [issue('1', 'stale'), issue('2', 'stale'), issue('3', 'fresh'), issue('9')];
    const merged = mergeReconciled(
      [first, second],
      [
        ['1', '2'],
        ['3', '4'],
      ],
    );
    expect(ids(merged)).toEqual(['1', '9', '3']);
    expect(merged.map((i) => i.fields.summary)).toEqual(['fresh', 'other', 'fresh']);
  });
});
