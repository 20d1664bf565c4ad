/** Web trigger `ballast-deployment-push`: POST one signed, finished deployment (DORA metrics). */
import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { recordDeployment } from '../../app/delivery/push-log';
import { validPushSecrets } from '../../app/push/push-secret';
import { deploymentSchema, type PushResponse } from '../../contract/push-api';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { PushError, answer, json, parseBody, verifySignature } from './signed-request';

export async function onDeploymentPush(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  return answer(async () => {
    const kv = new ForgeKeyValueStore();
    const now = systemClock.now();
    verifySignature(request, await validPushSecrets(kv, now), now);
    if (request.method !== 'POST') {
      throw new PushError(405, 'METHOD_NOT_ALLOWED', 'POST one deployment as JSON.');
    }
    const result = await recordDeployment(kv, parseBody(request, deploymentSchema), now);
    return json(200, { ok: true, ...result } satisfies PushResponse);
  }, 'deployment');
}
