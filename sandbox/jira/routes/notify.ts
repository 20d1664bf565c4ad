/**
 * POST /rest/api/3/issue/{issueIdOrKey}/notify — "Send notification for issue" (platform.v3.json,
 * operation `notify`, request schema `Notification`): Jira "creates an email notification for an
 * issue and adds it to the mail queue" and answers 204; 400 when a recipient is invalid (the spec:
 * "the recipient is set to the assignee, but the issue is unassigned"), 404 for an issue the caller
 * cannot see (Browse Projects). The emulator's mail queue is the list below, which the sandbox's
 * Notifications page shows (sandbox/shell/pages/notifications.ts); nothing is emailed.
 * The emulator keeps no watchers, so `watchers: true` is recorded as asked and reaches nobody here.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { badRequest } from '../http/errors';
import { issueRef } from '../state/changes';
import type { JiraContext, JiraRoute } from './context';
import { visibleIssue } from './visibility';

/** One queued email, as the emulator keeps it. */
export interface QueuedEmail {
  readonly id: number;
  readonly at: string;
  readonly issueKey: string;
  readonly summary: string;
  /** The account that asked (the app for Ballast's jobs). */
  readonly senderAccountId: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string | null;
  readonly to: {
    readonly users: readonly { readonly accountId: string; readonly displayName: string }[];
    readonly groups: readonly string[];
    readonly watchers: boolean;
    readonly reporter: boolean;
    readonly assignee: boolean;
    readonly voters: boolean;
  };
}

const groupName = z.looseObject({ name: z.string().optional(), groupId: z.string().nullish() });
const notificationSchema = z.looseObject({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: z
    .looseObject({
      reporter: z.boolean().optional(),
      assignee: z.boolean().optional(),
      watchers: z.boolean().optional(),
      voters: z.boolean().optional(),
      users: z.array(z.looseObject({ accountId: z.string() })).optional(),
      groups: z.array(groupName).optional(),
      groupIds: z.array(z.string()).optional(),
    })
    .optional(),
  restrict: z.looseObject({}).optional(),
});

export function notifyRoutes(mail: QueuedEmail[]): JiraRoute[] {
  return [
    {
      method: 'POST',
      path: '/rest/api/3/issue/{issueIdOrKey}/notify',
      handler: (ctx: JiraContext, params) => {
        const issue = visibleIssue(ctx, params.issueIdOrKey ?? '');
        const body = parseBody(notificationSchema, ctx.body);
        const to = body.to ?? {};
        const users = (to.users ?? []).map(({ accountId }) => {
          const user = ctx.store.user(accountId);
          if (user === undefined) throw badRequest(`The recipient ${accountId} is invalid.`);
          return { accountId, displayName: user.displayName };
        });
        if (to.assignee === true && issue.assigneeAccountId === null)
          throw badRequest('The recipient is invalid: the issue is unassigned.');
        const ref = issueRef(ctx.store, issue);
        mail.push({
          id: mail.length + 1,
          at: ctx.now().toISOString(),
          issueKey: ref.key,
          summary: issue.summary,
          senderAccountId: ctx.caller.user.accountId,
          // Jira's default subject is the issue's key and summary (the spec, `subject`).
          subject: body.subject ?? `${ref.key} ${issue.summary}`,
          textBody: body.textBody ?? '',
          htmlBody: body.htmlBody ?? null,
          to: {
            users,
            groups: (to.groups ?? []).flatMap((g) => (g.name === undefined ? [] : [g.name])),
            watchers: to.watchers ?? false,
            reporter: to.reporter ?? false,
            assignee: to.assignee ?? false,
            voters: to.voters ?? false,
          },
        });
        return { status: 204 };
      },
    },
  ];
}
