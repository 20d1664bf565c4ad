/**
 * Web trigger `ballast-deployment-push`: POST one signed, finished deployment (DORA metrics). One
 * recorded while a project's gate is FROZEN is marked with what let it through (issue #22).
 */
import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { recordJudgedDeployment } from '../../app/delivery/record-deployment';
import { validPushSecrets } from '../../app/push/push-secret';
import { deploymentSchema, type PushResponse } from '../../contract/push-api';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
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
    // Recorded while a gate is FROZEN: marked, and kept in that project's audit log (issue #22).
    const result = await recordJudgedDeployment(
      { jira: jiraAsApp(), store: new ForgeDocumentStore(), kv },
      parseBody(request, deploymentSchema),
      now,
    );
    return json(200, { ok: true, ...result } satisfies PushResponse);
  }, 'deployment');
}
