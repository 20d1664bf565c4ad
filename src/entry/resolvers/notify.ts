/**
 * Resolvers of the settings page's Notifications section: `notify/get`, `notify/save`,
 * `notify/test` (src/contract/notify.ts). The project and the person come from the module's
 * context; the site URL the notices link to comes from the page (`view.getContext().siteUrl`,
 * developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view/), since a resolver's
 * context has none, and only a project admin's save stores it.
 */
import { z } from 'zod';
import { NOTICE_EVENTS } from '../../domain/notify/notice';
import { WEBHOOK_KINDS, WEBHOOK_URL_MAX } from '../../domain/notify/webhook-url';
import type { NotifyContract } from '../../contract/notify';
import {
  getNotifySettings,
  MAX_NOTIFY_GROUPS,
  MAX_NOTIFY_USERS,
  saveNotify,
  sendTestNotice,
  type NotifyDeps,
  type NotifyPlace,
} from '../../app/notify/notify-settings';
import type { Clock } from '../../ports/clock';
import { projectContext, readPayload } from './context';

type Handlers = {
  [K in keyof NotifyContract]: (
    payload: unknown,
    context: unknown,
  ) => Promise<NotifyContract[K]['response']>;
};

const events = z.object(
  Object.fromEntries(
    NOTICE_EVENTS.map((e) => [e, z.boolean({ error: 'must be true or false' })]),
  ) as Record<(typeof NOTICE_EVENTS)[number], z.ZodBoolean>,
);

const saveSchema = z.object({
  version: z.number().int().min(0),
  // Where the notices link to: the page's own site (http only for a local sandbox).
  siteUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  events,
  jira: z.object({
    enabled: z.boolean(),
    issueKey: z.string().max(255).nullable(),
    createIssue: z.boolean().optional(),
    watchers: z.boolean(),
    accountIds: z.array(z.string().max(128)).max(MAX_NOTIFY_USERS * 2),
    groups: z.array(z.string().max(255)).max(MAX_NOTIFY_GROUPS * 2),
  }),
  webhook: z.discriminatedUnion('action', [
    z.object({ action: z.literal('keep') }),
    z.object({ action: z.literal('none') }),
    z.object({
      action: z.literal('set'),
      kind: z.enum(WEBHOOK_KINDS),
      // Length and form are checked by the use case, which names the field in words.
      url: z.string().max(WEBHOOK_URL_MAX * 2),
    }),
  ]),
});

export interface NotifyResolverDeps {
  readonly notifyDeps: () => NotifyDeps;
  readonly clock: Clock;
  /** The project page's URL on this site (src/adapters/forge/app-links.ts). */
  readonly pageUrl: (siteUrl: string, projectKey: string) => string;
}

export function notifyResolvers(deps: NotifyResolverDeps): Handlers {
  const placeOf = (context: unknown, siteUrl?: string): NotifyPlace => {
    const { accountId, projectKey } = projectContext(
      context,
      'the notification settings from a project',
    );
    return {
      accountId,
      projectKey,
      siteUrl: siteUrl ?? null,
      projectPageUrl: siteUrl === undefined ? null : deps.pageUrl(siteUrl, projectKey),
    };
  };
  return {
    'notify/get': (_payload, context) => getNotifySettings(deps.notifyDeps(), placeOf(context)),
    'notify/save': (payload, context) => {
      const { siteUrl, ...request } = readPayload(saveSchema, payload);
      return saveNotify(deps.notifyDeps(), placeOf(context, siteUrl), request, deps.clock.now());
    },
    'notify/test': (_payload, context) =>
      sendTestNotice(deps.notifyDeps(), placeOf(context), deps.clock.now()),
  };
}
