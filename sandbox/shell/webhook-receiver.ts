/**
 * A local stand-in for Slack's and Teams' incoming webhooks, so the sandbox shows the messages
 * Ballast posts (issue #22 item 4). `POST /__webhooks/slack/<name>` and `/__webhooks/teams/<name>`
 * keep the JSON body and answer as the services do on success: Slack with 200 and the text `ok`
 * (api.slack.com/messaging/webhooks "Handling errors": non-200 answers carry an error text such as
 * `invalid_payload`), Teams with 200. The name `down` answers 503, to watch a failing webhook
 * retried and reported in the settings page. Messages are kept in memory (the last 200).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const WEBHOOK_PREFIX = '/__webhooks/';
const KEPT = 200;

export interface ReceivedWebhook {
  readonly id: number;
  readonly at: string;
  readonly kind: 'slack' | 'teams';
  readonly name: string;
  readonly status: number;
  readonly body: unknown;
}

export interface WebhookReceiver {
  readonly messages: readonly ReceivedWebhook[];
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function webhookReceiver(): WebhookReceiver {
  const messages: ReceivedWebhook[] = [];
  return {
    messages,
    async handle(req, res, path) {
      const match = /^\/__webhooks\/(slack|teams)\/([a-z0-9-]{1,40})$/.exec(path);
      if ((req.method ?? 'GET').toUpperCase() !== 'POST' || match === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
        return;
      }
      const kind = match[1] as 'slack' | 'teams';
      const name = match[2]!;
      const text = await readBody(req);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
        return;
      }
      const status = name === 'down' ? 503 : 200;
      messages.push({
        id: messages.length + 1,
        at: new Date().toISOString(),
        kind,
        name,
        status,
        body,
      });
      if (messages.length > KEPT) messages.splice(0, messages.length - KEPT);
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 200 ? (kind === 'slack' ? 'ok' : '1') : 'service_unavailable');
    },
  };
}
