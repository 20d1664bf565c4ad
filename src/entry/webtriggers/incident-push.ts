/** Web trigger `ballast-incident-push`: POST a signed incident tracked outside Jira (or its update). */
import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { recordIncident } from '../../app/delivery/push-log';
import { validPushSecrets } from '../../app/push/push-secret';
import { incidentSchema, type PushResponse } from '../../contract/push-api';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { PushError, answer, json, parseBody, verifySignature } from './signed-request';

export async function onIncidentPush(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  return answer(async () => {
    const kv = new ForgeKeyValueStore();
    const now = systemClock.now();
    verifySignature(request, await validPushSecrets(kv, now), now);
    if (request.method !== 'POST') {
      throw new PushError(405, 'METHOD_NOT_ALLOWED', 'POST one incident as JSON.');
    }
    const result = await recordIncident(kv, parseBody(request, incidentSchema), now);
    return json(200, { ok: true, ...result } satisfies PushResponse);
  }, 'incident');
}
