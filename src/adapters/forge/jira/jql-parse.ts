/**
 * POST /rest/api/3/jql/parse?validation=strict ("Parse JQL query", scope read:jira-work;
 * platform.v3.json): Jira parses and validates each query in the caller's context and returns its
 * syntax tree, so Ballast checks admin-supplied JQL by its structure rather than by string matching.
 * Kept apart from client.ts, which delegates here.
 */
import { route } from '@forge/api';
import { parsedJqlQueriesSchema, type ParsedJql } from '../../../ports/jira-schemas';
import type { JiraHttp } from './http';

export async function parseJqlQueries(
  http: JiraHttp,
  queries: readonly string[],
): Promise<ParsedJql[]> {
  if (queries.length === 0) return [];
  const answer = await http.json(
    'POST',
    route`/rest/api/3/jql/parse?validation=strict`,
    parsedJqlQueriesSchema,
    { queries },
  );
  return answer.queries;
}
