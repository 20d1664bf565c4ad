/**
 * The backlog's sprint forms: `POST /__shell/sprint/<id>/start` and `/complete`. Each acts through
 * Jira's Agile API as the selected user (so Jira's "Manage sprints" check applies), then waits
 * until the app's triggers raised by the change have finished (`ForgeHost.idle`) — the sprint
 * events and the issue events of anything Ballast moved — so the backlog it redirects to shows
 * what Jira and the app did. A refusal shows the dialog again with Jira's message.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppHost } from './app-host';
import { HttpError, readText, redirect, sendHtml } from './http-util';
import { JiraCallError, jiraAs, type JiraClient } from './jira-client';
import type { AppManifest } from './manifest';
import type { BacklogState } from './pages/backlog-overlay';
import { renderPage } from './pages/render';
import { completeSprint } from './sprint-complete';
import { parseCompleteForm, parseStartForm } from './sprint-form';
import type { AppRecordReader } from './sprint-report';
import { startSprint } from './sprint-start';
import type { ShellTheme } from './theme';
import type { ShellUser } from './users';

export interface SprintRouteDeps {
  manifest: () => AppManifest;
  host: AppHost;
  jiraUrl: string;
}

export const SPRINT_ACTION_PATH = /^\/__shell\/sprint\/(\d+)\/(start|complete)$/;

/** The app's stored value under key (its Forge KVS, plain keys), as the sandbox holds it. */
export const appRecordReader =
  (host: AppHost): AppRecordReader =>
  (key) =>
    host.forge.kvs.store.read({ kind: 'kv' }, key)?.value;

function projectKeyOf(form: URLSearchParams): string {
  const key = form.get('projectKey') ?? '';
  if (!/^[A-Z][A-Z0-9_]*$/.test(key)) throw new HttpError(400, 'The form names no project.');
  return key;
}

interface SprintBean {
  id: number;
  name: string;
  originBoardId: number;
}

async function otherSprintNames(jira: JiraClient, boardId: number): Promise<string[]> {
  const page = await jira.get<{ values: { name: string }[] }>(
    `/rest/agile/1.0/board/${boardId}/sprint?state=active,future&maxResults=50`,
  );
  return page.values.map((s) => s.name);
}

export async function handleSprintAction(
  deps: SprintRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  who: { user: ShellUser; theme: ShellTheme },
  sprintId: number,
  action: 'start' | 'complete',
): Promise<void> {
  const form = new URLSearchParams(await readText(req));
  const projectKey = projectKeyOf(form);
  const jira = jiraAs(deps.jiraUrl, who.user.accountId);
  const backlog = `/projects/${projectKey}/backlog`;
  const again = async (status: number, backlogState: BacklogState) =>
    sendHtml(
      res,
      status,
      await renderPage({
        page: { kind: 'backlog', projectKey },
        user: who.user,
        theme: who.theme,
        path: backlog,
        jiraUrl: deps.jiraUrl,
        manifest: deps.manifest(),
        backlogState,
        readAppRecord: appRecordReader(deps.host),
      }),
    );

  if (action === 'start') {
    const input = parseStartForm(form);
    if (!input.ok)
      return again(400, { kind: 'start', sprintId, values: input.values, errors: input.errors });
    const outcome = await startSprint(jira, sprintId, {
      name: input.values.name,
      goal: input.values.goal,
      startIso: input.startIso,
      endIso: input.endIso,
    });
    if (!outcome.ok)
      return again(outcome.status, {
        kind: 'start',
        sprintId,
        values: input.values,
        jiraError: outcome.message,
      });
    await deps.host.forge.idle();
    return redirect(res, `${backlog}?started=${sprintId}`);
  }

  const target = parseCompleteForm(form);
  let sprint: SprintBean;
  try {
    sprint = await jira.get<SprintBean>(`/rest/agile/1.0/sprint/${sprintId}`);
  } catch (error) {
    if (!(error instanceof JiraCallError)) throw error;
    return again(error.status, { kind: 'complete', sprintId, target, jiraError: error.message });
  }
  const outcome = await completeSprint(jira, {
    boardId: sprint.originBoardId,
    sprint: { id: sprint.id, name: sprint.name },
    target,
    otherSprintNames: await otherSprintNames(jira, sprint.originBoardId),
  });
  await deps.host.forge.idle();
  if (outcome.ok) return redirect(res, `${backlog}?completed=${sprintId}`);
  if ('closed' in outcome)
    return again(outcome.status, { kind: 'completed', sprintId, problem: outcome.message });
  return again(outcome.status, { kind: 'complete', sprintId, target, jiraError: outcome.message });
}
