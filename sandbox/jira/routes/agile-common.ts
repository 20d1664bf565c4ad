/** Shared pieces of the Agile (Jira Software) routes: board/sprint look-up and issue pages. */
import { JiraError, forbidden } from '../http/errors';
import { canBrowse, hasProjectPermission } from '../permissions';
import { renderIssue, selectFields } from '../render/issue';
import type { BoardRecord, IssueRecord, SprintRecord } from '../state/types';
import { intParam, listParam, type JiraContext } from './context';
import { compileFor } from './visibility';

/**
 * Agile pages default to 50 (software.v3.json: getAllBoards `maxResults` default 50,
 * getIssuesForBacklog "Default: 50"). Board and sprint lists answer at most 50 whatever is asked
 * (Atlassian's tracker, https://jira.atlassian.com/browse/JSWCLOUD-18382, for /board and
 * /board/{id}/sprint). Issue pages are "limited by the property jira.search.views.default.max"
 * (software.v3.json, getIssuesForSprint/getIssuesForBoard/getIssuesForBacklog), whose Cloud value
 * is not published: 100 is the emulator's choice. Clients read `maxResults` back
 * (https://confluence.atlassian.com/jirakb/changing-maxresults-parameter-for-jira-rest-api-779160706.html).
 */
export const AGILE_ISSUE_PAGE_MAX = 100;
export const AGILE_LIST_PAGE_MAX = 50;

export function visibleBoard(ctx: JiraContext, rawId: string): BoardRecord {
  const board = ctx.store.board(Number(rawId));
  if (board === undefined || !canBrowse(ctx.caller, ctx.store.project(board.projectId))) {
    throw new JiraError(404, [`Board does not exist or you do not have permission to see it.`]);
  }
  return board;
}

export function visibleSprint(
  ctx: JiraContext,
  rawId: string,
): { sprint: SprintRecord; board: BoardRecord } {
  const sprint = ctx.store.sprint(Number(rawId));
  const board = sprint === undefined ? undefined : ctx.store.board(sprint.boardId);
  if (
    sprint === undefined ||
    board === undefined ||
    !canBrowse(ctx.caller, ctx.store.project(board.projectId))
  ) {
    throw new JiraError(404, [
      `Sprint with id ${rawId} does not exist or you do not have permission to see it.`,
    ]);
  }
  return { sprint, board };
}

export function requireProjectPermission(
  ctx: JiraContext,
  board: BoardRecord,
  permission: string,
  message: string,
): void {
  const project = ctx.store.project(board.projectId);
  if (project === undefined || !hasProjectPermission(ctx.caller, project, permission))
    throw forbidden(message);
}

/** A SearchResults page of issues, filtered further by the request's `jql`, in rank order. */
export function issuePage(ctx: JiraContext, candidates: IssueRecord[]) {
  const jql = ctx.query.get('jql');
  const compiled = jql === null || jql.trim() === '' ? undefined : compileFor(ctx, jql);
  const matching = candidates.filter((i) => compiled === undefined || compiled.matches(i));
  matching.sort(compiled?.compare ?? ((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0)));
  const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
  const maxResults = Math.min(
    Math.max(0, intParam(ctx.query, 'maxResults', 50)),
    AGILE_ISSUE_PAGE_MAX,
  );
  const fields = selectFields(ctx.render, listParam(ctx.query, 'fields'), ['*navigable']);
  const expand = listParam(ctx.query, 'expand');
  const issues = matching
    .slice(startAt, startAt + maxResults)
    .map((i) => renderIssue(ctx.render, i, { fields, properties: [], expand }));
  return {
    status: 200,
    body: { expand: 'schema,names', startAt, maxResults, total: matching.length, issues },
  };
}

export function listPage<T>(ctx: JiraContext, items: T[]) {
  const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
  const maxResults = Math.min(
    Math.max(0, intParam(ctx.query, 'maxResults', 50)),
    AGILE_LIST_PAGE_MAX,
  );
  const values = items.slice(startAt, startAt + maxResults);
  return {
    maxResults,
    startAt,
    total: items.length,
    isLast: startAt + values.length >= items.length,
    values,
  };
}

/** Issues of the board's project that the board shows (its filter is `project = KEY`). */
export const boardIssues = (ctx: JiraContext, board: BoardRecord): IssueRecord[] =>
  ctx.store.state.issues.filter((i) => i.projectId === board.projectId);

/**
 * The board's issues as its JQL-backed issue lists (sprint issues, backlog, board issues) see them.
 * Whether these Agile lists read Jira's eventually consistent search index is not documented;
 * Jira Software spaces run JQL searches for them and Atlassian's replacements are announced as
 * eventually consistent by default (RFC-127,
 * https://community.developer.atlassian.com/t/rfc-127-jira-software-cloud-api-changes-improving-scalability-for-software-space-issue-results/98871).
 * The sandbox takes the stricter assumption: in `eventual` mode they lag like /search/jql, with no
 * way to reconcile (the Agile API has no such parameter). A listed risk, not a documented fact.
 */
export const indexedBoardIssues = (ctx: JiraContext, board: BoardRecord): IssueRecord[] =>
  ctx.store.searchable().filter((i) => i.projectId === board.projectId);
