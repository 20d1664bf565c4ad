/**
 * Which webhook URLs Ballast accepts at save (issue #22: "a malformed webhook URL is refused at
 * save with the field named"): an https URL of the service the admin chose, so a notice cannot be
 * sent somewhere else by a typo, and the host must be one the app's egress can reach
 * (manifest.yml `permissions.external.fetch.backend`, README "Slack and Teams").
 *
 * - Slack incoming webhooks are `https://hooks.slack.com/services/…` (api.slack.com/messaging/webhooks).
 * - Teams: Workflows webhooks (Power Automate "When a Teams webhook request is received") are served
 *   from `*.logic.azure.com` and `*.api.powerplatform.com`; the retired Office 365 connector URLs
 *   were `*.webhook.office.com` (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/
 *   how-to/add-incoming-webhook; MicrosoftDocs/msteams-docs).
 * `extraOrigins` are exact origins allowed besides (the sandbox's local receiver, over http).
 */
export const WEBHOOK_KINDS = ['slack', 'teams'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** URLs carry their secret in the path; 2,000 characters is well above any real one. */
export const WEBHOOK_URL_MAX = 2000;

const TEAMS_HOST_SUFFIXES = ['.logic.azure.com', '.api.powerplatform.com', '.webhook.office.com'];

export type WebhookUrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: string };

export function checkWebhookUrl(
  raw: string,
  kind: WebhookKind,
  extraOrigins: readonly string[] = [],
): WebhookUrlCheck {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, problem: 'is empty: paste the webhook URL' };
  if (text.length > WEBHOOK_URL_MAX)
    return { ok: false, problem: `is longer than ${WEBHOOK_URL_MAX} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: `is not a URL: "${text.slice(0, 80)}"` };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, problem: 'must not carry a user name or password' };
  if (extraOrigins.includes(url.origin)) return { ok: true, url: url.toString() };
  if (url.protocol !== 'https:')
    return { ok: false, problem: `must start with https:// (it starts with ${url.protocol}//)` };
  const host = url.hostname.toLowerCase();
  if (kind === 'slack') {
    if (host !== 'hooks.slack.com' || !url.pathname.startsWith('/services/'))
      return {
        ok: false,
        problem: `is not a Slack incoming webhook: those start with https://hooks.slack.com/services/ (this one is on ${host})`,
      };
  } else if (!TEAMS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return {
      ok: false,
      problem: `is not a Microsoft Teams webhook: those are on ${TEAMS_HOST_SUFFIXES.map((s) => `*${s}`).join(', ')} (this one is on ${host})`,
    };
  }
  return { ok: true, url: url.toString() };
}

/** The egress each kind needs, as manifest.yml `permissions.external.fetch.backend` lists it. */
export const WEBHOOK_EGRESS: Readonly<Record<WebhookKind, readonly string[]>> = {
  slack: ['https://hooks.slack.com'],
  teams: TEAMS_HOST_SUFFIXES.map((suffix) => `https://*${suffix}`),
};
