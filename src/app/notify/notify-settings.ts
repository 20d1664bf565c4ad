/**
 * The settings section's use cases (`notify/get`, `notify/save`, `notify/test`): read by project
 * members, changed by project admins (checked on the server as the person). A save is checked whole
 * before anything is stored — a malformed webhook URL is refused naming `webhook.url`, an unknown
 * person `jira.accountIds[i]`, a notices issue outside the project `jira.issueKey` — so a refused
 * save keeps what was stored.
 */
import { checkWebhookUrl } from '../../domain/notify/webhook-url';
import type { NotifySettingsView, SaveNotifySettingsRequest } from '../../contract/notify';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore, SecretStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import { displayNames } from '../people/display-names';
import { requireProjectAdmin } from '../project/require-project-admin';
import { requireProjectBrowse } from '../metrics/serve-project-page';
import type { LastDeliveries } from './deliver-notice';
import { lastDeliveryKey, raiseNotice, recentNotices, type NoticeQueue } from './notice-outbox';
import {
  loadNotifySettings,
  loadWebhook,
  maskWebhookUrl,
  saveNotifySettings,
  storeWebhook,
} from './notify-settings-store';

/** Jira's notify takes any number; fifty people and twenty groups keep one email readable. */
export const MAX_NOTIFY_USERS = 50;
export const MAX_NOTIFY_GROUPS = 20;

export interface NotifyDeps {
  /** As the person asking. */
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  readonly kv: KeyValueStore;
  readonly secrets: SecretStore;
  /** The notices queue: a test is delivered by the consumer, as the app, like every notice. */
  readonly queue: NoticeQueue;
  /** Origins accepted besides Slack's and Teams' (the sandbox's receiver): Forge variables. */
  readonly extraWebhookOrigins: readonly string[];
}

export interface NotifyPlace {
  readonly projectKey: string;
  readonly accountId: string;
  /** The site's base URL from the Forge context, for the notices' links. */
  readonly siteUrl: string | null;
  /** The project page's URL (developer.atlassian.com/platform/forge/manifest-reference/modules/jira-project-page). */
  readonly projectPageUrl: string | null;
}

export async function getNotifySettings(
  deps: NotifyDeps,
  place: NotifyPlace,
): Promise<NotifySettingsView> {
  // Recipients and the webhook's kind are the project's business: members only.
  await requireProjectBrowse(deps.jira, place.projectKey);
  const [settings, canEdit, last, recent] = await Promise.all([
    loadNotifySettings(deps.store, place.projectKey),
    deps.jira
      .myPermissions({ projectKey: place.projectKey }, ['ADMINISTER_PROJECTS'])
      .then((p) => p.ADMINISTER_PROJECTS === true),
    deps.kv.get<LastDeliveries>(lastDeliveryKey(place.projectKey)),
    recentNotices(deps.kv, place.projectKey),
  ]);
  const webhook =
    settings.webhookKind === null ? null : await loadWebhook(deps.secrets, place.projectKey);
  return {
    projectKey: place.projectKey,
    canEdit,
    version: settings.version,
    events: settings.events,
    jira: settings.jira,
    webhook: webhook === null ? null : { kind: webhook.kind, masked: maskWebhookUrl(webhook.url) },
    last: { jira: last?.jira ?? null, webhook: last?.webhook ?? null },
    recent,
    people: await displayNames(deps.jira, settings.jira.accountIds),
  };
}

const badRequest = (field: string, message: string) =>
  new AppError('BAD_REQUEST', `${field}: ${message}. Nothing was saved.`, { field });

export async function saveNotify(
  deps: NotifyDeps,
  place: NotifyPlace,
  request: SaveNotifySettingsRequest,
  now: Date,
): Promise<NotifySettingsView> {
  await requireProjectAdmin(deps.jira, place.projectKey);
  const { jira } = request;
  // Everything is checked before anything is written.
  let webhook: { kind: 'slack' | 'teams'; url: string } | null | 'keep' = 'keep';
  if (request.webhook.action === 'none') webhook = null;
  if (request.webhook.action === 'set') {
    const check = checkWebhookUrl(
      request.webhook.url,
      request.webhook.kind,
      deps.extraWebhookOrigins,
    );
    if (!check.ok)
      throw badRequest(
        'webhook.url',
        `the ${request.webhook.kind === 'slack' ? 'Slack' : 'Teams'} webhook URL ${check.problem}`,
      );
    webhook = { kind: request.webhook.kind, url: check.url };
  }
  const accountIds = [...new Set(jira.accountIds.map((id) => id.trim()).filter((id) => id !== ''))];
  if (accountIds.length > MAX_NOTIFY_USERS)
    throw badRequest('jira.accountIds', `at most ${MAX_NOTIFY_USERS} people`);
  const groups = [...new Set(jira.groups.map((g) => g.trim()).filter((g) => g !== ''))];
  if (groups.length > MAX_NOTIFY_GROUPS)
    throw badRequest('jira.groups', `at most ${MAX_NOTIFY_GROUPS} groups`);
  if (accountIds.length > 0) {
    const known = new Set((await deps.jira.getUsers(accountIds)).map((u) => u.accountId));
    const unknown = accountIds.findIndex((id) => !known.has(id));
    if (unknown >= 0)
      throw badRequest(
        `jira.accountIds[${unknown}]`,
        `Jira knows no person with account id ${accountIds[unknown]}`,
      );
  }
  let issueKey = jira.issueKey?.trim().toUpperCase() || null;
  if (jira.enabled && issueKey === null && jira.createIssue !== true)
    throw badRequest(
      'jira.issueKey',
      'choose the issue the emails are about, or let Ballast create one',
    );
  if (issueKey !== null) {
    if (!issueKey.startsWith(`${place.projectKey}-`))
      throw badRequest(
        'jira.issueKey',
        `${issueKey} is not an issue of project ${place.projectKey}`,
      );
    try {
      await deps.jira.getIssue(issueKey, ['summary']);
    } catch (error: unknown) {
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        throw badRequest('jira.issueKey', `Jira has no issue ${issueKey} that you can see`);
      throw error;
    }
  }
  const stored = await loadNotifySettings(deps.store, place.projectKey);
  if (stored.version !== request.version) {
    throw new AppError(
      'CONFLICT',
      'Someone else saved the notification settings since you opened them. Reload to see their change; nothing was saved.',
      { retryable: true },
    );
  }
  if (jira.enabled && issueKey === null) {
    // Created as the admin asking, so Jira checks their right to create issues in the project.
    const types = await deps.jira.projectIssueTypes(place.projectKey);
    const type = types.find((t) => t === 'Task') ?? types[0];
    if (type === undefined)
      throw badRequest(
        'jira.issueKey',
        `project ${place.projectKey} has no issue type to create the notices issue with`,
      );
    issueKey = (
      await deps.jira.createIssue({
        projectKey: place.projectKey,
        issueTypeName: type,
        summary: 'Ballast notices',
        description: [
          'Ballast emails its notices about this issue: the error-budget gate changing state, a burn-rate alert starting, the sprint buffer spent, a postmortem opened.',
          'Watch this issue to get them. Project admins choose who else gets them in Project settings → Ballast → Notifications.',
        ],
        labels: ['ballast-notices'],
      })
    ).key;
  }
  const webhookKind = webhook === 'keep' ? stored.webhookKind : (webhook?.kind ?? null);
  if (webhook !== 'keep') await storeWebhook(deps.secrets, place.projectKey, webhook);
  await saveNotifySettings(
    deps,
    place.projectKey,
    {
      events: request.events,
      jira: { enabled: jira.enabled, issueKey, watchers: jira.watchers, accountIds, groups },
      webhookKind,
      links:
        place.siteUrl === null
          ? stored.links
          : {
              site: place.siteUrl,
              projectPage: place.projectPageUrl ?? `${place.siteUrl}/browse/${place.projectKey}`,
            },
    },
    request.version,
    { accountId: place.accountId, at: now },
  );
  return getNotifySettings(deps, place);
}

/**
 * "Send a test": one test notice on the notices queue, delivered by the consumer as the app like
 * every notice (a resolver does not call Jira as the app), without the transition watch. The page
 * reads the result under "Last delivery" a few seconds later.
 */
export async function sendTestNotice(
  deps: NotifyDeps,
  place: NotifyPlace,
  now: Date,
): Promise<NotifySettingsView> {
  await requireProjectAdmin(deps.jira, place.projectKey);
  const settings = await loadNotifySettings(deps.store, place.projectKey);
  if (
    !(settings.jira.enabled && settings.jira.issueKey !== null) &&
    settings.webhookKind === null
  ) {
    throw new AppError(
      'BAD_REQUEST',
      'There is nowhere to send a test yet: turn on Jira email or add a webhook, save, then send a test.',
    );
  }
  await raiseNotice(
    { kv: deps.kv, queue: deps.queue },
    { kind: 'test', projectKey: place.projectKey, at: now.toISOString() },
    now,
  );
  return getNotifySettings(deps, place);
}
