/**
 * Which sprint dialog or notice the backlog shows: from the query (`?startSprint=10`,
 * `?completeSprint=9`, and `?started=10` / `?completed=9` after the action), or from a refused
 * post (the dialog again with the person's input and Jira's message).
 */
import type { Backlog } from '../backlog-data';
import { html, type SafeHtml } from '../html';
import type { JiraClient } from '../jira-client';
import { sprintTally } from '../sprint-complete';
import {
  startDefaults,
  type OpenIssuesTarget,
  type StartField,
  type StartSprintValues,
} from '../sprint-form';
import { loadCompleteReport, loadStartReport, type AppRecordReader } from '../sprint-report';
import type { BacklogOverlay } from './backlog';
import { completeSprintDialog, refusal, startSprintDialog } from './sprint-dialogs';
import { completeNotice, startNotice } from './sprint-notice';

export type BacklogState =
  | {
      kind: 'start';
      sprintId: number;
      values?: StartSprintValues;
      errors?: Partial<Record<StartField, string>>;
      jiraError?: string;
    }
  | { kind: 'complete'; sprintId: number; target?: OpenIssuesTarget; jiraError?: string }
  | { kind: 'started'; sprintId: number }
  | { kind: 'completed'; sprintId: number; problem?: string };

const QUERY_KINDS = {
  startSprint: 'start',
  completeSprint: 'complete',
  started: 'started',
  completed: 'completed',
} as const;

export function backlogStateFromQuery(query: URLSearchParams): BacklogState | undefined {
  for (const [name, kind] of Object.entries(QUERY_KINDS)) {
    const value = query.get(name);
    if (value !== null && /^\d+$/.test(value)) return { kind, sprintId: Number(value) };
  }
  return undefined;
}

export interface OverlayContext {
  jira: JiraClient;
  data: Backlog;
  projectKey: string;
  readApp: AppRecordReader;
  /** The Start dialog's default start (the sandbox's "now"). */
  nowMs: number;
}

const missingSprint = (sprintId: number, what: string): BacklogOverlay => ({
  notice: refusal(
    `No sprint to ${what}`,
    `Sprint ${sprintId} is not an open sprint of this board.`,
  ),
});

export async function backlogOverlay(
  context: OverlayContext,
  state: BacklogState | undefined,
): Promise<BacklogOverlay> {
  if (state === undefined) return {};
  const { jira, data, projectKey } = context;
  const sprint = data.sprints.find((s) => s.id === state.sprintId);
  switch (state.kind) {
    case 'start': {
      if (sprint?.state !== 'future') return missingSprint(state.sprintId, 'start');
      const dialog: SafeHtml = startSprintDialog({
        projectKey,
        sprint: { id: sprint.id, name: sprint.name, issueCount: sprint.cards.length },
        values: state.values ?? startDefaults(sprint, context.nowMs),
        ...(state.errors === undefined ? {} : { errors: state.errors }),
        ...(state.jiraError === undefined ? {} : { jiraError: state.jiraError }),
      });
      return { dialog };
    }
    case 'complete': {
      if (sprint?.state !== 'active') return missingSprint(state.sprintId, 'complete');
      const dialog = completeSprintDialog({
        projectKey,
        sprint: { id: sprint.id, name: sprint.name },
        tally: await sprintTally(jira, sprint.id),
        futureSprints: data.sprints
          .filter((s) => s.state === 'future')
          .map((s) => ({ id: s.id, name: s.name })),
        target: state.target ?? { kind: 'backlog' },
        ...(state.jiraError === undefined ? {} : { jiraError: state.jiraError }),
      });
      return { dialog };
    }
    case 'started':
      return { notice: startNotice(await loadStartReport(jira, context.readApp, state.sprintId)) };
    case 'completed': {
      const notice = completeNotice(
        await loadCompleteReport(jira, context.readApp, state.sprintId),
      );
      if (state.problem === undefined) return { notice };
      return { notice: html`${refusal('Not everything was done', state.problem)} ${notice}` };
    }
  }
}
