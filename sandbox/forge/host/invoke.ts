/**
 * One Forge function invocation, as the platform makes it: the handler named by the module gets
 * the event (serialized as JSON, as it crosses the platform) and the backend runtime payload
 * (`principal`, `installContext`), inside the invocation's context (accountId, module, time limit)
 * so @forge/api and @forge/kvs behave as they would there.
 */
import type { InstalledForgeRuntime } from '../runtime';
import { BACKGROUND_TIMEOUT_MS, RESOLVER_TIMEOUT_MS } from '../invocation';
import { resolveHandler, type BackendManifest, type ModuleEntry } from './manifest';
import { functionLicense, type LicenceSwitch } from './licence';

/** Forge's ceiling for `timeoutSeconds` on scheduled triggers and consumers (limits-invocation). */
const MAX_TIMEOUT_SECONDS = 900;

export interface HostCore {
  manifest: BackendManifest;
  files: Readonly<Record<string, Record<string, unknown>>>;
  runtime: InstalledForgeRuntime;
  cloudId: string;
  siteUrl: string;
  /**
   * Shorter invocation limits than Forge's, for tests that make Jira hang (timeout faults) and
   * must not wait the platform's 25 s / 55 s each time. Never longer than the platform's.
   */
  timeLimitsMs?: { resolver?: number; background?: number };
  /** The app's licence on the site (licence.ts): in every function's context, as Forge passes it. */
  licence: LicenceSwitch;
}

export const installContext = (core: HostCore): string => `ari:cloud:jira::site/${core.cloudId}`;

export function timeoutFor(module: ModuleEntry): number {
  if (module.type === 'scheduledTrigger' || module.type === 'consumer') {
    const seconds = Math.min(module.timeoutSeconds ?? 55, MAX_TIMEOUT_SECONDS);
    return seconds * 1000;
  }
  if (module.type === 'trigger' || module.type === 'webtrigger') return BACKGROUND_TIMEOUT_MS;
  return RESOLVER_TIMEOUT_MS;
}

function limitFor(core: HostCore, module: ModuleEntry): number {
  const platform = timeoutFor(module);
  const override =
    module.type === 'scheduledTrigger' ||
    module.type === 'consumer' ||
    module.type === 'trigger' ||
    module.type === 'webtrigger'
      ? core.timeLimitsMs?.background
      : core.timeLimitsMs?.resolver;
  return override === undefined ? platform : Math.min(override, platform);
}

const viaJson = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

export function findModule(core: HostCore, key: string, type?: string): ModuleEntry {
  const module = core.manifest.modules.find(
    (m) => m.key === key && (type === undefined || m.type === type),
  );
  if (module === undefined)
    throw new Error(`manifest.yml has no ${type ?? 'module'} with key ${key}.`);
  return module;
}

export async function invokeModule(
  core: HostCore,
  module: ModuleEntry,
  event: unknown,
  accountId: string | undefined,
): Promise<unknown> {
  const handler = resolveHandler(core.manifest, core.files, module);
  // The context every function gets (function-reference/arguments/, "Context Schema"): the
  // principal, installContext and, for a paid production install only, the licence.
  const license = functionLicense(core.licence.current());
  const payload = {
    ...(accountId === undefined ? {} : { principal: { accountId } }),
    installContext: installContext(core),
    ...(license === undefined ? {} : { license }),
  };
  const result = await core.runtime.runInvocation(
    {
      ...(accountId === undefined ? {} : { accountId }),
      moduleKey: module.key,
      moduleType: module.type,
      ...(module.functionKey === undefined ? {} : { functionKey: module.functionKey }),
      timeoutMs: limitFor(core, module),
    },
    () => handler(viaJson(event), payload),
  );
  return viaJson(result);
}
