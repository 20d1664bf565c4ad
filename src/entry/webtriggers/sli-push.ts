/**
 * Web trigger `ballast-sli-push`: POST a signed SLI batch (src/contract/push-api.ts) to store it;
 * GET (signed over an empty body) to learn where each SLO's data ends, so a connector resumes there.
 */
import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { ingestSliBatch } from '../../app/slo/ingest-sli';
import { sloDataUntil } from '../../app/slo/slo-data-until';
import { validPushSecrets } from '../../app/push/push-secret';
import { sliBatchSchema, type PushResponse, type SliStatusResponse } from '../../contract/push-api';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { PushError, answer, json, parseBody, verifySignature } from './signed-request';

export async function onSliPush(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  return answer(async () => {
    const kv = new ForgeKeyValueStore();
    const store = new ForgeDocumentStore();
    const now = systemClock.now();
    verifySignature(request, await validPushSecrets(kv, now), now);
    if (request.method === 'GET') {
      const body: SliStatusResponse = { ok: true, slos: await sloDataUntil({ kv, store }, now) };
      return json(200, body);
    }
    if (request.method !== 'POST') {
      throw new PushError(405, 'METHOD_NOT_ALLOWED', 'POST a batch, or GET the data status.');
    }
    const batch = parseBody(request, sliBatchSchema);
    const result = await ingestSliBatch({ kv, store }, batch, now);
    return json(200, { ok: true, ...result } satisfies PushResponse);
  }, 'SLI');
}
