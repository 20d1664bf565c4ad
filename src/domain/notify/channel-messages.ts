/**
 * A notice's words (notice-text.ts) in each channel's own format. Nothing here computes a figure.
 *
 * - Jira: the body of "Send notification for issue", `POST /rest/api/3/issue/{issueIdOrKey}/notify`
 *   (operation `notify`, schema `Notification` in platform.v3.json: `subject`, `textBody`,
 *   `htmlBody`, `to` of `NotificationRecipients` — `watchers`, `users[].accountId`,
 *   `groups[].name`).
 * - Slack: an incoming webhook takes a JSON body with `text` (the notification's fallback when
 *   `blocks` are given) and Block Kit `blocks`; `mrkdwn` text escapes `&`, `<` and `>` and links are
 *   `<url|label>` (api.slack.com/messaging/webhooks "Sending messages using incoming webhooks";
 *   api.slack.com/docs/formatting "How to escape characters").
 * - Microsoft Teams: an Adaptive Card in a message, `{ type: "message", attachments: [{
 *   contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content }] }`, with
 *   `Action.OpenUrl` for the link (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/
 *   how-to/connectors-using "Send Adaptive Cards using an Incoming Webhook"; MicrosoftDocs/msteams-docs).
 */
import type { NoticeText } from './notice-text';

export interface JiraRecipients {
  readonly watchers: boolean;
  readonly accountIds: readonly string[];
  readonly groups: readonly string[];
}

export interface JiraNotification {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly to: {
    readonly watchers: boolean;
    readonly users: readonly { readonly accountId: string }[];
    readonly groups: readonly { readonly name: string }[];
  };
}

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

export function jiraNotification(text: NoticeText, recipients: JiraRecipients): JiraNotification {
  return {
    subject: `[Ballast] ${text.title}`,
    textBody: [...text.lines, '', `${text.link.label}: ${text.link.url}`].join('\n'),
    htmlBody: [
      ...text.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
      `<p><a href="${escapeHtml(text.link.url)}">${escapeHtml(text.link.label)}</a></p>`,
    ].join(''),
    to: {
      watchers: recipients.watchers,
      users: recipients.accountIds.map((accountId) => ({ accountId })),
      groups: recipients.groups.map((name) => ({ name })),
    },
  };
}

/** Slack's three control characters (api.slack.com/docs/formatting: "&, <, and >", and only those). */
const escapeSlack = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const SLACK_EMOJI: Readonly<Record<NoticeText['tone'], string>> = {
  danger: ':red_circle:',
  warning: ':large_orange_circle:',
  success: ':large_green_circle:',
  information: ':information_source:',
};

export function slackMessage(text: NoticeText): unknown {
  return {
    text: text.title,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `${SLACK_EMOJI[text.tone]} *${escapeSlack(text.title)}*`,
        },
      },
      ...text.lines.map((line) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: escapeSlack(line) },
      })),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `<${text.link.url}|${escapeSlack(text.link.label)}>` }],
      },
    ],
  };
}

/** Adaptive Card colours of a TextBlock (adaptivecards.io/explorer/TextBlock.html, `color`). */
const TEAMS_COLOR: Readonly<Record<NoticeText['tone'], string>> = {
  danger: 'Attention',
  warning: 'Warning',
  success: 'Good',
  information: 'Default',
};

export function teamsMessage(text: NoticeText): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: text.title,
              weight: 'Bolder',
              size: 'Medium',
              color: TEAMS_COLOR[text.tone],
              wrap: true,
            },
            ...text.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true })),
          ],
          actions: [{ type: 'Action.OpenUrl', title: text.link.label, url: text.link.url }],
        },
      },
    ],
  };
}
