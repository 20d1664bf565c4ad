/**
 * A Custom UI `invoke(functionKey, payload)` reaching the module's resolver, shaped as
 * @forge/resolver's getDefinitions() expects (node_modules/@forge/resolver/out/index.js): the event
 * `{ call: { functionKey, payload, jobId? }, context }` and, as second argument, the runtime
 * payload whose `principal.accountId` becomes `context.accountId`.
 */
import { findModule, invokeModule, type HostCore } from './invoke';
import { environmentTypeOf } from './licence';

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
  /** Any further context fields (a test's own additions). */
  context?: Record<string, unknown>;
}

/**
 * The context of a resolver call, with the keys of the `Context` type that
 * developer.atlassian.com/platform/forge/runtime-reference/forge-resolver documents ("define");
 * @forge/resolver adds `installContext` and `accountId` from the runtime payload itself.
 */
export function resolverContext(core: HostCore, call: ResolverInvocation, moduleType: string) {
  return {
    accountId: call.accountId,
    accountType: 'licensed',
    cloudId: core.cloudId,
    localId: call.localId ?? `${call.moduleKey}-sandbox`,
    environmentId: core.runtime.environmentId,
    // A licence exists only in production (licence.ts), so switching one on makes the site one.
    environmentType: environmentTypeOf(core.licence.current()),
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
