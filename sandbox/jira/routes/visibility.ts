/** Browse-permission helpers shared by the issue, search and agile routes. */
import { compileJql, type CompiledJql } from '../jql/compile';
import { JqlError } from '../jql/lexer';
import { JiraError, issueNotFound } from '../http/errors';
import { canBrowse } from '../permissions';
import type { IssueRecord } from '../state/types';
import type { JiraContext } from './context';

export function visibleProjectIds(ctx: JiraContext): Set<string> {
  return new Set(ctx.store.state.projects.filter((p) => canBrowse(ctx.caller, p)).map((p) => p.id));
}

/** The issue, or Jira's 404 when it does not exist or the caller cannot browse its project. */
export function visibleIssue(ctx: JiraContext, idOrKey: string): IssueRecord {
  const issue = ctx.store.issue(idOrKey);
  if (issue === undefined || !canBrowse(ctx.caller, ctx.store.project(issue.projectId)))
    throw issueNotFound();
  return issue;
}

/** Compiles JQL for this caller; syntax and unsupported constructs become Jira's 400. */
export function compileFor(ctx: JiraContext, jql: string): CompiledJql {
  try {
    return compileJql(jql, {
      store: ctx.store,
      now: ctx.now(),
      callerAccountId: ctx.caller.kind === 'user' ? ctx.caller.user.accountId : undefined,
      aliases: ctx.aliases,
      visibleProjectIds: visibleProjectIds(ctx),
    });
  } catch (error) {
    if (error instanceof JqlError) throw new JiraError(400, [error.message]);
    throw error;
  }
}

/**
 * Issues matching the JQL that the caller may see, in the query's order, as the search index sees
 * them (state/search-index.ts): `reconciled` ids as they are now, the others maybe as they were.
 */
export function searchIssues(
  ctx: JiraContext,
  jql: string,
  requireBounded: boolean,
  reconciled: ReadonlySet<string> = new Set(),
): IssueRecord[] {
  const compiled = compileFor(ctx, jql);
  if (requireBounded && !compiled.bounded) {
    // /search/jql and approximate-count refuse queries without a restriction (Jira Cloud, 2024 search API).
    throw new JiraError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  }
  const visible = visibleProjectIds(ctx);
  return ctx.store
    .searchable(reconciled)
    .filter((i) => visible.has(i.projectId) && compiled.matches(i))
    .sort(compiled.compare);
}
