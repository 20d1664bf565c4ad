/**
 * Resolvers of the project's SLOs and the push API settings: `slo/list`, `slo/import`,
 * `slo/export`, `push/get`, `push/rotateSecret` (src/contract/slo.ts). Changes need the
 * project-admin permission, checked in the use cases.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../app/errors';
import {
  getPushSettings,
  rotatePushSecret,
  type PushSettingsDeps,
} from '../../app/push/push-secret';
import { exportSlos, importSlos, listSlos, type SloSettingsDeps } from '../../app/slo/slo-settings';
import type { SloContract } from '../../contract/slo';
import type { Clock } from '../../ports/clock';
import { readContext, readPayload } from './context';

type Handlers = {
  [K in keyof SloContract]: (
    payload: unknown,
    context: unknown,
  ) => Promise<SloContract[K]['response']>;
};

/** 1 MiB of YAML is far more than 100 SLOs need. */
const importSchema = z.object({
  yaml: z.string().max(1024 * 1024),
  version: z.number().int().min(0),
});

function projectOf(raw: unknown): { accountId: string; projectKey: string } {
  const context = readContext(raw);
  if (!context.projectKey) {
    throw new AppError(
      'BAD_REQUEST',
      "Open Ballast's SLO settings from a project: no project in this context.",
    );
  }
  return { accountId: context.accountId, projectKey: context.projectKey };
}

export function sloResolvers(deps: {
  sloDeps: () => SloSettingsDeps;
  pushDeps: () => PushSettingsDeps;
  clock: Clock;
}): Handlers {
  return {
    'slo/list': (_payload, context) => listSlos(deps.sloDeps(), projectOf(context).projectKey),
    'slo/import': (payload, context) => {
      const { accountId, projectKey } = projectOf(context);
      const input = readPayload(importSchema, payload);
      return importSlos(deps.sloDeps(), {
        projectKey,
        yaml: input.yaml,
        version: input.version,
        actor: { accountId, at: deps.clock.now() },
      });
    },
    'slo/export': (_payload, context) => exportSlos(deps.sloDeps(), projectOf(context).projectKey),
    'push/get': (_payload, context) =>
      getPushSettings(deps.pushDeps(), projectOf(context).projectKey, deps.clock.now()),
    'push/rotateSecret': (_payload, context) =>
      rotatePushSecret(deps.pushDeps(), {
        projectKey: projectOf(context).projectKey,
        // 256 random bits, the HMAC-SHA256 key length (RFC 2104 §3 recommends ≥ the hash output).
        fresh: randomBytes(32).toString('hex'),
        now: deps.clock.now(),
      }),
  };
}
