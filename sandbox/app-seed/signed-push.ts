/**
 * Calls one of the app's push-API web triggers in-process, signed as every client must sign
 * (the CLI's signer, src/cli/push/sign.ts) — or unsigned when `secret` is null. For the demo seed,
 * tests and benchmarks; over HTTP the CLI and test/support/push-client.ts do the same.
 */
import type { ForgeHost } from '../forge';
import type { WebTriggerAnswer } from '../forge/host/webtrigger';
import { signedHeaders } from '../../src/cli/push/sign';

export function callSigned(
  host: ForgeHost,
  moduleKey: string,
  rawBody: string,
  secret: string | null,
  method = 'POST',
): Promise<WebTriggerAnswer> {
  const headers =
    secret === null
      ? {}
      : Object.fromEntries(
          Object.entries(signedHeaders(secret, Date.now(), rawBody)).map(([name, value]) => [
            name,
            [value],
          ]),
        );
  return host.callWebTrigger(moduleKey, { method, headers, body: rawBody });
}
