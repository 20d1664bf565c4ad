/** GET and POST /rest/api/3/issue/{issueIdOrKey}/comment (bodies in Atlassian Document Format). */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { forbidden } from '../http/errors';
import { hasProjectPermission } from '../permissions';
import { jiraTime, userDetails } from '../render/common';
import { issueRef } from '../state/changes';
import type { CommentRecord, IssueRecord } from '../state/types';
import { intParam, type JiraContext, type JiraRoute } from './context';
import { visibleIssue } from './visibility';

const commentBody = z.object({
  body: z.object({ type: z.literal('doc'), version: z.number(), content: z.array(z.unknown()) }),
});

function renderComment(ctx: JiraContext, issue: IssueRecord, comment: CommentRecord) {
  const author = userDetails(ctx.render, ctx.store.user(comment.authorAccountId));
  return {
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author,
    body: comment.body,
    updateAuthor: author,
    created: jiraTime(comment.created),
    updated: jiraTime(comment.updated),
    jsdPublic: true,
  };
}

export const commentRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/comment',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
      // Default page of 100 (platform.v3.json, GET /rest/api/3/issue/{issueIdOrKey}/comment,
      // getComments, `maxResults` default). The spec states no maximum; 5000 here is the emulator's
      // own bound, not a documented one.
      const maxResults = Math.min(Math.max(0, intParam(ctx.query, 'maxResults', 100)), 5000);
      const ordered =
        ctx.query.get('orderBy') === '-created' ? [...issue.comments].reverse() : issue.comments;
      const comments = ordered
        .slice(startAt, startAt + maxResults)
        .map((c) => renderComment(ctx, issue, c));
      return { status: 200, body: { startAt, maxResults, total: issue.comments.length, comments } };
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/issue/{issueIdOrKey}/comment',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const project = ctx.store.project(issue.projectId);
      if (project === undefined || !hasProjectPermission(ctx.caller, project, 'ADD_COMMENTS')) {
        throw forbidden('You do not have permission to comment on this issue.');
      }
      const { body } = parseBody(commentBody, ctx.body);
      const now = ctx.now().toISOString();
      const comment: CommentRecord = {
        id: String(ctx.store.nextCounter('comment')),
        authorAccountId: ctx.caller.user.accountId,
        body,
        created: now,
        updated: now,
      };
      ctx.store.willChange(issue);
      issue.comments.push(comment);
      ctx.events.emit('issue:commented', {
        issue: issueRef(ctx.store, issue),
        actorAccountId: ctx.caller.user.accountId,
        commentId: comment.id,
      });
      return { status: 201, body: renderComment(ctx, issue, comment) };
    },
  },
];
