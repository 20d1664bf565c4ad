/**
 * `webtrigger` modules as HTTP routes: `<base>/x1/<moduleKey>[/more]` runs the module's function
 * with Forge's request shape `{ method, headers: { name: [values] }, body, path,
 * queryParameters: { name: [values] }, context }` and writes its answer `{ statusCode,
 * headers: { name: [values] }, body }` back (manifest-reference/modules/web-trigger,
 * runtime-reference/web-trigger). Web triggers have no built-in authentication: the app checks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { findModule, invokeModule, type HostCore } from './invoke';

export const WEB_TRIGGER_PREFIX = '/x1/';
/** Largest request body the sandbox accepts for a web trigger. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const forgeResponse = z.object({
  statusCode: z.number().int().min(100).max(599),
  statusText: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
});

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const plain = (res: ServerResponse, status: number, message: string): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
};

/** The module key a path addresses, or undefined when it is not a web trigger path. */
export function webTriggerKey(pathname: string): string | undefined {
  if (!pathname.startsWith(WEB_TRIGGER_PREFIX)) return undefined;
  const key = pathname.slice(WEB_TRIGGER_PREFIX.length).split('/')[0];
  return key === undefined || key === '' ? undefined : decodeURIComponent(key);
}

export type WebTriggerAnswer = z.infer<typeof forgeResponse>;

export interface WebTriggerCall {
  readonly method: string;
  /** Header names → values, as Forge passes them (`{ name: [value] }`). */
  readonly headers: Record<string, string[]>;
  readonly body: string;
  readonly path?: string;
  readonly queryParameters?: Record<string, string[]>;
}

/**
 * Runs a web trigger's function with Forge's request shape and checks its answer: what the HTTP
 * route does, callable in-process (the demo seed, tests, benchmarks). Throws when the function fails
 * or answers something Forge would not accept.
 */
export async function callWebTrigger(
  core: HostCore,
  moduleKey: string,
  call: WebTriggerCall,
): Promise<WebTriggerAnswer> {
  const request = {
    method: call.method,
    headers: call.headers,
    body: call.body,
    path: call.path ?? `${WEB_TRIGGER_PREFIX}${moduleKey}`,
    queryParameters: call.queryParameters ?? {},
    context: { cloudId: core.cloudId, moduleKey },
    contextToken: 'sandbox-context-token',
  };
  const parsed = forgeResponse.safeParse(
    await invokeModule(core, findModule(core, moduleKey, 'webtrigger'), request, undefined),
  );
  if (!parsed.success) {
    throw new Error(
      `Web trigger ${moduleKey} returned no valid { statusCode, headers, body } response.`,
    );
  }
  return parsed.data;
}

export async function serveWebTrigger(
  core: HostCore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const key = webTriggerKey(url.pathname);
  const module = core.manifest.modules.find((m) => m.type === 'webtrigger' && m.key === key);
  if (key === undefined || module === undefined)
    return plain(res, 404, `No web trigger at ${url.pathname}.`);
  const body = await readBody(req);
  if (body === undefined)
    return plain(res, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (queryParameters[name] ??= []).push(value);
  let answer: WebTriggerAnswer;
  try {
    answer = await callWebTrigger(core, module.key, {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: req.headersDistinct as Record<string, string[]>,
      body,
      path: url.pathname,
      queryParameters,
    });
  } catch (error) {
    return plain(
      res,
      500,
      `Web trigger ${module.key} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  for (const [name, values] of Object.entries(answer.headers ?? {})) res.setHeader(name, values);
  res.statusCode = answer.statusCode;
  if (answer.statusText !== undefined) res.statusMessage = answer.statusText;
  res.end(answer.body ?? '');
}
