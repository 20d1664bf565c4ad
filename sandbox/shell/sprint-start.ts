/**
 * Start sprint, as the selected user, through the Agile API: one partial update of the sprint
 * (`POST /rest/agile/1.0/sprint/{id}`) with the dialog's name, dates and goal and `state: active`
 * — the documented way to start a future sprint (it needs a start and an end date). Jira checks
 * the "Manage sprints" permission and that no other sprint of the board is active; its refusal is
 * an outcome the dialog shows, not a throw.
 */
import { JiraCallError, type JiraClient } from './jira-client';

export type SprintActionOutcome = { ok: true } | { ok: false; status: number; message: string };

export interface StartSprintRequest {
  name: string;
  startIso: string;
  endIso: string;
  goal: string;
}

export async function refusalOf(run: () => Promise<unknown>): Promise<SprintActionOutcome> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof JiraCallError)
      return { ok: false, status: error.status, message: error.message };
    throw error;
  }
}

export function startSprint(
  jira: JiraClient,
  sprintId: number,
  request: StartSprintRequest,
): Promise<SprintActionOutcome> {
  return refusalOf(() =>
    jira.post(`/rest/agile/1.0/sprint/${sprintId}`, {
      name: request.name,
      goal: request.goal,
      startDate: request.startIso,
      endDate: request.endIso,
      state: 'active',
    }),
  );
}
