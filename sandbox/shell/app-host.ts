/**
 * The app's real backend for the shell, on sandbox/forge's host: resolvers for the frames' `invoke`
 * (one Forge invocation as the selected user, with the module's context), product triggers and
 * workflow validators wired to the Jira emulator, scheduled triggers on a tick, web triggers
 * under `/x1/`, and the disk-persisted KVS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JiraEvents } from '../jira';
import { createForgeHost, type ForgeHost } from '../forge';
import type { UiModule } from './manifest';

export interface AppHostOptions {
  manifestPath: string;
  /** The app's entry module (src/index.ts): the handlers manifest.yml names. */
  appModule: Record<string, unknown>;
  jiraUrl: string;
  /** The emulator's change events: they raise the app's triggers and run its validators. */
  jiraEvents: JiraEvents;
  stateDir: string;
  reset: boolean;
  /** Base URL web trigger URLs are built on (the shell's own URL). */
  publicUrl: string;
}

/**
 * The context a frame gets from `view.getContext()` (apis-reference/ui-api-bridge/view,
 * "getContext"); its account, localId and extension also go into the resolver's context.
 */
export interface ForgeContext {
  accountId: string;
  cloudId: string;
  siteUrl: string;
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
  /** The Forge host itself (the demo seed drives the app through it). */
  forge: ForgeHost;
  cloudId: string;
  environmentId: string;
  invoke(call: ResolverCall): Promise<unknown>;
  /** Serves `/x1/<webtrigger key>` (mounted in the shell's server). */
  webTriggerHandler(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export function createAppHost(options: AppHostOptions): AppHost {
  const host = createForgeHost({
    manifestPath: options.manifestPath,
    appModule: options.appModule,
    jiraUrl: options.jiraUrl,
    stateDir: options.stateDir,
    reset: options.reset,
    publicUrl: options.publicUrl,
  });
  const disconnect = host.connectJira(options.jiraEvents);
  const stopScheduler = host.startScheduler({
    onOutcome: (outcome) => {
      if (!outcome.ok)
        console.error(`[sandbox] scheduled trigger ${outcome.moduleKey} failed:`, outcome.error);
    },
  });
  return {
    forge: host,
    cloudId: host.cloudId,
    environmentId: host.runtime.environmentId,
    invoke: ({ module, resolverKey, payload, context }) => {
      // A resolver's documented context has no siteUrl, locale or timezone (runtime-reference/
      // forge-resolver, "define"): only the account, the instance and the extension carry over.
      const { accountId, localId, extension } = context;
      return host.invokeResolver({
        moduleKey: module.key,
        functionKey: resolverKey,
        payload,
        accountId,
        localId,
        extension,
      });
    },
    webTriggerHandler: (req, res) => host.webTriggerHandler(req, res),
    close: async () => {
      stopScheduler();
      disconnect();
      await host.close();
    },
  };
}
