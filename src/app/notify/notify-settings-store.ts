/**
 * Where a project's notification settings live: one versioned document (`notify-settings`,
 * `<projectKey>`, conditional writes like every settings document), the webhook URL apart from it
 * in Forge secret storage (`notify-webhook:<projectKey>`: the URL is the credential that lets anyone
 * post to the channel, so it is never sent back to a browser), and a marker per project that has a
 * channel (`notify-enabled:<projectKey>`) so the jobs list the projects to watch by key prefix.
 */
import { z } from 'zod';
import { NOTICE_EVENTS } from '../../domain/notify/notice';
import { WEBHOOK_KINDS, type WebhookKind } from '../../domain/notify/webhook-url';
import type { JiraNoticeSettings, NoticeEvents } from '../../contract/notify';
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore, SecretStore } from '../../ports/key-value-store';
import { AppError } from '../errors';

export const NOTIFY_SETTINGS_KIND = 'notify-settings';
export const NOTIFY_SETTINGS_SCHEMA_VERSION = 1;
export const notifyEnabledKey = (projectKey: string) => `notify-enabled:${projectKey}`;
export const NOTIFY_ENABLED_PREFIX = 'notify-enabled:';
export const notifyWebhookKey = (projectKey: string) => `notify-webhook:${projectKey}`;

const documentSchema = z.object({
  schemaVersion: z.literal(NOTIFY_SETTINGS_SCHEMA_VERSION),
  events: z.object(
    Object.fromEntries(NOTICE_EVENTS.map((e) => [e, z.boolean()])) as Record<
      (typeof NOTICE_EVENTS)[number],
      z.ZodBoolean
    >,
  ),
  jira: z.object({
    enabled: z.boolean(),
    issueKey: z.string().nullable(),
    watchers: z.boolean(),
    accountIds: z.array(z.string()),
    groups: z.array(z.string()),
  }),
  webhookKind: z.enum(WEBHOOK_KINDS).nullable(),
  /** The project page and the site, for the notices' links (captured at save from the context). */
  links: z.object({ projectPage: z.string(), site: z.string() }).nullable(),
});

export type NotifySettingsDocument = z.infer<typeof documentSchema>;

export interface NotifySettings {
  readonly events: NoticeEvents;
  readonly jira: JiraNoticeSettings;
  readonly webhookKind: WebhookKind | null;
  readonly links: { readonly projectPage: string; readonly site: string } | null;
  readonly version: number;
}

/** Every event on, no channel: nothing is sent until an admin chooses where. */
export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  events: { gate: true, alert: true, buffer: true, postmortem: true },
  jira: { enabled: false, issueKey: null, watchers: true, accountIds: [], groups: [] },
  webhookKind: null,
  links: null,
  version: 0,
};

export async function loadNotifySettings(
  store: DocumentStore,
  projectKey: string,
): Promise<NotifySettings> {
  const stored = await store.get(NOTIFY_SETTINGS_KIND, projectKey);
  if (stored === undefined) return DEFAULT_NOTIFY_SETTINGS;
  const parsed = documentSchema.safeParse(stored.value);
  if (!parsed.success) {
    // Never guess who should hear what: an unreadable record sends nothing and says so.
    throw new AppError(
      'INTERNAL',
      `The notification settings of ${projectKey} are unreadable (${parsed.error.issues[0]?.path.join('.') ?? 'document'}), so Ballast sends no notices for it. A project admin can save them again.`,
    );
  }
  const { events, jira, webhookKind, links } = parsed.data;
  return { events, jira, webhookKind, links, version: stored.version };
}

export async function saveNotifySettings(
  deps: { store: DocumentStore; kv: KeyValueStore },
  projectKey: string,
  settings: Omit<NotifySettings, 'version'>,
  expectedVersion: number,
  actor: { accountId: string; at: Date },
): Promise<number> {
  const body: NotifySettingsDocument = {
    schemaVersion: NOTIFY_SETTINGS_SCHEMA_VERSION,
    events: settings.events,
    jira: {
      ...settings.jira,
      accountIds: [...settings.jira.accountIds],
      groups: [...settings.jira.groups],
    },
    webhookKind: settings.webhookKind,
    links: settings.links,
  };
  const saved = await deps.store.put(
    NOTIFY_SETTINGS_KIND,
    projectKey,
    body,
    expectedVersion,
    actor,
  );
  if (settings.jira.enabled || settings.webhookKind !== null) {
    await deps.kv.set(notifyEnabledKey(projectKey), { v: 1 });
  } else {
    await deps.kv.delete(notifyEnabledKey(projectKey));
  }
  return saved.version;
}

interface WebhookSecret {
  readonly v: 1;
  readonly kind: WebhookKind;
  readonly url: string;
}

export async function loadWebhook(
  secrets: SecretStore,
  projectKey: string,
): Promise<{ kind: WebhookKind; url: string } | null> {
  const stored = await secrets.getSecret<WebhookSecret>(notifyWebhookKey(projectKey));
  if (stored === undefined || stored === null || stored.v !== 1) return null;
  return { kind: stored.kind, url: stored.url };
}

export async function storeWebhook(
  secrets: SecretStore,
  projectKey: string,
  webhook: { kind: WebhookKind; url: string } | null,
): Promise<void> {
  // Secret storage has no delete in our port: an empty record means none.
  await secrets.setSecret(
    notifyWebhookKey(projectKey),
    webhook === null ? { v: 0 } : ({ v: 1, ...webhook } satisfies WebhookSecret),
  );
}

/** "https://hooks.slack.com/services/T0…/…9fQz": enough to recognise, not enough to use. */
export function maskWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname;
    const tail = path.slice(-4);
    const head = path.split('/').slice(0, 2).join('/');
    return `${parsed.origin}${head}/…${tail}`;
  } catch {
    return '…';
  }
}
