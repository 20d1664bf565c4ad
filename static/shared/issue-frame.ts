/**
 * Which issue a module is showing and who is looking, read from the Forge context that Jira hands
 * the frame (`extension.issue.key`, `accountId`). Pure, so Node tests load it without the bridge.
 */
import type { ResolverError } from '../../src/contract/envelope';

export interface IssueFrame {
  readonly issueKey: string;
  readonly accountId: string | undefined;
}

export class NoIssueError extends Error {
  readonly error: ResolverError = {
    code: 'BAD_REQUEST',
    message: 'Ballast could not tell which issue this is. Reload the page.',
    retryable: true,
  };
}

/** The issue key and viewer of a context object, or NoIssueError when Jira gave no issue. */
export function issueFrameOf(context: unknown): IssueFrame {
  const c = context as { accountId?: unknown; extension?: { issue?: { key?: unknown } } } | null;
  const key = c?.extension?.issue?.key;
  if (typeof key !== 'string' || key === '')
    throw new NoIssueError('The Forge context names no issue');
  return { issueKey: key, accountId: typeof c?.accountId === 'string' ? c.accountId : undefined };
}
