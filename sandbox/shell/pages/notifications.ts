/**
 * The sandbox's Notifications page (issue #22 item 4): what a person would have seen — the emails
 * Jira queued for "Send notification for issue" (the emulator's mail queue, sandbox/jira/routes/
 * notify.ts), and the messages posted to the local Slack/Teams webhook receiver
 * (sandbox/shell/webhook-receiver.ts), drawn from their Block Kit / Adaptive Card JSON.
 */
import { html, type SafeHtml } from '../html';
import type { QueuedEmail } from '../../jira/routes/notify';
import type { ReceivedWebhook } from '../webhook-receiver';

interface SlackBlock {
  type?: string;
  text?: { text?: string };
  elements?: { text?: string }[];
}
interface CardBlock {
  type?: string;
  text?: string;
  weight?: string;
}

/**
 * The emoji codes Ballast's messages use (src/domain/notify/channel-messages.ts), drawn as a plain
 * mark with the tone named: a browser without an emoji font would show an empty box instead.
 */
const EMOJI: Readonly<Record<string, string>> = {
  ':red_circle:': '● (red)',
  ':large_orange_circle:': '● (orange)',
  ':large_green_circle:': '● (green)',
  ':information_source:': 'ⓘ',
};

/** Slack mrkdwn as plain text: `*bold*`, `<url|label>`, emoji codes and the three escapes. */
const slackText = (text: string) =>
  text
    .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code)
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/\*([^*]+)\*/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

function webhookLines(message: ReceivedWebhook): string[] {
  const body = message.body as {
    blocks?: SlackBlock[];
    text?: string;
    attachments?: {
      content?: { body?: CardBlock[]; actions?: { title?: string; url?: string }[] };
    }[];
  };
  if (message.kind === 'slack') {
    return (body.blocks ?? [])
      .flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text ?? '')])
      .filter((t) => t !== '')
      .map(slackText);
  }
  const card = body.attachments?.[0]?.content;
  return [
    ...(card?.body ?? []).map((b) => b.text ?? ''),
    ...(card?.actions ?? []).map((a) => `${a.title ?? ''} (${a.url ?? ''})`),
  ].filter((t) => t !== '');
}

function recipients(mail: QueuedEmail, names: (id: string) => string): string {
  const parts = [
    ...mail.to.users.map((u) => u.displayName || names(u.accountId)),
    ...mail.to.groups.map((g) => `group ${g}`),
    ...(mail.to.watchers ? [`the watchers of ${mail.issueKey}`] : []),
  ];
  return parts.length === 0 ? 'nobody' : parts.join(', ');
}

export function notificationsBody(input: {
  projectKey: string;
  mail: readonly QueuedEmail[];
  webhooks: readonly ReceivedWebhook[];
  names: (accountId: string) => string;
}): SafeHtml {
  const mail = input.mail.filter((m) => m.issueKey.startsWith(`${input.projectKey}-`)).reverse();
  const hooks = [...input.webhooks].reverse();
  return html`<h1>Notifications</h1>
    <p class="subtle">
      What Jira and the chat webhooks delivered in this sandbox. Jira emails are kept in the
      emulator's mail queue (nothing is sent); webhook messages reach the sandbox's own receiver.
    </p>
    <section class="notifications" aria-label="Jira emails">
      <h2>Jira emails (${mail.length})</h2>
      ${
        mail.length === 0
          ? html`<p class="subtle">No email queued yet.</p>`
          : html`<ol class="mail-list">
              ${mail.map(
                (m) =>
                  html`<li class="mail" data-issue="${m.issueKey}">
                    <p class="mail-subject"><strong>${m.subject}</strong></p>
                    <p class="subtle">
                      To ${recipients(m, input.names)} · about
                      <a href="/browse/${m.issueKey}">${m.issueKey}</a> ${m.summary}
                    </p>
                    <pre class="mail-body">${m.textBody}</pre>
                  </li>`,
              )}
            </ol>`
      }
    </section>
    <section class="notifications" aria-label="Webhook messages">
      <h2>Slack and Teams webhook (${hooks.length})</h2>
      ${
        hooks.length === 0
          ? html`<p class="subtle">
              No webhook message yet. Point a project's webhook at this sandbox's receiver to see
              them here.
            </p>`
          : html`<ol class="mail-list">
              ${hooks.map(
                (h) =>
                  html`<li class="webhook-message" data-kind="${h.kind}" data-status="${h.status}">
                    <p class="subtle">
                      ${h.kind === 'slack' ? 'Slack' : 'Teams'} · /__webhooks/${h.kind}/${h.name} ·
                      answered ${h.status}
                    </p>
                    ${webhookLines(h).map((line) => html`<p>${line}</p>`)}
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
}
