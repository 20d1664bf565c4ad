/**
 * The typed Jira client: every Jira REST call Ballast makes, each built from a `route` template
 * (so Forge escapes path parameters) and answered with a checked type. Paging follows Jira's own
 * cursors — `nextPageToken` for /search/jql and the changelog, `startAt` for the Agile API.
 */
import { route } from '@forge/api';
import {
  DEFAULT_SEARCH_LIMIT,
  SearchLimitError,
  type IdSearchOptions,
  type IssueFieldsRequest,
  type JiraPort,
  type SearchOptions,
  type SprintState,
} from '../../../ports/jira';
import { bulkChangelogs, bulkFetchIssues, chunks, searchIdPages } from './bulk-reads';
import { JiraRequestError } from './errors';
import { mergeReconciled, reconcileGroups } from './reconciled-search';
import type { JiraHttp } from './http';
import { parseJqlQueries } from './jql-parse';
import { bulkGetUsers } from './users';
import type { JiraIssueLinkType, JiraUser, ParsedJql } from '../../../ports/jira';
import type { JiraNotification } from '../../../domain/notify/channel-messages';
import {
  agileIssuePageSchema,
  boardConfigurationSchema,
  boardSchema,
  commentSchema,
  createdIssueSchema,
  entityPropertySchema,
  fieldListSchema,
  issueLinkTypesSchema,
  issueSchema,
  myPermissionsSchema,
  projectIssueTypesSchema,
  projectSearchPageSchema,
  searchPageSchema,
  sprintPageSchema,
  sprintSchema,
  transitionsSchema,
  type BoardConfiguration,
  type ChangelogPage,
  type JiraBoard,
  type JiraField,
  type JiraIssue,
  type JiraProjectSummary,
  type JiraSprint,
} from '../../../ports/jira-schemas';

/** Agile API: at most 50 issues per move request (POST /rest/agile/1.0/sprint/{id}/issue, /backlog/issue). */
export const MAX_ISSUES_PER_MOVE = 50;
/**
 * /search/jql page size asked for: Jira answers at most 100 issues a page when fields or properties
 * are requested (5,000 only for ids/keys; platform.v3.json SearchAndReconcileRequestBean.maxResults,
 * and sandbox/jira/routes/search.ts), so asking for more would not save calls.
 */
export const SEARCH_PAGE_SIZE = 100;
/** Project search: "Up to 50 project keys can be provided" (platform.v3.json searchProjects `keys`). */
export const MAX_PROJECT_KEYS_PER_SEARCH = 50;

export class JiraClient implements JiraPort {
  constructor(private readonly http: JiraHttp) {}

  /**
   * Every issue matching `jql`, up to `options.limit`. With `expectMany`, the ids first and then
   * the fields in parallel bulk fetches (searchIds, getIssues); otherwise pages of fields following
   * nextPageToken, the last page asking only for what can still be used (one issue more than the
   * cap, to tell "exactly the cap" from "more"), so a search over the cap costs at most the cap's
   * pages plus one.
   */
  async searchAll(jql: string, options: SearchOptions): Promise<JiraIssue[]> {
    if (options.expectMany === true) {
      const ids = await this.searchIds(jql, options);
      return this.getIssues(ids, {
        fields: options.fields,
        ...(options.properties ? { properties: options.properties } : {}),
      });
    }
    const groups = reconcileGroups(options.reconcile ?? []);
    // One search per 50 reconciled ids (reconciled-search.ts), all at once; one without any.
    const runs = await Promise.all(
      (groups.length === 0 ? [[]] : groups).map((group) => this.searchPages(jql, options, group)),
    );
    return this.capped(jql, options, runs.length === 1 ? runs[0]! : mergeReconciled(runs, groups));
  }

  /** The ids matching `jql` in its order, 5,000 a page (bulk-reads.ts), reconciled and capped as searchAll. */
  async searchIds(jql: string, options: IdSearchOptions = {}): Promise<string[]> {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const wanted = options.truncate === true ? limit : limit + 1;
    const groups = reconcileGroups(options.reconcile ?? []);
    const runs = await Promise.all(
      (groups.length === 0 ? [[]] : groups).map((group) =>
        searchIdPages(this.http, jql, wanted, group),
      ),
    );
    const merged = runs.length === 1 ? runs[0]! : mergeReconciled(runs, groups);
    return this.capped(jql, options, merged).map((issue) => issue.id);
  }

  async getIssues(ids: readonly string[], request: IssueFieldsRequest): Promise<JiraIssue[]> {
    return bulkFetchIssues(this.http, ids, request);
  }

  /** The first `limit` when truncating; otherwise all of them, or SearchLimitError over the cap. */
  private capped<T>(jql: string, options: IdSearchOptions, found: T[]): T[] {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (found.length <= limit) return found;
    if (options.truncate === true) return found.slice(0, limit);
    throw new SearchLimitError(jql, limit);
  }

  /** The pages of one search, every page naming the same `reconcileIssues` as Jira requires. */
  private async searchPages(
    jql: string,
    options: SearchOptions,
    reconcile: readonly string[],
  ): Promise<JiraIssue[]> {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const wanted = options.truncate === true ? limit : limit + 1;
    const issues: JiraIssue[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await this.http.json('POST', route`/rest/api/3/search/jql`, searchPageSchema, {
        jql,
        fields: options.fields,
        ...(options.properties ? { properties: options.properties } : {}),
        maxResults: Math.min(options.pageSize ?? SEARCH_PAGE_SIZE, wanted - issues.length),
        ...(nextPageToken ? { nextPageToken } : {}),
        ...(reconcile.length > 0 ? { reconcileIssues: reconcile.map(Number) } : {}),
      });
      issues.push(...page.issues);
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken && issues.length < wanted);
    return issues;
  }

  async getIssue(
    issueKey: string,
    fields: readonly string[],
    properties: readonly string[] = [],
  ): Promise<JiraIssue> {
    const query = new URLSearchParams({ fields: fields.join(',') });
    if (properties.length > 0) query.set('properties', properties.join(','));
    return this.http.json('GET', route`/rest/api/3/issue/${issueKey}?${query}`, issueSchema);
  }

  async getBoardConfiguration(boardId: number): Promise<BoardConfiguration> {
    return this.http.json(
      'GET',
      route`/rest/agile/1.0/board/${boardId}/configuration`,
      boardConfigurationSchema,
    );
  }

  async getBoard(boardId: number): Promise<JiraBoard> {
    return this.http.json('GET', route`/rest/agile/1.0/board/${boardId}`, boardSchema);
  }

  async listSprints(boardId: number, states: readonly SprintState[]): Promise<JiraSprint[]> {
    const sprints: JiraSprint[] = [];
    for (let startAt = 0; ;) {
      const query = new URLSearchParams({
        state: states.join(','),
        startAt: String(startAt),
        maxResults: '50',
      });
      const page = await this.http.json(
        'GET',
        route`/rest/agile/1.0/board/${boardId}/sprint?${query}`,
        sprintPageSchema,
      );
      sprints.push(...page.values);
      if (page.isLast !== false || page.values.length === 0) return sprints;
      startAt += page.values.length;
    }
  }

  async getSprint(sprintId: number): Promise<JiraSprint> {
    return this.http.json('GET', route`/rest/agile/1.0/sprint/${sprintId}`, sprintSchema);
  }

  async sprintIssues(sprintId: number, fields: readonly string[]): Promise<JiraIssue[]> {
    return this.agileIssues(
      (query) => route`/rest/agile/1.0/sprint/${sprintId}/issue?${query}`,
      fields,
    );
  }

  async backlogIssues(boardId: number, fields: readonly string[]): Promise<JiraIssue[]> {
    return this.agileIssues(
      (query) => route`/rest/agile/1.0/board/${boardId}/backlog?${query}`,
      fields,
    );
  }

  async moveToSprint(sprintId: number, issueKeys: readonly string[]): Promise<void> {
    for (const batch of chunks(issueKeys, MAX_ISSUES_PER_MOVE)) {
      await this.http.send('POST', route`/rest/agile/1.0/sprint/${sprintId}/issue`, {
        issues: batch,
      });
    }
  }

  async moveToBacklog(issueKeys: readonly string[]): Promise<void> {
    for (const batch of chunks(issueKeys, MAX_ISSUES_PER_MOVE)) {
      await this.http.send('POST', route`/rest/agile/1.0/backlog/issue`, { issues: batch });
    }
  }

  /** The property's value, or undefined when the issue has none. */
  async createIssue(input: {
    projectKey: string;
    issueTypeName: string;
    summary: string;
    description: readonly string[];
    labels: readonly string[];
  }): Promise<{ id: string; key: string }> {
    const created = await this.http.json('POST', route`/rest/api/3/issue`, createdIssueSchema, {
      fields: {
        project: { key: input.projectKey },
        issuetype: { name: input.issueTypeName },
        summary: input.summary,
        labels: input.labels,
        description: {
          type: 'doc',
          version: 1,
          content: input.description.map((text) => ({
            type: 'paragraph',
            content: [{ type: 'text', text }],
          })),
        },
      },
    });
    return { id: created.id, key: created.key };
  }

  async getIssueProperty(issueKey: string, propertyKey: string): Promise<unknown> {
    try {
      const property = await this.http.json(
        'GET',
        route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`,
        entityPropertySchema,
      );
      return property.value;
    } catch (error: unknown) {
      if (error instanceof JiraRequestError && error.kind === 'not-found') {
        // Jira answers 404 both for a missing property and for an issue the caller cannot see:
        // tell them apart with one more call only when it matters (the issue read below throws).
        await this.getIssue(issueKey, ['summary']);
        return undefined;
      }
      throw error;
    }
  }

  async setIssueProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void> {
    await this.http.send(
      'PUT',
      route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`,
      value,
    );
  }

  async deleteIssueProperty(issueKey: string, propertyKey: string): Promise<void> {
    try {
      // platform.v3.json deleteIssueProperty: 204, or 404 when the issue or property is not found.
      await this.http.send(
        'DELETE',
        route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`,
      );
    } catch (error: unknown) {
      if (error instanceof JiraRequestError && error.kind === 'not-found') return;
      throw error;
    }
  }

  async getTransitions(issueKey: string) {
    return (
      await this.http.json(
        'GET',
        route`/rest/api/3/issue/${issueKey}/transitions`,
        transitionsSchema,
      )
    ).transitions;
  }

  async transition(issueKey: string, transitionId: string): Promise<void> {
    await this.http.send('POST', route`/rest/api/3/issue/${issueKey}/transitions`, {
      transition: { id: transitionId },
    });
  }

  /** Adds a plain-text comment (as one Atlassian Document Format paragraph per line). */
  async addComment(issueKey: string, text: string): Promise<string> {
    const body = {
      type: 'doc',
      version: 1,
      content: text.split('\n').map((line) => ({
        type: 'paragraph',
        content: line ? [{ type: 'text', text: line }] : [],
      })),
    };
    const created = await this.http.json(
      'POST',
      route`/rest/api/3/issue/${issueKey}/comment`,
      commentSchema,
      { body },
    );
    return created.id;
  }

  async notifyIssue(issueKey: string, notification: JiraNotification): Promise<void> {
    await this.http.send('POST', route`/rest/api/3/issue/${issueKey}/notify`, notification);
  }

  /** Change histories of many issues, for the given field ids (bulk-reads.ts: batches at once). */
  async changelogs(
    issueIdsOrKeys: readonly string[],
    fieldIds: readonly string[],
  ): Promise<ChangelogPage['issueChangeLogs']> {
    return bulkChangelogs(this.http, issueIdsOrKeys, fieldIds);
  }

  async listFields(): Promise<JiraField[]> {
    return this.http.json('GET', route`/rest/api/3/field`, fieldListSchema);
  }

  /** POST /rest/api/3/app/field/value: one request for every field and issue (bulk). */
  async setAppFieldValues(
    updates: readonly { field: string; issueIds: readonly number[]; value: unknown }[],
  ): Promise<void> {
    if (updates.length === 0) return;
    await this.http.send('POST', route`/rest/api/3/app/field/value`, {
      updates: updates.map((u) => ({ customField: u.field, issueIds: u.issueIds, value: u.value })),
    });
  }

  /** Which of `permissions` the caller has in the project (or on the issue). */
  async myPermissions(
    scope: { projectKey: string } | { issueKey: string },
    permissions: readonly string[],
  ): Promise<Record<string, boolean>> {
    const query = new URLSearchParams({ permissions: permissions.join(',') });
    if ('projectKey' in scope) query.set('projectKey', scope.projectKey);
    else query.set('issueKey', scope.issueKey);
    const answer = await this.http.json(
      'GET',
      route`/rest/api/3/mypermissions?${query}`,
      myPermissionsSchema,
    );
    return Object.fromEntries(
      permissions.map((key) => [key, answer.permissions[key]?.havePermission === true]),
    );
  }

  /** Users by account id (users.ts: GET /rest/api/3/user/bulk). */
  async getUsers(accountIds: readonly string[]): Promise<JiraUser[]> {
    return bulkGetUsers(this.http, accountIds);
  }

  /** Jira's JQL parser (jql-parse.ts: POST /rest/api/3/jql/parse?validation=strict). */
  async parseJql(queries: readonly string[]): Promise<ParsedJql[]> {
    return parseJqlQueries(this.http, queries);
  }

  /** GET /rest/api/3/project/search?keys=…&action=browse: up to 50 keys a request, pages of 50. */
  async browsableProjects(projectKeys: readonly string[]): Promise<JiraProjectSummary[]> {
    const found: JiraProjectSummary[] = [];
    for (const keys of chunks([...new Set(projectKeys)], MAX_PROJECT_KEYS_PER_SEARCH)) {
      for (let startAt = 0; ;) {
        const query = new URLSearchParams({
          action: 'browse',
          startAt: String(startAt),
          maxResults: String(MAX_PROJECT_KEYS_PER_SEARCH),
        });
        for (const key of keys) query.append('keys', key);
        const page = await this.http.json(
          'GET',
          route`/rest/api/3/project/search?${query}`,
          projectSearchPageSchema,
        );
        found.push(...page.values);
        // Stop on the last page, and on an empty one so a Jira leaving out `isLast` cannot loop.
        if (page.isLast !== false || page.values.length === 0) break;
        startAt += page.values.length;
      }
    }
    return found;
  }

  async projectIssueTypes(projectKey: string): Promise<string[]> {
    const project = await this.http.json(
      'GET',
      route`/rest/api/3/project/${projectKey}`,
      projectIssueTypesSchema,
    );
    return project.issueTypes.map((t) => t.name);
  }

  async issueLinkTypes(): Promise<JiraIssueLinkType[]> {
    return (await this.http.json('GET', route`/rest/api/3/issueLinkType`, issueLinkTypesSchema))
      .issueLinkTypes;
  }

  private async agileIssues(
    pathFor: (query: URLSearchParams) => ReturnType<typeof route>,
    fields: readonly string[],
  ): Promise<JiraIssue[]> {
    const issues: JiraIssue[] = [];
    for (let startAt = 0; ;) {
      const query = new URLSearchParams({
        startAt: String(startAt),
        maxResults: '100',
        fields: fields.join(','),
      });
      const page = await this.http.json('GET', pathFor(query), agileIssuePageSchema);
      issues.push(...page.issues);
      startAt += page.issues.length;
      if (page.issues.length === 0 || page.total === undefined || startAt >= page.total)
        return issues;
    }
  }
}
