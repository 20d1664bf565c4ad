/**
 * The async-events endpoint behind `@forge/events`: `new Queue({ key }).push(events)` posts
 * `{ queueName, jobId, payload: [{ body, delayInSeconds? }, …] }` to the `stargate` remote at
 * `/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}` (node_modules/@forge/
 * events/out/queue.js) and expects 201. The sandbox answers 201 and delivers each event to the
 * queue's consumers after the push returns, as the platform does (never inside the pushing
 * invocation). Limits the library checks itself (≤ 50 events, ≤ 200 KB, delay ≤ 900 s) are not
 * repeated here.
 */
import { z } from 'zod';

export const QUEUE_PUBLISH_PREFIX = '/webhook/queue/publish/';

const pushSchema = z.object({
  queueName: z.string().min(1),
  jobId: z.string().min(1),
  payload: z.array(
    z.looseObject({ body: z.unknown(), delayInSeconds: z.number().min(0).max(900).optional() }),
  ),
});

export interface QueueDelivery {
  queueName: string;
  jobId: string;
  body: unknown;
  delayMs: number;
}

/** Parses one push; a malformed one is answered 400 as the platform would refuse it. */
export function answerQueuePush(
  init: RequestInit | undefined,
  deliver: (delivery: QueueDelivery) => void,
): Response {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof init?.body === 'string' ? init.body : '');
  } catch {
    return Response.json({ message: 'The push body is not JSON.' }, { status: 400 });
  }
  const parsed = pushSchema.safeParse(raw);
  if (!parsed.success) {
    return Response.json({ message: `Invalid push: ${parsed.error.message}` }, { status: 400 });
  }
  const { queueName, jobId, payload } = parsed.data;
  for (const event of payload) {
    deliver({ queueName, jobId, body: event.body, delayMs: (event.delayInSeconds ?? 0) * 1000 });
  }
  return Response.json({}, { status: 201 });
}
