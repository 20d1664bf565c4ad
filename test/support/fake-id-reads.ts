/**
 * For fake JiraPorts written as one `searchAll(jql)`: the ids-first reads (`searchIds`, then
 * `getIssues` by id) answered from the same fake, so a test states which issues a search finds
 * once and the code under test may read them either way.
 */
import type { IdSearchOptions, IssueFieldsRequest, JiraIssue } from '../../src/ports/jira';

export function idReads(searchAll: (jql: string) => Promise<readonly JiraIssue[]>): {
  searchIds: (jql: string, options?: IdSearchOptions) => Promise<string[]>;
  getIssues: (ids: readonly string[], request: IssueFieldsRequest) => Promise<JiraIssue[]>;
} {
  const found = new Map<string, JiraIssue>();
  return {
    searchIds: async (jql, options = {}) => {
      const issues = await searchAll(jql);
      for (const issue of issues) found.set(issue.id, issue);
      const ids = issues.map((issue) => issue.id);
      return options.truncate === true && options.limit !== undefined
        ? ids.slice(0, options.limit)
        : ids;
    },
    getIssues: (ids) =>
      Promise.resolve(ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []))),
  };
}
