/**
 * Notifications (issue #22 item 3): the settings section's resolvers. Who hears what, where: a Jira
 * email through the project's notices issue, and optionally a Slack or Teams incoming webhook.
 */
import type { NoticeEvent } from '../domain/notify/notice';
import type { WebhookKind } from '../domain/notify/webhook-url';

export type { NoticeEvent };
export type NoticeEvents = Readonly<Record<NoticeEvent, boolean>>;

export interface JiraNoticeSettings {
  readonly enabled: boolean;
  /** The issue the emails are sent about ("Ballast notices"); null until one is chosen or created. */
  readonly issueKey: string | null;
  /** Email the issue's watchers: people subscribe by watching it. */
  readonly watchers: boolean;
  readonly accountIds: readonly string[];
  /** Jira group names. */
  readonly groups: readonly string[];
}

/** One channel's last attempt. */
export interface DeliveryResult {
  readonly ok: boolean;
  /** ISO-8601. */
  readonly at: string;
  /** What happened, in words: "Jira queued the email (204)", "Slack answered 404: no_service". */
  readonly message: string;
  /** The notice it was for. */
  readonly title: string;
  /** Another attempt is planned (ISO-8601), or null. */
  readonly retryAt: string | null;
}

export interface RecentNotice {
  readonly id: string;
  readonly title: string;
  readonly at: string;
  readonly state: 'pending' | 'retrying' | 'delivered' | 'failed';
  readonly jira: DeliveryResult | null;
  readonly webhook: DeliveryResult | null;
}

export interface NotifySettingsView {
  readonly projectKey: string;
  readonly canEdit: boolean;
  readonly version: number;
  readonly events: NoticeEvents;
  readonly jira: JiraNoticeSettings;
  /** The webhook with its URL masked (it is a credential); null when none. */
  readonly webhook: { readonly kind: WebhookKind; readonly masked: string } | null;
  readonly last: { readonly jira: DeliveryResult | null; readonly webhook: DeliveryResult | null };
  /** Newest first, at most 10. */
  readonly recent: readonly RecentNotice[];
  /** Display names of `jira.accountIds`, as Jira shows them to the viewer. */
  readonly people: Readonly<Record<string, string>>;
}

export interface SaveNotifySettingsRequest {
  readonly version: number;
  /** The site the page runs on (`view.getContext().siteUrl`), for the notices' links. */
  readonly siteUrl?: string;
  readonly events: NoticeEvents;
  readonly jira: Omit<JiraNoticeSettings, 'issueKey'> & {
    /** An existing issue of the project, or null with `createIssue` to have Ballast create one. */
    readonly issueKey: string | null;
    readonly createIssue?: boolean;
  };
  /**
   * `keep`: leave the stored webhook as it is (its URL is never sent back to the browser);
   * `none`: remove it; `set`: a new URL.
   */
  readonly webhook:
    | { readonly action: 'keep' }
    | { readonly action: 'none' }
    | { readonly action: 'set'; readonly kind: WebhookKind; readonly url: string };
}

export interface NotifyContract {
  'notify/get': { request: Record<string, never>; response: NotifySettingsView };
  'notify/save': { request: SaveNotifySettingsRequest; response: NotifySettingsView };
  /** Sends a test notice now, on every configured channel, and answers with the results. */
  'notify/test': { request: Record<string, never>; response: NotifySettingsView };
}
