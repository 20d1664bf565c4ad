/**
 * `consumer` of the notices queue (`ballast-notices`): delivers one stored notice as the app
 * (src/app/notify/deliver-notice.ts), which plans its own retries by pushing the event again with
 * a delay, so this function ends normally even when a channel failed — the failure is on the notice
 * and in the settings page. With @forge/events 2+, Forge calls it with an `AsyncEvent` whose `body`
 * is what was pushed (developer.atlassian.com/platform/forge/runtime-reference/async-events-api/).
 */
import { z } from 'zod';
import { ForgeNoticeQueue } from '../../adapters/forge/events/notice-queue';
import {
  DEFAULT_FUNCTION_LIMIT_MS,
  inBackground,
  jiraAsApp,
} from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { ForgeWebhookPoster } from '../../adapters/forge/webhook/webhook-poster';
import { deliverNotice } from '../../app/notify/deliver-notice';
import { systemClock } from '../../ports/clock';

const eventSchema = z.looseObject({
  body: z.looseObject({
    projectKey: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    id: z.string().min(1).max(400),
  }),
});

export async function noticeConsumer(event: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('Ballast notice consumer: unexpected event', parsed.error.issues[0]);
    return;
  }
  const kv = new ForgeKeyValueStore();
  const record = await deliverNotice(
    {
      kv,
      secrets: kv,
      store: new ForgeDocumentStore(),
      jira: jiraAsApp(inBackground(DEFAULT_FUNCTION_LIMIT_MS)),
      poster: new ForgeWebhookPoster(),
      queue: new ForgeNoticeQueue(),
    },
    parsed.data.body,
    systemClock.now(),
  );
  if (record?.state === 'failed') {
    console.warn(`Ballast notice ${record.id} of ${record.projectKey} could not be delivered.`);
  }
}
