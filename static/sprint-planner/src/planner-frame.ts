/**
 * Where the planner was opened, from the Forge context Jira hands backlog and sprint actions
 * (`extension.board.id`, and `extension.sprint.id` for a sprint action). Pure, for Node tests.
 */
import type { ResolverError } from '../../../src/contract/envelope';

export interface PlannerFrame {
  readonly boardId: number | undefined;
  readonly sprintId: number | undefined;
  readonly accountId: string | undefined;
}

export class NoBoardError extends Error {
  readonly error: ResolverError = {
    code: 'BAD_REQUEST',
    message: 'Ballast could not tell which board this is. Open the planner from a board’s backlog.',
    retryable: false,
  };
}

const idOf = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
};

export function plannerFrameOf(context: unknown): PlannerFrame {
  const c = context as {
    accountId?: unknown;
    extension?: { board?: { id?: unknown }; sprint?: { id?: unknown } };
  } | null;
  const boardId = idOf(c?.extension?.board?.id);
  if (boardId === undefined) throw new NoBoardError('The Forge context names no board');
  return {
    boardId,
    sprintId: idOf(c?.extension?.sprint?.id),
    accountId: typeof c?.accountId === 'string' ? c.accountId : undefined,
  };
}
