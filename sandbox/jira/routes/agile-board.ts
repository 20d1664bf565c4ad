/** Jira Software boards: list, get, configuration (estimation field), sprints, backlog, issues. */
import { RANK_FIELD_NUMERIC_ID } from '../state/catalog';
import { sprintBean } from '../render/common';
import type { SprintState } from '../state/types';
import { canBrowse } from '../permissions';
import { listParam, type JiraContext, type JiraRoute } from './context';
import { indexedBoardIssues, issuePage, listPage, visibleBoard } from './agile-common';

function boardBean(ctx: JiraContext, boardId: number) {
  const board = ctx.store.board(boardId);
  const project = board === undefined ? undefined : ctx.store.project(board.projectId);
  if (board === undefined || project === undefined) return undefined;
  return {
    id: board.id,
    self: `${ctx.baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: {
      projectId: Number(project.id),
      projectKey: project.key,
      projectName: project.name,
      projectTypeKey: 'software',
      displayName: `${project.name} (${project.key})`,
      name: `${project.name} (${project.key})`,
    },
  };
}

const SPRINT_ORDER: Record<SprintState, number> = { closed: 0, active: 1, future: 2 };

export const agileBoardRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/agile/1.0/board',
    handler: (ctx) => {
      const projectRef = ctx.query.get('projectKeyOrId');
      const type = ctx.query.get('type');
      const boards = ctx.store.state.boards.filter((b) => {
        const project = ctx.store.project(b.projectId);
        if (!canBrowse(ctx.caller, project)) return false;
        if (
          projectRef !== null &&
          project?.id !== projectRef &&
          project?.key !== projectRef.toUpperCase()
        )
          return false;
        return type === null || type.split(',').includes(b.type);
      });
      return {
        status: 200,
        body: listPage(
          ctx,
          boards.map((b) => boardBean(ctx, b.id)),
        ),
      };
    },
  },
  {
    method: 'GET',
    path: '/rest/agile/1.0/board/{boardId}',
    handler: (ctx, params) => ({
      status: 200,
      body: boardBean(ctx, visibleBoard(ctx, params.boardId ?? '').id),
    }),
  },
  {
    method: 'GET',
    path: '/rest/agile/1.0/board/{boardId}/configuration',
    handler: (ctx, params) => {
      const board = visibleBoard(ctx, params.boardId ?? '');
      const project = ctx.store.project(board.projectId);
      const statusesOf = (category: string) =>
        ctx.store.state.statuses
          .filter((s) => s.category === category)
          .map((s) => ({ id: s.id, self: `${ctx.baseUrl}/rest/api/3/status/${s.id}` }));
      const estimation = ctx.store.field(board.estimationFieldId);
      return {
        status: 200,
        body: {
          id: board.id,
          name: board.name,
          type: board.type,
          self: `${ctx.baseUrl}/rest/agile/1.0/board/${board.id}/configuration`,
          location: { type: 'project', projectKeyOrId: project?.id ?? '' },
          filter: {
            id: String(10000 + board.id),
            self: `${ctx.baseUrl}/rest/api/3/filter/${10000 + board.id}`,
          },
          subQuery: { query: 'fixVersion in unreleasedVersions() OR fixVersion is EMPTY' },
          columnConfig: {
            columns: [
              { name: 'To Do', statuses: statusesOf('new') },
              { name: 'In Progress', statuses: statusesOf('indeterminate') },
              { name: 'Done', statuses: statusesOf('done') },
            ],
            constraintType: 'none',
          },
          estimation: {
            type: 'field',
            field: {
              fieldId: board.estimationFieldId,
              displayName: estimation?.name ?? board.estimationFieldId,
            },
          },
          ranking: { rankCustomFieldId: RANK_FIELD_NUMERIC_ID },
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/rest/agile/1.0/board/{boardId}/sprint',
    handler: (ctx, params) => {
      const board = visibleBoard(ctx, params.boardId ?? '');
      const states = listParam(ctx.query, 'state');
      // Ordered by state (closed, active, future), then by position — the Agile API's documented order.
      const sprints = ctx.store.state.sprints
        .filter((s) => s.boardId === board.id && (states.length === 0 || states.includes(s.state)))
        .sort((a, b) => SPRINT_ORDER[a.state] - SPRINT_ORDER[b.state] || a.id - b.id);
      return {
        status: 200,
        body: listPage(
          ctx,
          sprints.map((s) => sprintBean(ctx.render, s)),
        ),
      };
    },
  },
  {
    method: 'GET',
    path: '/rest/agile/1.0/board/{boardId}/backlog',
    handler: (ctx, params) => {
      const board = visibleBoard(ctx, params.boardId ?? '');
      // The Scrum backlog: not in an active or future sprint, not in the board's last (Done) column, no epics.
      const open = (id: number) => ctx.store.sprint(id)?.state !== 'closed';
      const candidates = indexedBoardIssues(ctx, board).filter(
        (i) =>
          !i.sprintIds.some(open) &&
          !ctx.store.isDone(i) &&
          ctx.store.issueType(i.issueTypeId)?.hierarchyLevel !== 1,
      );
      return issuePage(ctx, candidates);
    },
  },
  {
    method: 'GET',
    path: '/rest/agile/1.0/board/{boardId}/issue',
    handler: (ctx, params) =>
      issuePage(ctx, indexedBoardIssues(ctx, visibleBoard(ctx, params.boardId ?? ''))),
  },
];
