/**
 * GET and PUT /rest/agile/1.0/issue/{issueIdOrKey}/estimation?boardId=: the estimate in the
 * board's estimation field. Jira Software writes the value as a string ("8.0" in its docs) both
 * ways; an issue without an estimate answers without `value`.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError } from '../http/errors';
import { item, recordChange } from '../state/changes';
import type { BoardRecord, IssueRecord } from '../state/types';
import { requireProjectPermission, visibleBoard } from './agile-common';
import type { JiraContext, JiraRoute } from './context';
import { visibleIssue } from './visibility';

function boardFor(ctx: JiraContext, issue: IssueRecord): BoardRecord {
  const raw = ctx.query.get('boardId');
  if (raw !== null) return visibleBoard(ctx, raw);
  const board = ctx.store.state.boards.find((b) => b.projectId === issue.projectId);
  if (board === undefined)
    throw new JiraError(400, [`Issue ${issue.key} is on no board; pass boardId.`]);
  return board;
}

const asText = (value: unknown): string | undefined =>
  typeof value === 'number' ? value.toFixed(1) : undefined;

export const agileEstimationRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/agile/1.0/issue/{issueIdOrKey}/estimation',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const board = boardFor(ctx, issue);
      const value = asText(issue.custom[board.estimationFieldId]);
      return {
        status: 200,
        body: { fieldId: board.estimationFieldId, ...(value === undefined ? {} : { value }) },
      };
    },
  },
  {
    method: 'PUT',
    path: '/rest/agile/1.0/issue/{issueIdOrKey}/estimation',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const board = boardFor(ctx, issue);
      requireProjectPermission(
        ctx,
        board,
        'EDIT_ISSUES',
        'You do not have permission to edit this issue.',
      );
      const { value } = parseBody(z.object({ value: z.string().nullable() }), ctx.body);
      const number = value === null || value.trim() === '' ? null : Number(value);
      if (number !== null && !Number.isFinite(number))
        throw new JiraError(400, [], { value: `'${value}' is not a number.` });
      const from = issue.custom[board.estimationFieldId];
      ctx.store.willChange(issue);
      issue.custom[board.estimationFieldId] = number;
      const str = (v: unknown) => (typeof v === 'number' ? String(v) : null);
      recordChange(ctx, issue, ctx.caller.user.accountId, [
        item(
          'Story point estimate',
          board.estimationFieldId,
          null,
          str(from),
          null,
          str(number),
          true,
        ),
      ]);
      const text = asText(number);
      return {
        status: 200,
        body: { fieldId: board.estimationFieldId, ...(text === undefined ? {} : { value: text }) },
      };
    },
  },
];
