/**
 * What the application needs from Jira, independent of Forge. The Forge adapter
 * (src/adapters/forge/jira/client.ts) implements it over requestJira; use cases take it as an argument.
 */
import { AppError } from '../app/errors';
import type { JiraNotification } from '../domain/notify/channel-messages';
import type {
  BoardConfiguration,
  ChangelogPage,
  JiraBoard,
  JiraField,
  JiraIssue,
  JiraIssueLinkType,
  JiraProjectSummary,
  JiraSprint,
  ParsedJql,
  Transition,
} from './jira-schemas';

export type {
  JiraProjectSummary,
  BoardConfiguration,
  JiraIssueLinkType,
  JiraBoard,
  JiraField,
  JiraIssue,
  JiraSprint,
  JqlClauseTree,
  ParsedJql,
  Transition,
} from './jira-schemas';
export type SprintState = JiraSprint['state'];

export interface SearchOptions {
  readonly fields: readonly string[];
  /** Entity properties to return with each issue, e.g. ['ballast']. */
  readonly properties?: readonly string[];
  /** Page size asked for; Jira may answer with fewer when many fields are requested. */
  readonly pageSize?: number;
  /**
   * Most issues the search may return (default DEFAULT_SEARCH_LIMIT). When more match, searchAll
   * fails with SearchLimitError after reading at most `limit + 1` issues — unless `truncate` is
   * set, when it returns the first `limit` in the JQL's order (for "the newest n" questions).
   */
  readonly limit?: number;
  readonly truncate?: boolean;
  /**
   * Ids of issues this app changed a moment ago. Jira's search is eventually consistent: without
   * this, a search may not reflect a write for seconds or minutes; the issues named here are
   * matched and returned as they are now (`reconcileIssues`,
   * https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/). Other issues may
   * still be stale. Any number may be given: Jira takes 50 per search, and more cost one search
   * per 50.
   */
  readonly reconcile?: readonly string[];
  /**
   * The caller expects more than one page (100 issues with fields). Then the ids are read first,
   * 5,000 a page (the most /search/jql answers when only ids are asked, platform.v3.json
   * SearchAndReconcileRequestBean.maxResults), and the fields come from the bulk issue fetch,
   * 100 issues a call and several calls at once (`getIssues`): a long read waits for a few rounds
   * instead of one call per 100 issues in a row. It costs one call more per 5,000 ids, so small
   * searches leave it off. The fields are then as Jira has them now (a read by id, not the index).
   */
  readonly expectMany?: boolean;
}

/** The ids-only search: the same cap and reconciliation as SearchOptions. */
export type IdSearchOptions = Pick<SearchOptions, 'limit' | 'truncate' | 'reconcile'>;

/** What `getIssues` returns of each issue. */
export interface IssueFieldsRequest {
  readonly fields: readonly string[];
  /** At most 5 entity properties (platform.v3.json BulkFetchIssueRequestBean.properties). */
  readonly properties?: readonly string[];
}

/**
 * The default result cap of searchAll: 100 pages of Jira's 100 issues with fields. At Jira's usual
 * 100–200 ms a page that is 10–20 s, inside a resolver's 25 s (Forge platform limits), and ~50 MB of
 * heap for the fields Ballast asks for, far inside Forge's 512 MB. It covers what a person asks about
 * (a sprint, a backlog); callers that must read more (a whole project in a 300 s job) say so with
 * an explicit `limit`.
 */
export const DEFAULT_SEARCH_LIMIT = 10_000;

/** A search matched more issues than its cap: nothing is returned, the JQL and cap are named. */
export class SearchLimitError extends AppError {
  constructor(
    readonly jql: string,
    readonly limit: number,
  ) {
    super(
      'BAD_REQUEST',
      `The Jira search “${jql}” matches more than ${limit.toLocaleString('en')} issues, more than Ballast reads at once (the cap keeps it inside Forge's memory and time limits).`,
    );
    this.name = 'SearchLimitError';
  }
}

export interface JiraPort {
  /** Every issue matching `jql` (at most `options.limit`, see SearchOptions). */
  searchAll(jql: string, options: SearchOptions): Promise<JiraIssue[]>;
  /** The ids of the issues matching `jql`, in its order (at most `options.limit`, as searchAll). */
  searchIds(jql: string, options?: IdSearchOptions): Promise<string[]>;
  /**
   * Issues by id, in the order given, through POST /rest/api/3/issue/bulkfetch (100 a call, calls
   * in parallel); ids Jira does not show the caller (deleted, moved out of sight) are left out.
   */
  getIssues(ids: readonly string[], request: IssueFieldsRequest): Promise<JiraIssue[]>;
  getIssue(
    issueKey: string,
    fields: readonly string[],
    properties?: readonly string[],
  ): Promise<JiraIssue>;
  getBoardConfiguration(boardId: number): Promise<BoardConfiguration>;
  /** The board, with the project it belongs to (`location.projectKey`). */
  getBoard(boardId: number): Promise<JiraBoard>;
  listSprints(boardId: number, states: readonly SprintState[]): Promise<JiraSprint[]>;
  getSprint(sprintId: number): Promise<JiraSprint>;
  sprintIssues(sprintId: number, fields: readonly string[]): Promise<JiraIssue[]>;
  backlogIssues(boardId: number, fields: readonly string[]): Promise<JiraIssue[]>;
  moveToSprint(sprintId: number, issueKeys: readonly string[]): Promise<void>;
  moveToBacklog(issueKeys: readonly string[]): Promise<void>;
  /** Creates an issue; `description` is plain text (sent as one Atlassian Document paragraph each). */
  createIssue(input: {
    projectKey: string;
    issueTypeName: string;
    summary: string;
    description: readonly string[];
    labels: readonly string[];
  }): Promise<{ id: string; key: string }>;
  getIssueProperty(issueKey: string, propertyKey: string): Promise<unknown>;
  setIssueProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void>;
  /** Removes the property (DELETE …/properties/{propertyKey}); one that is already gone is no error. */
  deleteIssueProperty(issueKey: string, propertyKey: string): Promise<void>;
  getTransitions(issueKey: string): Promise<Transition[]>;
  transition(issueKey: string, transitionId: string): Promise<void>;
  addComment(issueKey: string, text: string): Promise<string>;
  /**
   * "Send notification for issue" (POST /rest/api/3/issue/{issueIdOrKey}/notify, platform.v3.json
   * `notify`): Jira queues an email about the issue to the recipients; 204 with no content.
   */
  notifyIssue(issueKey: string, notification: JiraNotification): Promise<void>;
  /**
   * The change histories of these issues for these fields, one entry per issue that has any
   * (histories oldest first; an issue split across pages is put back together).
   */
  changelogs(
    issueIdsOrKeys: readonly string[],
    fieldIds: readonly string[],
  ): Promise<ChangelogPage['issueChangeLogs']>;
  /** Every field of the site (system and custom), e.g. to find the app's own Forge field. */
  listFields(): Promise<JiraField[]>;
  /** Sets values of the app's own read-only custom fields (as the app: Jira refuses users). */
  setAppFieldValues(
    updates: readonly { field: string; issueIds: readonly number[]; value: unknown }[],
  ): Promise<void>;
  myPermissions(
    scope: { projectKey: string } | { issueKey: string },
    permissions: readonly string[],
  ): Promise<Record<string, boolean>>;
  /**
   * The users with these account ids (Jira's bulk user API), in one request per 100 ids; ids Jira
   * does not know, or does not show the caller, are missing from the answer.
   */
  getUsers(accountIds: readonly string[]): Promise<JiraUser[]>;
  /**
   * Jira's own JQL parser with strict validation, in the caller's context: one answer per query, in
   * order — its syntax tree (`structure`) when valid, else Jira's `errors`.
   */
  parseJql(queries: readonly string[]): Promise<ParsedJql[]>;
  /**
   * Of these project keys, the projects the caller has Browse projects for, with their names and
   * types: GET /rest/api/3/project/search?keys=…&action=browse, ≤ 50 keys a request (platform.v3.json
   * `searchProjects`: "`browse` … the Browse projects project permission"). Unknown keys are left out.
   */
  browsableProjects(projectKeys: readonly string[]): Promise<JiraProjectSummary[]>;
  /** The names of the issue types available in the project (GET /rest/api/3/project/{key}). */
  projectIssueTypes(projectKey: string): Promise<string[]>;
  /** The site's issue link types (GET /rest/api/3/issueLinkType). */
  issueLinkTypes(): Promise<JiraIssueLinkType[]>;
}

/** A Jira user as Ballast shows them: the name people recognise, and the id stored with records. */
export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
}
