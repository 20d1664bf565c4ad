/**
 * The fewest Jira calls `planner/evaluate` could make for the data it uses, from the emulator's
 * state (src/app/planner/sprint-snapshot.ts reads; page sizes in bench/read-bound.ts):
 *
 * bound = 1                           the board configuration (estimation and rank fields)
 *       + 1                           the sprint
 *       + ceil(n / 100)               the fields of the sprint's n items
 *       + the sprint history's bound  the closed sprints the velocity averages and the active one
 *                                     (bench/read-bound.ts)
 *       + ceil(min(B, 5,000) / 100)   with the proposal: the highest-ranked backlog items' fields
 *
 * The app makes one call more per search it reads ids first for (the sprint's items, the
 * sprints' issues, the backlog): each trades ceil(n / 100) calls in a row for a few rounds.
 */
import type { JiraEmulator } from '../sandbox/jira';
import { BACKLOG_CANDIDATES } from '../src/app/planner/sprint-snapshot';
import {
  ISSUES_PER_CALL,
  matching,
  pages,
  sprintHistoryBound,
  type HistoryBound,
} from './read-bound';

export interface PlannerBound {
  readonly total: number;
  readonly sprintItems: number;
  readonly backlog: number;
  readonly history: HistoryBound;
}

export function plannerCallBound(
  jira: JiraEmulator,
  input: {
    boardId: number;
    projectKey: string;
    sprintId: number;
    /** The velocity policy's closed sprints (DEFAULT_POLICY: 3). */
    closedSprints: number;
    logFieldIds: readonly string[];
    withProposal: boolean;
  },
): PlannerBound {
  const sprintItems = matching(jira, `sprint = ${input.sprintId}`).length;
  const backlog = input.withProposal
    ? Math.min(
        BACKLOG_CANDIDATES,
        matching(
          jira,
          `project = ${input.projectKey} AND sprint is EMPTY AND statusCategory != Done`,
        ).length,
      )
    : 0;
  const history = sprintHistoryBound(jira, {
    boardId: input.boardId,
    closedSprints: input.closedSprints,
    withActive: true,
    projectKey: input.projectKey,
    logFieldIds: input.logFieldIds,
  });
  const total =
    1 + 1 + pages(sprintItems, ISSUES_PER_CALL) + history.calls + pages(backlog, ISSUES_PER_CALL);
  return { total, sprintItems, backlog, history };
}
