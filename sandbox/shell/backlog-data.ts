/**
 * Loads what the backlog shows — the board's active and future sprints and its backlog, each with
 * its issues — through Jira's REST API as the selected user. The Ballast category and DoD progress come from
 * the issue's `ballast` entity property (the app writes it); without one the card says so.
 */
import { BALLAST_PROPERTY_KEY } from '../jira';
import type { JiraClient } from './jira-client';

export const STORY_POINTS_FIELD = 'customfield_10016';
const CARD_FIELDS = ['summary', 'issuetype', 'status', STORY_POINTS_FIELD];

export interface Card {
  id: string;
  key: string;
  summary: string;
  type: string;
  status: string;
  statusCategory: string;
  storyPoints: number | undefined;
  /** undefined: no Ballast property, or one without a category. */
  workType: string | undefined;
  /** Indexed DoD summary of the property; undefined when the item has none. */
  dod: { complete: boolean; openRequired: number } | { closedBeforeBallast: true } | undefined;
}

export interface SprintColumn {
  id: number;
  name: string;
  state: string;
  goal: string | undefined;
  startDate: string | undefined;
  endDate: string | undefined;
  cards: Card[];
}

export interface Backlog {
  boardId: number;
  boardName: string;
  sprints: SprintColumn[];
  backlog: Card[];
}

export interface IssueBean {
  id: string;
  key: string;
  fields?: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

const nameOf = (value: unknown): string =>
  typeof value === 'object' && value !== null && 'name' in value ? String(value.name) : '';

export function cardOf(issue: IssueBean, property: unknown): Card {
  const fields = issue.fields ?? {};
  const status = fields.status as { name?: string; statusCategory?: { key?: string } } | undefined;
  const points = fields[STORY_POINTS_FIELD];
  const ballast = (typeof property === 'object' && property !== null ? property : {}) as Record<
    string,
    unknown
  >;
  const openRequired = ballast.dodOpenRequired;
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    type: nameOf(fields.issuetype),
    status: status?.name ?? '',
    statusCategory: status?.statusCategory?.key ?? 'new',
    storyPoints: typeof points === 'number' ? points : undefined,
    workType: typeof ballast.workType === 'string' ? ballast.workType : undefined,
    dod:
      ballast.dodClosedBeforeBallast === 1
        ? { closedBeforeBallast: true }
        : typeof openRequired === 'number'
          ? { complete: ballast.dodComplete === 1, openRequired }
          : undefined,
  };
}

/** Every page of an Agile issue list (they page by startAt, at most 100 per page). */
export async function agileIssues(
  jira: JiraClient,
  path: string,
  fields: readonly string[] = CARD_FIELDS,
): Promise<IssueBean[]> {
  const all: IssueBean[] = [];
  for (let startAt = 0; ;) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await jira.get<{ issues: IssueBean[]; total: number }>(
      `${path}${sep}startAt=${startAt}&maxResults=100&fields=${fields.join(',')}`,
    );
    all.push(...page.issues);
    startAt += page.issues.length;
    if (page.issues.length === 0 || startAt >= page.total) return all;
  }
}

/** The `ballast` property of each issue, by search (the Agile lists do not return properties). */
async function ballastProperties(jira: JiraClient, ids: string[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    let token: string | undefined;
    do {
      const page: { issues: IssueBean[]; nextPageToken?: string } = await jira.post(
        '/rest/api/3/search/jql',
        {
          jql: `id in (${chunk.join(',')})`,
          fields: ['id'],
          properties: [BALLAST_PROPERTY_KEY],
          maxResults: 100,
          ...(token === undefined ? {} : { nextPageToken: token }),
        },
      );
      for (const issue of page.issues)
        found.set(issue.id, issue.properties?.[BALLAST_PROPERTY_KEY]);
      token = page.nextPageToken;
    } while (token !== undefined);
  }
  return found;
}

const topLevel = (issue: IssueBean): boolean =>
  (issue.fields?.issuetype as { subtask?: boolean } | undefined)?.subtask !== true;

export async function loadBacklog(jira: JiraClient, projectKey: string): Promise<Backlog> {
  const boards = await jira.get<{ values: { id: number; name: string }[] }>(
    `/rest/agile/1.0/board?projectKeyOrId=${encodeURIComponent(projectKey)}`,
  );
  const board = boards.values[0];
  if (board === undefined) throw new Error(`Project ${projectKey} has no board.`);
  const sprints = await jira.get<{
    values: {
      id: number;
      name: string;
      state: string;
      goal?: string;
      startDate?: string;
      endDate?: string;
    }[];
  }>(`/rest/agile/1.0/board/${board.id}/sprint?state=active,future`);
  const sprintIssues = await Promise.all(
    sprints.values.map((s) => agileIssues(jira, `/rest/agile/1.0/sprint/${s.id}/issue`)),
  );
  const backlogIssues = await agileIssues(jira, `/rest/agile/1.0/board/${board.id}/backlog`);
  const shown = [...sprintIssues.flat(), ...backlogIssues].filter(topLevel);
  const properties = await ballastProperties(
    jira,
    shown.map((i) => i.id),
  );
  const cards = (issues: IssueBean[]) =>
    issues.filter(topLevel).map((i) => cardOf(i, properties.get(i.id)));
  return {
    boardId: board.id,
    boardName: board.name,
    sprints: sprints.values.map((s, index) => ({
      id: s.id,
      name: s.name,
      state: s.state,
      goal: s.goal === '' ? undefined : s.goal,
      startDate: s.startDate,
      endDate: s.endDate,
      cards: cards(sprintIssues[index] ?? []),
    })),
    backlog: cards(backlogIssues),
  };
}
