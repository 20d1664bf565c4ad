/**
 * The sandbox routes behind the bridge: `invoke` runs the module's resolver through the app host
 * with a Forge-shaped context; `fetchProduct` (requestJira) calls the emulator as the selected
 * user. Bodies are validated; identity comes from the shell's cookie, never from the frame.
 */
import { z } from 'zod';
import { ACCOUNT_HEADER, AS_APP_HEADER } from '../jira';
import type { AppHost } from './app-host';
import { frameTargetSchema, type ContextCache, type ContextSite } from './frame-context';
import { jiraAs } from './jira-client';
import type { AppManifest } from './manifest';
import { viewLicense } from '../forge/host/licence';

export class BridgeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const frameRef = z.object({ moduleKey: z.string().min(1), target: frameTargetSchema });

const invokeBody = frameRef.extend({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
});

const fetchBody = frameRef.extend({
  product: z.string(),
  restPath: z.string().startsWith('/'),
  fetchRequestInit: z.object({
    method: z.string().optional(),
    headers: z.array(z.tuple([z.string(), z.string()])).default([]),
    body: z.string().nullable().optional(),
  }),
});

export interface BridgeDeps {
  manifest: () => AppManifest;
  host: AppHost;
  jiraUrl: string;
  site: ContextSite;
  contexts: ContextCache;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new BridgeError(
      400,
      `Malformed bridge call: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return result.data;
}

function frameModule(deps: BridgeDeps, moduleKey: string) {
  const module = deps.manifest().modules.find((m) => m.key === moduleKey);
  if (module === undefined) throw new BridgeError(404, `manifest.yml has no module ${moduleKey}.`);
  return module;
}

/**
 * `view.getContext()`: the frame's Forge context, built as the user (frame-context.ts), with the
 * site's licence as it is now (not cached: a switch shows at the next load) — `license` only for a
 * paid production install, as Forge gives it (sandbox/forge/host/licence.ts).
 */
export async function bridgeContext(
  deps: BridgeDeps,
  accountId: string,
  raw: unknown,
): Promise<{ context: unknown }> {
  const request = parse(frameRef, raw);
  const module = frameModule(deps, request.moduleKey);
  const jira = jiraAs(deps.jiraUrl, accountId);
  const context = await deps.contexts.get(jira, accountId, module, request.target, deps.site);
  const license = viewLicense(deps.host.forge.licence.current());
  return { context: license === undefined ? context : { ...context, license } };
}

export async function bridgeInvoke(
  deps: BridgeDeps,
  accountId: string,
  raw: unknown,
): Promise<{ body: unknown }> {
  const request = parse(invokeBody, raw);
  const module = frameModule(deps, request.moduleKey);
  const jira = jiraAs(deps.jiraUrl, accountId);
  const context = await deps.contexts.get(jira, accountId, module, request.target, deps.site);
  const body = await deps.host.invoke({
    module,
    resolverKey: request.functionKey,
    payload: request.payload ?? {},
    context,
  });
  return { body };
}

/** Headers a frame may not set: the sandbox's identity headers would let it act as someone else. */
const FORBIDDEN = new Set([ACCOUNT_HEADER, AS_APP_HEADER, 'host', 'content-length', 'cookie']);

export async function bridgeFetchProduct(deps: BridgeDeps, accountId: string, raw: unknown) {
  const request = parse(fetchBody, raw);
  if (request.product !== 'jira')
    throw new BridgeError(400, `The sandbox emulates Jira only, not ${request.product}.`);
  if (!request.restPath.startsWith('/rest/'))
    throw new BridgeError(400, `requestJira paths start with /rest/ (got ${request.restPath}).`);
  const headers = new Headers();
  for (const [name, value] of request.fetchRequestInit.headers)
    if (!FORBIDDEN.has(name.toLowerCase())) headers.set(name, value);
  headers.set(ACCOUNT_HEADER, accountId);
  const method = (request.fetchRequestInit.method ?? 'GET').toUpperCase();
  const response = await fetch(`${deps.jiraUrl}${request.restPath}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' || request.fetchRequestInit.body == null
      ? {}
      : { body: request.fetchRequestInit.body }),
  });
  return {
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers.entries()),
    body: await response.text(),
    isAttachment: false,
  };
}
