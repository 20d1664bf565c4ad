/**
 * POSTs a notice to a Slack or Teams incoming webhook with `fetch` from @forge/api, which Forge
 * lets reach only the hosts manifest.yml declares under `permissions.external.fetch.backend`
 * (developer.atlassian.com/platform/forge/manifest-reference/permissions/#external-permissions);
 * Ballast declares none by default (README "Slack and Teams"), so until an admin adds them every
 * webhook delivery fails and the settings page says so. Ten seconds at most, so a hanging
 * service costs the consumer one short attempt, then a retry.
 */
import { fetch } from '@forge/api';
import type { WebhookAnswer, WebhookPoster } from '../../../app/notify/deliver-notice';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export class ForgeWebhookPoster implements WebhookPoster {
  async post(url: string, body: unknown): Promise<WebhookAnswer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    return { status: response.status, text: await response.text() };
  }
}
