/**
 * What a person sees on the backlog after starting or completing a sprint, once the app's
 * triggers have run: Jira's side read as the selected user (the sprint, where its open issues
 * are now, the comments Ballast left on the items it moved), and the records the app's sprint
 * triggers stored in its own storage (`sprint-commitment:<id>`, `sprint-outcome:<id>`), read from
 * the sandbox's KVS. Nothing here is computed by the shell: it reports what Jira and the app hold.
 */
import { APP_ACCOUNT_ID } from '../jira';
import {
  commitmentKey,
  outcomeKey,
  type SprintCommitment,
  type SprintOutcome,
} from '../../src/app/sprint/sprint-commitment';
import type { JiraClient } from './jira-client';
import { adfParagraphs } from './pages/issue';

const SPRINT_FIELD = 'customfield_10020';

/** Reads one of the app's stored values (its Forge KVS), undefined when absent. */
export type AppRecordReader = (key: string) => unknown;

export interface SprintSummary {
  id: number;
  name: string;
  state: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}

export interface MovedItem {
  key: string;
  /** Ballast's latest comment on the item, as plain text; undefined when it left none. */
  comment: string | undefined;
}

export interface StartReport {
  sprint: SprintSummary;
  commitment: SprintCommitment | undefined;
  moved: MovedItem[];
}

export interface CompleteReport {
  sprint: SprintSummary;
  outcome: SprintOutcome | undefined;
  doneCount: number;
  /** The sprint's unfinished top-level issues, and where each is now (a sprint's name, or the backlog). */
  open: { key: string; nowIn: string }[];
}

const sprintOf = (jira: JiraClient, id: number) =>
  jira.get<SprintSummary>(`/rest/agile/1.0/sprint/${id}`);

async function ballastComment(jira: JiraClient, key: string): Promise<string | undefined> {
  const page = await jira.get<{
    comments: { author?: { accountId?: string }; body?: unknown }[];
  }>(`/rest/api/3/issue/${encodeURIComponent(key)}/comment?orderBy=-created`);
  const mine = page.comments.find((c) => c.author?.accountId === APP_ACCOUNT_ID);
  return mine === undefined ? undefined : adfParagraphs(mine.body).join(' ');
}

export async function loadStartReport(
  jira: JiraClient,
  readApp: AppRecordReader,
  sprintId: number,
): Promise<StartReport> {
  const sprint = await sprintOf(jira, sprintId);
  const commitment = readApp(commitmentKey(sprintId)) as SprintCommitment | undefined;
  const moved = await Promise.all(
    (commitment?.movedOut ?? []).map(async (key) => ({
      key,
      comment: await ballastComment(jira, key),
    })),
  );
  return { sprint, commitment, moved };
}

interface SearchPage {
  issues: { key: string; fields: Record<string, unknown> }[];
  nextPageToken?: string;
}

async function searchKeys(jira: JiraClient, jql: string, fields: string[]) {
  const found: SearchPage['issues'] = [];
  let token: string | undefined;
  do {
    const page: SearchPage = await jira.post('/rest/api/3/search/jql', {
      jql,
      fields,
      maxResults: 100,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    found.push(...page.issues);
    token = page.nextPageToken;
  } while (token !== undefined);
  return found;
}

const topLevel = (issue: { fields: Record<string, unknown> }) =>
  (issue.fields.issuetype as { subtask?: boolean } | undefined)?.subtask !== true;

export async function loadCompleteReport(
  jira: JiraClient,
  readApp: AppRecordReader,
  sprintId: number,
): Promise<CompleteReport> {
  const sprint = await sprintOf(jira, sprintId);
  const [done, open] = await Promise.all([
    searchKeys(jira, `sprint = ${sprintId} AND statusCategory = Done ORDER BY rank ASC`, [
      'issuetype',
    ]),
    searchKeys(jira, `sprint = ${sprintId} AND statusCategory != Done ORDER BY rank ASC`, [
      'issuetype',
      SPRINT_FIELD,
    ]),
  ]);
  return {
    sprint,
    outcome: readApp(outcomeKey(sprintId)) as SprintOutcome | undefined,
    doneCount: done.filter(topLevel).length,
    open: open.filter(topLevel).map((issue) => {
      const sprints = Array.isArray(issue.fields[SPRINT_FIELD])
        ? (issue.fields[SPRINT_FIELD] as { name?: string; state?: string }[])
        : [];
      const current = sprints.find((s) => s.state !== 'closed');
      return { key: issue.key, nowIn: current?.name ?? 'Backlog' };
    }),
  };
}
