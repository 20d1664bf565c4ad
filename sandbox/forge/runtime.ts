/**
 * installForgeRuntime: what the Forge Node runtime provides to the app's bundle, so the real
 * `@forge/api`, `@forge/kvs` and `@forge/resolver` run unmodified in the sandbox. Those packages
 * reach the platform only through two globals (see node_modules/@forge/api/out/api/runtime.js and
 * fetch.js, node_modules/@forge/kvs/out/index.js):
 * - `__forge_runtime__`: app and invocation context, remaining time, metrics, permissions;
 * - `__forge_fetch__(target, path, init)`: the egress proxy, for product calls
 *   (`{ type: 'fpp', remote: 'jira', provider, accountId? }`) and storage (`{ type: 'kvs' }`).
 * `__forge_runtime__` is a getter over AsyncLocalStorage, so concurrent invocations each see
 * their own context.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type InvocationContext, Invocations, type ActiveInvocation } from './invocation';
import { recordingMetrics, type RecordingMetrics } from './metrics';
import { fetchProduct, type ProductFetchOptions } from './product-fetch';
import { proxyError } from './proxy-response';

/** Answers @forge/kvs's POSTs to `/api/v1/...` with the platform's responses. */
export type KvsEndpoint = (path: string, init: RequestInit | undefined) => Promise<Response>;

export interface ForgeRuntimeOptions {
  /** The Jira emulator's base URL, e.g. `http://127.0.0.1:4100`. */
  jiraUrl: string;
  /** The storage behind @forge/kvs; without one, storage calls fail as if KVS were unreachable. */
  kvs?: KvsEndpoint;
  /** The app id, bare or as `ari:cloud:ecosystem::app/<id>` (manifest `app.id`). */
  appId?: string;
  environmentId?: string;
  environmentType?: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  appVersion?: string;
  cloudId?: string;
  installationId?: string;
  /** Granted scopes (manifest `permissions.scopes`), for `permissions.hasScope`. */
  scopes?: string[];
  otherRemote?: ProductFetchOptions['otherRemote'];
}

export interface InstalledForgeRuntime {
  /** Runs fn as one Forge invocation (its accountId, module, time limit). */
  runInvocation<T>(context: InvocationContext, fn: () => Promise<T> | T): Promise<T>;
  currentInvocation(): ActiveInvocation | undefined;
  metrics: RecordingMetrics;
  appId: string;
  environmentId: string;
  cloudId: string;
  /** Restores the globals as they were before. */
  uninstall(): void;
}

export const SANDBOX_CLOUD_ID = 'sandbox-cloud-0000';

const fetchTarget = z.looseObject({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
});

const GLOBALS = ['__forge_runtime__', '__forge_fetch__'] as const;

export function installForgeRuntime(options: ForgeRuntimeOptions): InstalledForgeRuntime {
  const appId = (options.appId ?? 'ballast-sandbox-app').replace(/^ari:cloud:ecosystem::app\//, '');
  const environmentId = options.environmentId ?? 'sandbox-development';
  const cloudId = options.cloudId ?? SANDBOX_CLOUD_ID;
  const installationId = options.installationId ?? `sandbox-installation-${cloudId}`;
  const invocations = new Invocations();
  const metrics = recordingMetrics();

  const runtime = (): object => {
    const current = invocations.current();
    return {
      proxy: { token: 'sandbox', url: options.jiraUrl },
      contextAri: `ari:cloud:jira::site/${cloudId}`,
      container: { region: 'sandbox', runtime: 'nodejs', handler: current?.functionKey },
      appContext: {
        appId,
        appVersion: options.appVersion ?? '1.0.0',
        environmentId,
        environmentType: options.environmentType ?? 'DEVELOPMENT',
        invocationId: current?.invocationId ?? 'outside-invocation',
        installationId,
        functionKey: current?.functionKey ?? '',
        moduleType: current?.moduleType ?? '',
        moduleKey: current?.moduleKey ?? '',
        installation: {
          ari: {
            installationId,
            toString: () => `ari:cloud:ecosystem::installation/${installationId}`,
          },
          contexts: [{ cloudId, toString: () => `ari:cloud:jira::site/${cloudId}` }],
        },
        permissions: { scopes: options.scopes ?? [], external: {} },
      },
      aaid: current?.accountId,
      lambdaContext: {
        awsRequestId: current?.invocationId ?? 'outside-invocation',
        getRemainingTimeInMillis: () =>
          current === undefined ? 0 : Math.max(current.deadline - Date.now(), 0),
      },
      tracing: { traceId: randomUUID().replaceAll('-', ''), spanId: randomUUID().slice(0, 16) },
      realtime: {},
      metrics,
      featureFlags: () => false,
    };
  };

  const forgeFetch = async (
    target: unknown,
    path: string,
    init: RequestInit | undefined,
  ): Promise<Response> => {
    const parsed = fetchTarget.safeParse(target);
    if (!parsed.success) return proxyError(400, 'PROXY_ERR', 'Malformed fetch target.');
    if (parsed.data.type === 'kvs') {
      if (options.kvs === undefined) return proxyError(503, 'PROXY_ERR', 'No KVS in this sandbox.');
      return options.kvs(path, init);
    }
    if (parsed.data.type === 'fpp' || parsed.data.type === 'jira') {
      const productOptions = { jiraUrl: options.jiraUrl, otherRemote: options.otherRemote };
      return fetchProduct(productOptions, parsed.data, path, init, invocations.current());
    }
    return proxyError(400, 'PROXY_ERR', `The sandbox does not emulate ${parsed.data.type} calls.`);
  };

  const globalRecord = globalThis as Record<string, unknown>;
  const previous = GLOBALS.map((name) => Object.getOwnPropertyDescriptor(globalThis, name));
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    enumerable: false,
    get: runtime,
  });
  globalRecord.__forge_fetch__ = forgeFetch;

  return {
    runInvocation: (context, fn) => invocations.run(context, fn),
    currentInvocation: () => invocations.current(),
    metrics,
    appId,
    environmentId,
    cloudId,
    uninstall: () => {
      GLOBALS.forEach((name, index) => {
        const descriptor = previous[index];
        if (descriptor === undefined) Reflect.deleteProperty(globalThis, name);
        else Object.defineProperty(globalThis, name, descriptor);
      });
    },
  };
}
