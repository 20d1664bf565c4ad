/**
 * `webtrigger` modules as HTTP routes: `<base>/x1/<moduleKey>[/more]` runs the module's function
 * with Forge's documented request `{ method, headers: { Name: [values] }, body, path, userPath,
 * queryParameters: { name: [values] } }` — header names as the caller wrote them, not lower-cased —
 * and writes its answer `{ statusCode, statusText?, headers: { name: [values] }, body }` back
 * (developer.atlassian.com/platform/forge/events-reference/web-trigger, "Request", "Response").
 * Web triggers have no built-in authentication: the app checks.
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

/** The segments after `/x1/<key>`: "/hello/world", or "" when there are none (`userPath`). */
export function userPathOf(path: string): string {
  const rest = path.slice(WEB_TRIGGER_PREFIX.length);
  const slash = rest.indexOf('/');
  return slash === -1 ? '' : rest.slice(slash);
}

/** Request headers with the caller's own name casing, each name's values in order. */
export function headersAsSent(rawHeaders: readonly string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    (headers[rawHeaders[i]!] ??= []).push(rawHeaders[i + 1]!);
  }
  return headers;
}

export type WebTriggerAnswer = z.infer<typeof forgeResponse>;

export interface WebTriggerCall {
  readonly method: string;
  /** Header names (the caller's casing) → values, as Forge passes them (`{ Name: [value] }`). */
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
  const path = call.path ?? `${WEB_TRIGGER_PREFIX}${moduleKey}`;
  const request = {
    method: call.method,
    headers: call.headers,
    body: call.body,
    path,
    userPath: userPathOf(path),
    queryParameters: call.queryParameters ?? {},
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
      headers: headersAsSent(req.rawHeaders),
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
