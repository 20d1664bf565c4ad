/**
 * GET and POST /rest/api/3/issue/{issueIdOrKey}/transitions
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get).
 *
 * - GET lists only the transitions of the project's workflow that lead from the issue's current
 *   status (state/workflow.ts), each with its target status and category; `transitionId` narrows
 *   it to one (an empty list when that one is not available); a person without "Transition
 *   issues" gets an empty list, as the operation documents.
 * - POST of a transition not available from the current status is refused with a 400 in Jira's
 *   error shape (the spec's "the request is invalid for any other reason"; the message is the
 *   sandbox's wording). In a company-managed project the validators an admin added to that
 *   transition run first; a refusal is Jira's 400 with the validator's message and nothing changes.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError } from '../http/errors';
import { hasProjectPermission } from '../permissions';
import { status } from '../render/common';
import { issueRef, recordChange, statusChange } from '../state/changes';
import type { IssueRecord, TransitionRecord } from '../state/types';
import { isGlobal, transitionsFrom, workflowOf } from '../state/workflow';
import type { JiraContext, JiraRoute } from './context';
import { applyEdit } from './issue-edit';
import { visibleIssue } from './visibility';

const transitionBody = z.object({
  transition: z.object({ id: z.string().min(1) }),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.unknown()).optional(),
});

function available(ctx: JiraContext, issue: IssueRecord): TransitionRecord[] {
  const project = ctx.store.project(issue.projectId);
  if (project === undefined) return [];
  return transitionsFrom(workflowOf(ctx.store, project), issue.statusId);
}

function listed(ctx: JiraContext, transition: TransitionRecord) {
  const to = ctx.store.status(transition.toStatusId);
  if (to === undefined) return [];
  return [
    {
      id: transition.id,
      name: transition.name,
      to: status(ctx.render, to),
      hasScreen: false,
      isGlobal: isGlobal(transition),
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    },
  ];
}

export const transitionRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: (ctx, params) => {
      const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
      const project = ctx.store.project(issue.projectId);
      const mayTransition =
        project !== undefined && hasProjectPermission(ctx.caller, project, 'TRANSITION_ISSUES');
      const only = ctx.query.get('transitionId');
      const transitions = mayTransition
        ? available(ctx, issue)
            .filter((t) => only === null || t.id === only)
            .flatMap((t) => listed(ctx, t))
        : [];
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
        // The spec lists a missing "Transition issues" permission among the 400s, not a 403.
        throw new JiraError(400, ['You do not have permission to transition this issue.']);
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
        validators: [...transition.validators],
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
