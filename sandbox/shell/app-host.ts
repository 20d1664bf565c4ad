/**
 * Runs the app's real resolvers for the shell's frames, as Forge does for a Custom UI `invoke`:
 * one invocation per call, as the selected user, with the module's context, against the Jira
 * emulator, with the disk-persisted KVS.
 *
 * Why not sandbox/forge's createForgeHost: it was not there yet when the shell was written. This
 * adapter uses the runtime pieces that exist (installForgeRuntime, createSandboxKvs) and keeps the
 * same call shape, so switching to the host is a change to this file only.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createSandboxKvs, entitiesFromManifest } from '../forge/kvs/index';
import { installForgeRuntime } from '../forge/runtime';
import type { UiModule } from './manifest';

export interface AppHostOptions {
  manifestPath: string;
  /** The app's entry module (src/index.ts): the handlers manifest.yml names. */
  appModule: Record<string, unknown>;
  jiraUrl: string;
  stateDir: string;
  reset: boolean;
}

/** The context Forge hands a resolver (`req.context`) and a frame (`view.getContext()`). */
export interface ForgeContext {
  accountId: string;
  cloudId: string;
  siteUrl: string;
  environmentId: string;
  environmentType: string;
  localId: string;
  moduleKey: string;
  locale: string;
  timezone: string;
  extension: Record<string, unknown>;
}

export interface ResolverCall {
  module: UiModule;
  /** The resolver definition key the UI invoked (`meta/about`). */
  resolverKey: string;
  payload: unknown;
  context: ForgeContext;
}

export interface AppHost {
  cloudId: string;
  environmentId: string;
  invoke(call: ResolverCall): Promise<unknown>;
  close(): Promise<void>;
}

type ResolverHandler = (request: unknown, backendRuntimePayload: unknown) => Promise<unknown>;

export class ResolverMissingError extends Error {}

export function createAppHost(options: AppHostOptions): AppHost {
  const rawManifest: unknown = parse(readFileSync(options.manifestPath, 'utf8'));
  const appId = (rawManifest as { app?: { id?: string } }).app?.id;
  const scopes = (rawManifest as { permissions?: { scopes?: string[] } }).permissions?.scopes ?? [];
  const kvs = createSandboxKvs({
    stateDir: options.stateDir,
    reset: options.reset,
    entities: entitiesFromManifest(rawManifest),
  });
  const runtime = installForgeRuntime({
    jiraUrl: options.jiraUrl,
    kvs: kvs.endpoint,
    ...(appId === undefined ? {} : { appId }),
    scopes,
  });

  const handlerFor = (module: UiModule): ResolverHandler => {
    // `index.resolver`: the export `resolver` of the app's entry module.
    const exportName = module.handler?.split('.').pop();
    const handler = exportName === undefined ? undefined : options.appModule[exportName];
    if (typeof handler !== 'function')
      throw new ResolverMissingError(
        `Module ${module.key} has no resolver function the sandbox can run (handler ${module.handler ?? 'none'}).`,
      );
    return handler as ResolverHandler;
  };

  return {
    cloudId: runtime.cloudId,
    environmentId: runtime.environmentId,
    invoke: (call) => {
      const handler = handlerFor(call.module);
      const { accountId } = call.context;
      return runtime.runInvocation(
        {
          accountId,
          moduleKey: call.module.key,
          moduleType: call.module.type,
          ...(call.module.functionKey === undefined
            ? {}
            : { functionKey: call.module.functionKey }),
        },
        () =>
          handler(
            {
              call: { functionKey: call.resolverKey, payload: call.payload },
              context: call.context,
            },
            {
              principal: { accountId },
              installContext: `ari:cloud:jira::site/${runtime.cloudId}`,
            },
          ),
      );
    },
    close: async () => {
      await kvs.flush();
      runtime.uninstall();
    },
  };
}
