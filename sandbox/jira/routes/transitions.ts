/**
 * GET and POST /rest/api/3/issue/{issueIdOrKey}/transitions. A transition runs the registered
 * workflow validators first (Forge `jira:workflowValidator`, company-managed projects only); a
 * refusal is Jira's 400 with the validator's message.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError, forbidden } from '../http/errors';
import { hasProjectPermission } from '../permissions';
import { status } from '../render/common';
import { issueRef, recordChange, statusChange } from '../state/changes';
import type { IssueRecord } from '../state/types';
import type { JiraContext, JiraRoute } from './context';
import { applyEdit } from './issue-edit';
import { visibleIssue } from './visibility';

const transitionBody = z.object({
  transition: z.object({ id: z.string().min(1) }),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.unknown()).optional(),
});

/** Global transitions lead from any status to their target, except to the status it is in. */
function available(ctx: JiraContext, issue: IssueRecord) {
  return ctx.store.state.transitions.filter((t) => t.toStatusId !== issue.statusId);
}

export const transitionRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const transitions = available(ctx, issue).flatMap((t) => {
        const to = ctx.store.status(t.toStatusId);
        if (to === undefined) return [];
        return [
          {
            id: t.id,
            name: t.name,
            to: status(ctx.render, to),
            hasScreen: false,
            isGlobal: true,
            isInitial: false,
            isAvailable: true,
            isConditional: false,
            isLooped: false,
          },
        ];
      });
      return { status: 200, body: { expand: 'transitions', transitions } };
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: async (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const project = ctx.store.project(issue.projectId);
      if (
        project === undefined ||
        !hasProjectPermission(ctx.caller, project, 'TRANSITION_ISSUES')
      ) {
        throw forbidden('You do not have permission to transition this issue.');
      }
      const body = parseBody(transitionBody, ctx.body);
      const transition = available(ctx, issue).find((t) => t.id === body.transition.id);
      const from = ctx.store.status(issue.statusId);
      const to = transition === undefined ? undefined : ctx.store.status(transition.toStatusId);
      if (transition === undefined || from === undefined || to === undefined) {
        throw new JiraError(400, [
          `Transition id '${body.transition.id}' is not valid for this issue.`,
        ]);
      }
      const request = {
        issue: issueRef(ctx.store, issue),
        actorAccountId: ctx.caller.user.accountId,
        transition: { id: transition.id, name: transition.name },
        from: { id: from.id, name: from.name, categoryKey: from.category },
        to: { id: to.id, name: to.name, categoryKey: to.category },
      };
      ctx.events.emit('transition:requested', request);
      if (!project.simplified) {
        const verdict = await ctx.events.validate(request);
        if (!verdict.result)
          throw new JiraError(400, [
            verdict.errorMessage ?? 'The transition was refused by a workflow validator.',
          ]);
      }
      const draft: IssueRecord = structuredClone(issue);
      const items = [
        ...applyEdit(ctx.store, draft, body.fields ?? {}, body.update ?? {}),
        ...statusChange(ctx, draft, to.id),
      ];
      Object.assign(issue, draft);
      recordChange(ctx, issue, ctx.caller.user.accountId, items);
      return { status: 204 };
    },
  },
];
