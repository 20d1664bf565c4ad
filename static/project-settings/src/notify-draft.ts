/**
 * The Notifications section's editable state and the save request it makes: people and groups are
 * edited as text (one account id a line, group names separated by commas) and sent trimmed; the
 * webhook URL is never shown back (it is a credential), so an empty field keeps the stored one.
 */
import type {
  NoticeEvents,
  NotifySettingsView,
  SaveNotifySettingsRequest,
} from '../../../src/contract/notify';

export interface NotifyDraft {
  readonly events: NoticeEvents;
  readonly jiraEnabled: boolean;
  readonly issueKey: string;
  readonly createIssue: boolean;
  readonly watchers: boolean;
  readonly accountIds: string;
  readonly groups: string;
  readonly webhookKind: 'none' | 'slack' | 'teams';
  /** A new URL; empty keeps the stored one (when the kind is unchanged). */
  readonly webhookUrl: string;
}

export function draftOf(view: NotifySettingsView): NotifyDraft {
  return {
    events: view.events,
    jiraEnabled: view.jira.enabled,
    issueKey: view.jira.issueKey ?? '',
    createIssue: view.jira.issueKey === null,
    watchers: view.jira.watchers,
    accountIds: view.jira.accountIds.join('\n'),
    groups: view.jira.groups.join(', '),
    webhookKind: view.webhook?.kind ?? 'none',
    webhookUrl: '',
  };
}

const lines = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function saveRequestOf(
  draft: NotifyDraft,
  view: NotifySettingsView,
  siteUrl: string | undefined,
): SaveNotifySettingsRequest {
  const issueKey = draft.issueKey.trim() === '' ? null : draft.issueKey.trim();
  const webhook: SaveNotifySettingsRequest['webhook'] =
    draft.webhookKind === 'none'
      ? { action: 'none' }
      : draft.webhookUrl.trim() === '' && view.webhook?.kind === draft.webhookKind
        ? { action: 'keep' }
        : { action: 'set', kind: draft.webhookKind, url: draft.webhookUrl };
  return {
    version: view.version,
    ...(siteUrl === undefined ? {} : { siteUrl }),
    events: draft.events,
    jira: {
      enabled: draft.jiraEnabled,
      issueKey,
      createIssue: issueKey === null && draft.createIssue,
      watchers: draft.watchers,
      accountIds: lines(draft.accountIds, /\n|,/),
      groups: lines(draft.groups, /,/),
    },
    webhook,
  };
}
