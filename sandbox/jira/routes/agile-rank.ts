/** Re-ranking: places issues, in the given order, just before or just after another issue. */
import { JiraError } from '../http/errors';
import { item, recordChange } from '../state/changes';
import { rankBetween } from '../state/rank';
import type { IssueRecord } from '../state/types';
import type { JiraContext } from './context';
import { visibleIssue } from './visibility';

export function rankIssues(
  ctx: JiraContext,
  issues: IssueRecord[],
  target: { rankBeforeIssue?: string; rankAfterIssue?: string },
): void {
  const anchorRef = target.rankBeforeIssue ?? target.rankAfterIssue ?? '';
  const anchor = visibleIssue(ctx, anchorRef);
  if (issues.some((i) => i.id === anchor.id))
    throw new JiraError(400, [`Issue ${anchor.key} cannot be ranked relative to itself.`]);
  const moving = new Set(issues.map((i) => i.id));
  const others = ctx.store.state.issues
    .filter((i) => !moving.has(i.id))
    .map((i) => i.rank)
    .sort();
  let low: string | undefined;
  let high: string | undefined;
  if (target.rankBeforeIssue !== undefined) {
    high = anchor.rank;
    low = others.filter((r) => r < anchor.rank).at(-1);
  } else {
    low = anchor.rank;
    high = others.find((r) => r > anchor.rank);
  }
  for (const issue of issues) {
    const rank = rankBetween(low, high);
    const from = issue.rank;
    ctx.store.willChange(issue);
    issue.rank = rank;
    low = rank;
    recordChange(ctx, issue, ctx.caller.user.accountId, [
      item('Rank', 'customfield_10019', null, from, null, rank, true),
    ]);
  }
}
