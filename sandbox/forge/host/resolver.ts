/**
 * A Custom UI `invoke(functionKey, payload)` reaching the module's resolver, shaped as
 * @forge/resolver's getDefinitions() expects (node_modules/@forge/resolver/out/index.js): the event
 * `{ call: { functionKey, payload, jobId? }, context }` and, as second argument, the runtime
 * payload whose `principal.accountId` becomes `context.accountId`.
 */
import { findModule, invokeModule, type HostCore } from './invoke';

export interface ResolverInvocation {
  /** The UI module whose resolver runs (e.g. `ballast-issue-panel`). */
  moduleKey: string;
  /** The resolver definition key (e.g. `meta/about`). */
  functionKey: string;
  payload?: unknown;
  /** The signed-in user; undefined for an anonymous caller (no principal, as Forge then sends). */
  accountId: string | undefined;
  /** `extension` of the context: `{ type, project: { id, key, type }, issue: { id, key, type } … }`. */
  extension?: Record<string, unknown>;
  localId?: string;
  /** Any further context fields (locale, timezone …). */
  context?: Record<string, unknown>;
}

export function resolverContext(core: HostCore, call: ResolverInvocation, moduleType: string) {
  return {
    accountId: call.accountId,
    accountType: 'licensed',
    cloudId: core.cloudId,
    siteUrl: core.siteUrl,
    environmentId: core.runtime.environmentId,
    environmentType: 'DEVELOPMENT',
    moduleKey: call.moduleKey,
    localId: call.localId ?? `${call.moduleKey}-sandbox`,
    locale: 'en-US',
    timezone: 'Europe/Berlin',
    extension: { type: moduleType, ...call.extension },
    ...call.context,
  };
}

export function invokeResolver(core: HostCore, call: ResolverInvocation): Promise<unknown> {
  const module = findModule(core, call.moduleKey);
  if (module.functionKey === undefined)
    throw new Error(`Module ${module.key} has no resolver function.`);
  const event = {
    call: { functionKey: call.functionKey, payload: call.payload ?? {} },
    context: resolverContext(core, call, module.type),
  };
  return invokeModule(core, module, event, call.accountId);
}
