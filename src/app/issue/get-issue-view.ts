import type { IssueView } from '../../contract/issue-panel';
import { loadIssueSnapshot, toIssueView, type IssueDeps } from './issue-snapshot';
import { withPeople } from './issue-view-people';

/** The issue panel's data: one Jira read (two when the type may be inherited from the parent). */
export async function getIssueView(
  deps: IssueDeps,
  projectKey: string,
  issueKey: string,
): Promise<IssueView> {
  return withPeople(deps.jira, toIssueView(await loadIssueSnapshot(deps, projectKey, issueKey)));
}
