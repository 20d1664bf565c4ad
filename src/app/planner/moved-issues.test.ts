import { describe, expect, it } from 'vitest';
import type { JiraPort } from '../../ports/jira';
import { movedIssueIds, RECONCILE_WINDOW_MS, recentlyMoved } from './moved-issues';

const at = '2026-11-20T12:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(at) + ms);

describe('recentlyMoved', () => {
  it.each([
    ['right after the move', 1_000, ['10001', '10002']],
    ['at the end of the window', RECONCILE_WINDOW_MS, ['10001', '10002']],
    ['after the window', RECONCILE_WINDOW_MS + 1, []],
  ])('%s it names the moved ids or none', (_when, ms, expected) => {
    expect(recentlyMoved({ movedIds: ['10001', '10002'], movedAt: at }, after(ms))).toEqual(
      expected,
    );
  });

  it('names none without an entry or a time (entries written before ids were kept)', () => {
    expect(recentlyMoved(null, after(0))).toEqual([]);
    expect(recentlyMoved({ movedIds: ['10001'] }, after(0))).toEqual([]);
  });
});

describe('movedIssueIds', () => {
  it('asks for the moved items and their sub-tasks in one search, and nothing for no keys', async () => {
    const asked: string[] = [];
    const jira = {
      searchAll: (jql: string) => {
        asked.push(jql);
        return Promise.resolve([{ id: '1', key: 'SHOP-1', fields: {} }]);
      },
    } as unknown as JiraPort;
    expect(await movedIssueIds(jira, [])).toEqual([]);
    expect(await movedIssueIds(jira, ['SHOP-1', 'SHOP-2'])).toEqual(['1']);
    expect(asked).toEqual([
      'key in (SHOP-1, SHOP-2) OR (parent in (SHOP-1, SHOP-2) AND issuetype in subTaskIssueTypes())',
    ]);
  });
});
