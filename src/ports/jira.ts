/**
 * What the application needs from Jira, independent of Forge. The Forge adapter
 * (src/adapters/forge/jira/client.ts) implements it over requestJira; use cases take it as an argument.
 */
import type {
  BoardConfiguration,
  ChangelogPage,
  JiraBoard,
  JiraField,
  JiraIssue,
  JiraSprint,
  Transition,
} from './jira-schemas';

export type {
  BoardConfiguration,
  JiraBoard,
  JiraField,
  JiraIssue,
  JiraSprint,
  Transition,
} from './jira-schemas';
export type SprintState = JiraSprint['state'];

export interface SearchOptions {
  readonly fields: readonly string[];
  /** Entity properties to return with each issue, e.g. ['ballast']. */
  readonly properties?: readonly string[];
  /** Page size asked for; Jira may answer with fewer when many fields are requested. */
  readonly pageSize?: number;
}

export interface JiraPort {
  searchAll(jql: string, options: SearchOptions): Promise<JiraIssue[]>;
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
  getTransitions(issueKey: string): Promise<Transition[]>;
  transition(issueKey: string, transitionId: string): Promise<void>;
  addComment(issueKey: string, text: string): Promise<string>;
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
}
