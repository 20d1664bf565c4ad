/** Resolvers of the sprint planner (backlog and sprint actions): `planner/evaluate`. */
import { z } from 'zod';
import { AppError } from '../../app/errors';
import {
  evaluateSprint,
  type PlannerDeps,
  type SprintEvaluation,
} from '../../app/planner/evaluate-sprint';
import { readContext, readPayload } from './context';

const evaluateSchema = z.object({
  boardId: z.number().int().positive(),
  sprintId: z.number().int().positive(),
  withProposal: z.boolean().optional(),
});

export function plannerResolvers(deps: { plannerDeps: () => PlannerDeps }) {
  return {
    'planner/evaluate': (payload: unknown, rawContext: unknown): Promise<SprintEvaluation> => {
      const context = readContext(rawContext);
      const input = readPayload(evaluateSchema, payload);
      if (!context.projectKey) {
        throw new AppError(
          'BAD_REQUEST',
          'Open the sprint planner from a project board: no project in this context.',
        );
      }
      // Read as the person: Jira shows them only the issues they may browse.
      return evaluateSprint(deps.plannerDeps(), {
        projectKey: context.projectKey,
        boardId: input.boardId,
        sprintId: input.sprintId,
        withProposal: input.withProposal ?? false,
      });
    },
  };
}
