/**
 * Web trigger `ballast-gate-check`: POST, signed like every push-API call, asks whether a release
 * carrying some Jira items may go now (src/contract/gate-check.ts). Read-only: it stores nothing.
 * Runs as the app: it reads the carried items (only their category, priority and labels are
 * answered) and Ballast's own storage.
 */
import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { AppError } from '../../app/errors';
import { checkRelease } from '../../app/gate/release-check';
import { validPushSecrets } from '../../app/push/push-secret';
import { gateCheckSchema } from '../../contract/gate-check';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';
import { PushError, answer, json, parseBody, verifySignature } from './signed-request';

export async function onGateCheck(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  return answer(
    async () => {
      const kv = new ForgeKeyValueStore();
      const now = systemClock.now();
      verifySignature(request, await validPushSecrets(kv, now), now);
      if (request.method !== 'POST') {
        throw new PushError(
          405,
          'METHOD_NOT_ALLOWED',
          'POST the release as JSON: { projects | services, issueKeys }.',
        );
      }
      const body = parseBody(request, gateCheckSchema);
      try {
        const result = await checkRelease(
          { jira: jiraAsApp(), store: new ForgeDocumentStore(), kv },
          body,
          now,
        );
        return json(200, result);
      } catch (error: unknown) {
        // An unknown project or service is named with its field, never read as "no gate".
        const field = error instanceof AppError ? error.options.field : undefined;
        if (error instanceof AppError && error.code === 'NOT_FOUND' && field !== undefined) {
          const code = field.startsWith('services') ? 'UNKNOWN_SERVICE' : 'UNKNOWN_PROJECT';
          throw new PushError(404, code, error.message, field);
        }
        throw error;
      }
    },
    'gate check',
    'Ballast could not read the gate or the items just now; nothing was decided. Retry in a minute.',
  );
}
