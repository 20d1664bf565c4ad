/**
 * Sprints: get, create, update (starting and closing raise sprint events), their issues, and
 * moving issues into a sprint or back to the backlog, and ranking (at most 50 per call, MOVE_MAX).
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError } from '../http/errors';
import { sprintBean } from '../render/common';
import { recordChange, sprintChange } from '../state/changes';
import type { BoardRecord, IssueRecord, SprintRecord } from '../state/types';
import type { JiraContext, JiraRoute } from './context';
import {
  boardIssues,
  indexedBoardIssues,
  issuePage,
  requireProjectPermission,
  visibleBoard,
  visibleSprint,
} from './agile-common';
import { rankIssues } from './agile-rank';
import { visibleIssue } from './visibility';

/**
 * software.v3.json: moveIssuesToSprintAndRank ("The maximum number of issues that can be moved in
 * one operation is 50"), moveIssuesToBacklog and rankIssues ("At most 50 issues").
 */
const MOVE_MAX = 50;

const moveBody = z.object({
  issues: z.array(z.string()).min(1).max(MOVE_MAX),
  rankBeforeIssue: z.string().optional(),
  rankAfterIssue: z.string().optional(),
  rankCustomFieldId: z.number().int().optional(),
});

const sprintUpdate = z.object({
  name: z.string().min(1).max(255).optional(),
  state: z.enum(['future', 'active', 'closed']).optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
  goal: z.string().optional(),
});

const sprintCreate = z.object({
  name: z.string().min(1).max(255),
  originBoardId: z.number().int(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  goal: z.string().optional(),
});

function isoOrThrow(field: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new JiraError(400, [], { [field]: `'${value}' is not a valid date.` });
  return new Date(ms).toISOString();
}

/** Moves issues into a sprint (or the backlog with null); sub-tasks follow their parent. */
function moveIssues(
  ctx: JiraContext,
  board: BoardRecord,
  keys: string[],
  sprintId: number | null,
): IssueRecord[] {
  requireProjectPermission(
    ctx,
    board,
    'SCHEDULE_ISSUES',
    'You do not have permission to schedule issues.',
  );
  const issues = keys.map((k) => visibleIssue(ctx, k));
  for (const issue of issues) {
    if (ctx.store.issueType(issue.issueTypeId)?.subtask === true) {
      throw new JiraError(400, [`Issue ${issue.key} is a sub-task: move its parent instead.`]);
    }
  }
  for (const issue of issues) {
    for (const target of [
      issue,
      ...ctx.store
        .children(issue.id)
        .filter((c) => ctx.store.issueType(c.issueTypeId)?.subtask === true),
    ]) {
      recordChange(ctx, target, ctx.caller.user.accountId, sprintChange(ctx, target, sprintId));
    }
  }
  return issues;
}

function updateSprint(
  ctx: JiraContext,
  sprint: SprintRecord,
  board: BoardRecord,
  patch: z.infer<typeof sprintUpdate>,
) {
  requireProjectPermission(
    ctx,
    board,
    'MANAGE_SPRINTS_PERMISSION',
    'You do not have permission to manage sprints.',
  );
  if (sprint.state === 'closed') throw new JiraError(400, ['Closed sprints cannot be updated.']);
  const next = patch.state ?? sprint.state;
  if (next === 'future' && sprint.state !== 'future')
    throw new JiraError(400, ['An active sprint cannot be moved back to future.']);
  if (next === 'closed' && sprint.state === 'future')
    throw new JiraError(400, ['A future sprint must be started before it is closed.']);
  if (patch.name !== undefined) sprint.name = patch.name;
  if (patch.goal !== undefined) sprint.goal = patch.goal;
  sprint.startDate = isoOrThrow('startDate', patch.startDate) ?? sprint.startDate;
  sprint.endDate = isoOrThrow('endDate', patch.endDate) ?? sprint.endDate;
  if (next === 'active' && sprint.state === 'future') {
    if (sprint.startDate === null || sprint.endDate === null)
      throw new JiraError(400, [], {
        startDate: 'A sprint needs a start and an end date to be started.',
      });
    if (ctx.store.state.sprints.some((s) => s.boardId === sprint.boardId && s.state === 'active')) {
      throw new JiraError(400, [
        'This board already has an active sprint (parallel sprints are off).',
      ]);
    }
    sprint.state = 'active';
    ctx.events.emit('sprint:started', { sprint: structuredClone(sprint) });
  } else if (next === 'closed' && sprint.state === 'active') {
    sprint.state = 'closed';
    sprint.completeDate = isoOrThrow('completeDate', patch.completeDate) ?? ctx.now().toISOString();
    // Closing through the REST API leaves unfinished work in the closed sprint's history and returns it to the backlog.
    for (const issue of boardIssues(ctx, board).filter(
      (i) => i.sprintIds.includes(sprint.id) && !ctx.store.isDone(i),
    )) {
      recordChange(ctx, issue, ctx.caller.user.accountId, sprintChange(ctx, issue, null));
    }
    ctx.events.emit('sprint:closed', { sprint: structuredClone(sprint) });
  }
  return { status: 200, body: sprintBean(ctx.render, sprint) };
}

export const agileSprintRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/agile/1.0/sprint/{sprintId}',
    handler: (ctx, params) => ({
      status: 200,
      body: sprintBean(ctx.render, visibleSprint(ctx, params.sprintId ?? '').sprint),
    }),
  },
  {
    method: 'POST',
    path: '/rest/agile/1.0/sprint/{sprintId}',
    handler: (ctx, params) => {
      const { sprint, board } = visibleSprint(ctx, params.sprintId ?? '');
      return updateSprint(ctx, sprint, board, parseBody(sprintUpdate, ctx.body));
    },
  },
  {
    method: 'PUT',
    path: '/rest/agile/1.0/sprint/{sprintId}',
    handler: (ctx, params) => {
      const { sprint, board } = visibleSprint(ctx, params.sprintId ?? '');
      return updateSprint(ctx, sprint, board, parseBody(sprintUpdate, ctx.body));
    },
  },
  {
    method: 'POST',
    path: '/rest/agile/1.0/sprint',
    handler: (ctx) => {
      const body = parseBody(sprintCreate, ctx.body);
      const board = visibleBoard(ctx, String(body.originBoardId));
      requireProjectPermission(
        ctx,
        board,
        'MANAGE_SPRINTS_PERMISSION',
        'You do not have permission to manage sprints.',
      );
      const sprint: SprintRecord = {
        id: ctx.store.nextCounter('sprint'),
        name: body.name,
        state: 'future',
        boardId: board.id,
        goal: body.goal ?? '',
        startDate: isoOrThrow('startDate', body.startDate),
        endDate: isoOrThrow('endDate', body.endDate),
        completeDate: null,
        createdDate: ctx.now().toISOString(),
      };
      ctx.store.state.sprints.push(sprint);
      ctx.events.emit('sprint:created', { sprint: structuredClone(sprint) });
      return { status: 201, body: sprintBean(ctx.render, sprint) };
    },
  },
  {
    method: 'GET',
    path: '/rest/agile/1.0/sprint/{sprintId}/issue',
    handler: (ctx, params) => {
      const { sprint, board } = visibleSprint(ctx, params.sprintId ?? '');
      return issuePage(
        ctx,
        indexedBoardIssues(ctx, board).filter((i) => i.sprintIds.includes(sprint.id)),
      );
    },
  },
  {
    method: 'POST',
    path: '/rest/agile/1.0/sprint/{sprintId}/issue',
    handler: (ctx, params) => {
      const { sprint, board } = visibleSprint(ctx, params.sprintId ?? '');
      const body = parseBody(moveBody, ctx.body);
      if (sprint.state === 'closed')
        throw new JiraError(400, ['Issues cannot be moved to a closed sprint.']);
      const moved = moveIssues(ctx, board, body.issues, sprint.id);
      if (body.rankBeforeIssue !== undefined || body.rankAfterIssue !== undefined)
        rankIssues(ctx, moved, body);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/rest/agile/1.0/backlog/issue',
    handler: (ctx) => {
      const body = parseBody(moveBody.pick({ issues: true }), ctx.body);
      const first = visibleIssue(ctx, body.issues[0] ?? '');
      const board = ctx.store.state.boards.find((b) => b.projectId === first.projectId);
      if (board === undefined) throw new JiraError(400, [`Issue ${first.key} is on no board.`]);
      moveIssues(ctx, board, body.issues, null);
      return { status: 204 };
    },
  },
  {
    method: 'PUT',
    path: '/rest/agile/1.0/issue/rank',
    handler: (ctx) => {
      const body = parseBody(moveBody, ctx.body);
      if ((body.rankBeforeIssue === undefined) === (body.rankAfterIssue === undefined)) {
        throw new JiraError(400, [
          'Exactly one of rankBeforeIssue and rankAfterIssue must be given.',
        ]);
      }
      rankIssues(
        ctx,
        body.issues.map((k) => visibleIssue(ctx, k)),
        body,
      );
      return { status: 204 };
    },
  },
];
