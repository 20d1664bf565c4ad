/**
 * Sends one stored notice on each channel the project has (the consumer of the notices queue, and
 * the settings page's "Send a test"), records each channel's result on the notice and as the
 * project's last delivery, and plans a retry for a channel that failed in a way that may pass
 * (Jira or the webhook throttling or down, a network error): 1, 5 and then 15 minutes apart, six
 * attempts in all (about 50 minutes; @forge/events delays at most 900 s per push,
 * developer.atlassian.com/platform/forge/runtime-reference/async-events-api/). A channel that
 * succeeded is not sent again; one refused for good (a 4xx other than 429) is not retried and the
 * settings page says why.
 *
 * Jira first: "Send notification for issue", `POST /rest/api/3/issue/{issueIdOrKey}/notify`
 * (platform.v3.json, scope write:jira-work, which Ballast already has): Jira emails the chosen
 * people, groups and the issue's watchers about the project's notices issue. It needs no egress,
 * so it keeps the app eligible for Runs on Atlassian (ARCHITECTURE.md "Notifications").
 */
import { jiraNotification, slackMessage, teamsMessage } from '../../domain/notify/channel-messages';
import { noticeText, type NoticeLinks } from '../../domain/notify/notice-text';
import type { DeliveryResult } from '../../contract/notify';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore, SecretStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import { isPerson } from '../privacy/stored-people';
import { loadNotifySettings, loadWebhook, type NotifySettings } from './notify-settings-store';
import {
  lastDeliveryKey,
  noticeKey,
  pendingKey,
  type NoticeQueue,
  type NoticeRecord,
  type NoticeRef,
} from './notice-outbox';

/** Seconds before attempt n+1 after attempt n failed (n = 1…5). */
export const RETRY_DELAYS_S = [60, 300, 900, 900, 900] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;

/** What answered a webhook POST; a network failure or timeout throws instead. */
export interface WebhookAnswer {
  readonly status: number;
  readonly text: string;
}

export interface WebhookPoster {
  post(url: string, body: unknown): Promise<WebhookAnswer>;
}

export interface DeliverDeps {
  readonly kv: KeyValueStore;
  readonly secrets: SecretStore;
  readonly store: DocumentStore;
  /** As the app: a background job has no user. */
  readonly jira: JiraPort;
  readonly poster: WebhookPoster;
  /** Null: no retries (the settings page's test answers at once). */
  readonly queue: NoticeQueue | null;
}

interface Attempt {
  readonly result: DeliveryResult;
  readonly retryable: boolean;
}

export interface LastDeliveries {
  readonly jira: DeliveryResult | null;
  readonly webhook: DeliveryResult | null;
}

/** The links of a project's notices, from what the settings page saw when it was saved. */
export function linksOf(settings: NotifySettings, projectKey: string): NoticeLinks {
  const site = settings.links?.site ?? '';
  return {
    projectPage: settings.links?.projectPage ?? `${site}/browse/${projectKey}`,
    issue: (key) => `${site}/browse/${key}`,
  };
}

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function sendToJira(
  deps: DeliverDeps,
  settings: NotifySettings,
  record: NoticeRecord,
  now: Date,
): Promise<Attempt> {
  const issueKey = settings.jira.issueKey!;
  const text = noticeText(record.notice, linksOf(settings, record.projectKey));
  try {
    // An erased person (FORMER_USER_ID, src/app/privacy) is no recipient: Jira would refuse it (400).
    const recipients = { ...settings.jira, accountIds: settings.jira.accountIds.filter(isPerson) };
    await deps.jira.notifyIssue(issueKey, jiraNotification(text, recipients));
    return {
      retryable: false,
      result: {
        ok: true,
        at: now.toISOString(),
        title: record.title,
        message: `Jira queued the email about ${issueKey}.`,
        retryAt: null,
      },
    };
  } catch (error: unknown) {
    const retryable = error instanceof AppError && error.options.retryable === true;
    return {
      retryable,
      result: {
        ok: false,
        at: now.toISOString(),
        title: record.title,
        // Jira refuses with 403 when outgoing email is off for the site (platform.v3.json, notify).
        message: `Jira did not send the email about ${issueKey}: ${why(error)}`,
        retryAt: null,
      },
    };
  }
}

async function sendToWebhook(
  deps: DeliverDeps,
  webhook: { kind: 'slack' | 'teams'; url: string },
  settings: NotifySettings,
  record: NoticeRecord,
  now: Date,
): Promise<Attempt> {
  const text = noticeText(record.notice, linksOf(settings, record.projectKey));
  const body = webhook.kind === 'slack' ? slackMessage(text) : teamsMessage(text);
  const service = webhook.kind === 'slack' ? 'Slack' : 'Teams';
  const base = { at: now.toISOString(), title: record.title, retryAt: null };
  try {
    const answer = await deps.poster.post(webhook.url, body);
    if (answer.status >= 200 && answer.status < 300) {
      return {
        retryable: false,
        result: {
          ...base,
          ok: true,
          message: `${service} accepted the message (${answer.status}).`,
        },
      };
    }
    // Slack answers errors as text (`invalid_payload`, `no_service`…); keep a short piece.
    const detail = answer.text.trim().slice(0, 120);
    return {
      retryable: answer.status === 429 || answer.status >= 500,
      result: {
        ...base,
        ok: false,
        message: `${service} answered ${answer.status}${detail ? `: ${detail}` : ''}.`,
      },
    };
  } catch (error: unknown) {
    return {
      retryable: true,
      result: { ...base, ok: false, message: `${service} could not be reached: ${why(error)}.` },
    };
  }
}

/**
 * Delivers the notice `ref` if it is still to be delivered, and returns its record as stored after
 * this attempt (undefined when there is no such notice).
 */
export async function deliverNotice(
  deps: DeliverDeps,
  ref: NoticeRef,
  now: Date,
): Promise<NoticeRecord | undefined> {
  const key = noticeKey(ref.projectKey, ref.id);
  const record = await deps.kv.get<NoticeRecord>(key);
  if (
    record === undefined ||
    record.v !== 1 ||
    record.state === 'delivered' ||
    record.state === 'failed'
  ) {
    await deps.kv.delete(pendingKey(ref.projectKey, ref.id));
    return record;
  }
  const settings = await loadNotifySettings(deps.store, ref.projectKey);
  const webhook =
    settings.webhookKind === null ? null : await loadWebhook(deps.secrets, ref.projectKey);
  const jiraOn = settings.jira.enabled && settings.jira.issueKey !== null;
  const attempts: { jira?: Attempt; webhook?: Attempt } = {};
  if (jiraOn && record.jira?.ok !== true)
    attempts.jira = await sendToJira(deps, settings, record, now);
  if (webhook !== null && record.webhook?.ok !== true) {
    attempts.webhook = await sendToWebhook(deps, webhook, settings, record, now);
  }
  const tried = [attempts.jira, attempts.webhook].filter((a): a is Attempt => a !== undefined);
  const count = record.attempts + 1;
  const failed = tried.filter((a) => !a.result.ok);
  const retry =
    deps.queue !== null &&
    failed.length > 0 &&
    failed.every((a) => a.retryable) &&
    count < MAX_ATTEMPTS;
  const delay = RETRY_DELAYS_S[Math.min(count - 1, RETRY_DELAYS_S.length - 1)]!;
  const retryAt = retry ? new Date(now.getTime() + delay * 1000).toISOString() : null;
  const withRetry = (a: Attempt | undefined) =>
    a === undefined ? undefined : a.result.ok ? a.result : { ...a.result, retryAt };
  const updated: NoticeRecord = {
    ...record,
    attempts: count,
    jira: withRetry(attempts.jira) ?? record.jira,
    webhook: withRetry(attempts.webhook) ?? record.webhook,
    state: failed.length === 0 ? 'delivered' : retry ? 'retrying' : 'failed',
    nextAttemptAt: retryAt,
  };
  await deps.kv.set(key, updated);
  const last = (await deps.kv.get<LastDeliveries>(lastDeliveryKey(ref.projectKey))) ?? {
    jira: null,
    webhook: null,
  };
  await deps.kv.set(lastDeliveryKey(ref.projectKey), {
    jira: withRetry(attempts.jira) ?? last.jira,
    webhook: withRetry(attempts.webhook) ?? last.webhook,
  } satisfies LastDeliveries);
  if (retry && deps.queue !== null) {
    await deps.kv.set(pendingKey(ref.projectKey, ref.id), {
      v: 1,
      queuedAt: now.toISOString(),
      dueAt: retryAt!,
    });
    await deps.queue.push(ref, { delayInSeconds: delay });
  } else {
    await deps.kv.delete(pendingKey(ref.projectKey, ref.id));
  }
  return updated;
}
