/**
 * The project boundary for the admin-supplied board (issue #19: "every admin-supplied text that
 * reaches Jira"). The metrics recompute reads the bound board's sprints and their issues as the app,
 * which may browse every project; a SHOP admin binding another project's board would show that
 * project's sprints to SHOP's members. So the board must be this project's: Jira's board location
 * (GET /rest/agile/1.0/board/{boardId}, `location.projectKey`) names it — checked at save as the
 * admin, and again at recompute as the app for a binding stored before this check.
 */
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';

export type BoardCheck = { readonly ok: true } | { readonly ok: false; problem: string };

export async function checkProjectBoard(
  jira: JiraPort,
  projectKey: string,
  boardId: number,
): Promise<BoardCheck> {
  let location: string | undefined;
  try {
    location = (await jira.getBoard(boardId)).location?.projectKey;
  } catch (error: unknown) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      return { ok: false, problem: `board ${boardId} does not exist or you cannot see it` };
    throw error;
  }
  if (location === projectKey) return { ok: true };
  return {
    ok: false,
    problem:
      location === undefined
        ? `board ${boardId} belongs to no project (Ballast plans on a board of project ${projectKey})`
        : `board ${boardId} is a board of another project, not of ${projectKey}`,
  };
}

/** At settings save: an edited board binding must be a board of this project, else BAD_REQUEST naming `board`. */
export async function requireProjectBoard(
  jira: JiraPort,
  projectKey: string,
  edited: unknown,
): Promise<void> {
  if (typeof edited !== 'object' || edited === null) return;
  const board = (edited as { board?: unknown }).board;
  // Other shapes are refused by the configuration's own validation (project-config.ts).
  if (typeof board !== 'object' || board === null) return;
  const boardId = (board as { boardId?: unknown }).boardId;
  if (typeof boardId !== 'number' || !Number.isSafeInteger(boardId) || boardId <= 0) return;
  const check = await checkProjectBoard(jira, projectKey, boardId);
  if (!check.ok) {
    throw new AppError(
      'BAD_REQUEST',
      `The configuration was not saved: field "board": ${check.problem}.`,
      {
        field: 'board',
      },
    );
  }
}
