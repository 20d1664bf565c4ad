/**
 * Resolvers of the sprint planner (backlog and sprint actions): `planner/board`, `planner/evaluate`,
 * `planner/apply`, `planner/undo`, `planner/override`, `planner/audit`. The project and — when Jira
 * gives one — the board come from the module's context, never from the payload.
 */
import { z } from 'zod';
import { AppError } from '../../app/errors';
import { applyRebalance } from '../../app/planner/apply-rebalance';
import { evaluateSprint } from '../../app/planner/evaluate-sprint';
import { listOverrides } from '../../app/planner/list-overrides';
import { loadPlannerBoard } from '../../app/planner/planner-board';
import { recordOverride } from '../../app/planner/record-override';
import type { PlannerDeps } from '../../app/planner/sprint-snapshot';
import { undoRebalance } from '../../app/planner/undo-rebalance';
import { OVERRIDE_REASON_MAX, type PlannerContract } from '../../contract/planner';
import { LIMITS } from '../../domain/limits';
import { forgeId } from '../forge-id';
import { projectContext, readPayload } from './context';

const id = z.number().int().positive();
const target = { boardId: id.optional(), sprintId: id };
const moves = z
  .array(
    z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/), direction: z.enum(['out', 'in']) }),
  )
  .max(LIMITS.rebalanceMoves.limit);

const schemas = {
  board: z.object({ boardId: id.optional() }),
  evaluate: z.object({ ...target, withProposal: z.boolean().optional() }),
  apply: z.object({ ...target, fingerprint: z.string().min(1).max(64), moves }),
  undo: z.object(target),
  // Blank and over-long reasons are refused by the use case with a message a person can act on.
  override: z.object({
    ...target,
    reason: z.string({ error: 'is required' }).max(OVERRIDE_REASON_MAX * 4),
    fingerprint: z.string().min(1).max(64),
  }),
  audit: z.object({ cursor: z.number().int().min(0).optional() }),
};

/**
 * Jira hands backlog and sprint actions `extension.board.id` and `extension.sprint.id` — strings,
 * as the project page's documented `board.id` (test/fixtures/forge/README.md: these two modules'
 * extension data is not documented). A context naming a board Ballast cannot read is refused rather
 * than ignored: the payload's board must never stand in for the context's.
 */
const placeSchema = z.looseObject({
  extension: z
    .looseObject({
      board: z.looseObject({ id: forgeId }).optional(),
      sprint: z.looseObject({ id: forgeId }).optional(),
    })
    .optional(),
});

function extensionPlace(rawContext: unknown) {
  const parsed = placeSchema.safeParse(rawContext);
  if (parsed.success) return parsed.data.extension;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'BAD_REQUEST',
    `The module's context is not one Ballast can read: ${issue?.path.join('.') ?? 'extension'}: ${issue?.message ?? 'invalid'}. Open the planner again from the board.`,
  );
}

interface Place {
  readonly accountId: string;
  readonly projectKey: string;
  readonly boardId: number;
  readonly sprintId?: number;
}

function placeOf(rawContext: unknown, payloadBoardId: number | undefined): Place {
  const context = projectContext(rawContext, 'the sprint planner from a project board');
  const extension = extensionPlace(rawContext);
  const contextBoard = extension?.board?.id;
  if (
    contextBoard !== undefined &&
    payloadBoardId !== undefined &&
    contextBoard !== payloadBoardId
  ) {
    throw new AppError(
      'BAD_REQUEST',
      `Invalid request: boardId: the planner is open on board ${contextBoard}, not ${payloadBoardId}.`,
      { field: 'boardId' },
    );
  }
  const boardId = contextBoard ?? payloadBoardId;
  if (boardId === undefined) {
    throw new AppError('BAD_REQUEST', 'Invalid request: boardId: open the planner from a board.', {
      field: 'boardId',
    });
  }
  return {
    accountId: context.accountId,
    projectKey: context.projectKey,
    boardId,
    ...(extension?.sprint ? { sprintId: extension.sprint.id } : {}),
  };
}

type Handlers = {
  [K in keyof PlannerContract]: (
    payload: unknown,
    rawContext: unknown,
  ) => Promise<PlannerContract[K]['response']>;
};

export function plannerResolvers(deps: { plannerDeps: () => PlannerDeps }): Handlers {
  return {
    'planner/board': (payload, rawContext) => {
      const input = readPayload(schemas.board, payload);
      const place = placeOf(rawContext, input.boardId);
      return loadPlannerBoard(deps.plannerDeps(), place);
    },
    // Reads go to Jira as the person: Jira shows them only the issues they may browse.
    'planner/evaluate': (payload, rawContext) => {
      const input = readPayload(schemas.evaluate, payload);
      const place = placeOf(rawContext, input.boardId);
      return evaluateSprint(deps.plannerDeps(), {
        projectKey: place.projectKey,
        boardId: place.boardId,
        sprintId: input.sprintId,
        withProposal: input.withProposal ?? false,
      });
    },
    // Moves go to Jira as the person: Jira refuses them without "Schedule issues".
    'planner/apply': (payload, rawContext) => {
      const input = readPayload(schemas.apply, payload);
      const place = placeOf(rawContext, input.boardId);
      return applyRebalance(deps.plannerDeps(), {
        projectKey: place.projectKey,
        boardId: place.boardId,
        sprintId: input.sprintId,
        fingerprint: input.fingerprint,
        moves: input.moves,
        accountId: place.accountId,
      });
    },
    'planner/undo': (payload, rawContext) => {
      const input = readPayload(schemas.undo, payload);
      const place = placeOf(rawContext, input.boardId);
      return undoRebalance(deps.plannerDeps(), {
        projectKey: place.projectKey,
        boardId: place.boardId,
        sprintId: input.sprintId,
        accountId: place.accountId,
      });
    },
    'planner/override': (payload, rawContext) => {
      const input = readPayload(schemas.override, payload);
      const place = placeOf(rawContext, input.boardId);
      return recordOverride(deps.plannerDeps(), {
        projectKey: place.projectKey,
        boardId: place.boardId,
        sprintId: input.sprintId,
        reason: input.reason,
        fingerprint: input.fingerprint,
        accountId: place.accountId,
      });
    },
    'planner/audit': (payload, rawContext) => {
      const input = readPayload(schemas.audit, payload);
      const context = projectContext(rawContext, 'the override log from a project');
      return listOverrides(deps.plannerDeps(), {
        projectKey: context.projectKey,
        cursor: input.cursor ?? 0,
      });
    },
  };
}
