/**
 * createJiraEmulator: the Jira Cloud emulator as an HTTP server on localhost (port 0 picks a free
 * one). It serves the REST routes in routes/, the admin routes under /__sandbox/, applies the fault
 * knobs, counts calls, and exposes the state and the event hooks to the Forge host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { JiraEvents } from './events';
import { Faults, type FaultSettings } from './faults';
import { RateLimits, type CallKey, type RateLimitSettings } from './rate-limits';
import { adminRoute } from './http/admin';
import { JiraError } from './http/errors';
import type { RouteResult } from './http/router';
import { CallStats } from './http/stats';
import type { PropertyAlias } from './jql/fields';
import { callerFrom } from './permissions';
import type { JiraContext } from './routes/context';
import { jiraRouter } from './routes/index';
import { APP_ACCOUNT_ID, DEFAULT_PROPERTY_ALIASES } from './seed/people';
import { buildSeed, type SeedOptions, type SeedSize } from './seed/index';
import { SearchIndex, type SearchConsistency } from './state/search-index';
import { JiraStore } from './state/store';
import type { JiraState } from './state/types';
import type { QueuedEmail } from './routes/notify';

export interface JiraEmulatorOptions {
  /** Start from this state (e.g. loaded from .sandbox-state/); otherwise the seed is built. */
  state?: JiraState;
  seed?: Partial<SeedOptions> & { size?: SeedSize };
  port?: number;
  host?: string;
  /** The emulator's clock (Jira's "now": timestamps, relative JQL dates). */
  now?: () => Date;
  /** Entity-property search aliases, as the app's manifest declares them. */
  propertyAliases?: PropertyAlias[];
  /** The app's own user, acting for `asApp()` calls. */
  appAccountId?: string;
  faults?: Partial<FaultSettings>;
  faultSeed?: number;
  /** Largest accepted request body (Jira refuses large payloads with 413). */
  maxBodyBytes?: number;
  /**
   * What JQL search sees (state/search-index.ts): every write at once (`immediate`, the default) or
   * Jira Cloud's eventually consistent index (`eventual`), where only `reconcileIssues` are fresh.
   */
  searchConsistency?: SearchConsistency;
  /**
   * In `eventual` mode, when a write shows in search: after `writes` more issue writes, or `ms` on
   * the emulator's clock; neither: only on `searchIndex.catchUp()` (what tests use).
   */
  searchLag?: { writes?: number; ms?: number };
  /**
   * Jira's rate limits (rate-limits.ts): off unless given. Pass settings for a pool of this
   * emulator's own, or one RateLimits shared by several emulators (tenants of one app).
   */
  rateLimits?: RateLimits | Partial<RateLimitSettings>;
  /** This emulator's tenant (cloud id) for the per-tenant pool and burst buckets. */
  tenantId?: string;
}

export interface JiraHandler {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  store: JiraStore;
  readonly state: JiraState;
  events: JiraEvents;
  faults: Faults;
  /** The modelled rate limits, when enabled. */
  rateLimits: RateLimits | undefined;
  stats: CallStats;
  /** The search index: its mode and lag, and `catchUp()` to let search see every write. */
  searchIndex: SearchIndex;
  /** "METHOD /template" of every Jira route served. */
  routes: string[];
  /** Jira's mail queue: the emails "Send notification for issue" queued (routes/notify.ts). */
  mail: readonly QueuedEmail[];
}

export interface JiraEmulator extends JiraHandler {
  server: Server;
  url: string;
  port: number;
  close: () => Promise<void>;
}

const json = (res: ServerResponse, result: RouteResult & { raw?: string }): void => {
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  if (result.raw !== undefined) {
    res.writeHead(result.status, headers).end(result.raw);
  } else if (result.body === undefined) {
    res.writeHead(result.status, headers).end();
  } else {
    res
      .writeHead(result.status, { 'content-type': 'application/json;charset=UTF-8', ...headers })
      .end(JSON.stringify(result.body));
  }
};

async function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new JiraError(413, [`The request body is larger than ${limit} bytes.`]);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JiraError(400, [`The request body is not valid JSON: ${(error as Error).message}`]);
  }
}

/** A route's result, or its JiraError as the result Jira answers with (so it is charged too). */
async function answer(
  run: () => Promise<RouteResult> | RouteResult,
): Promise<RouteResult & { raw?: string }> {
  try {
    return await run();
  } catch (error: unknown) {
    if (!(error instanceof JiraError)) throw error;
    return { status: error.status, headers: error.headers, body: error.body() };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createJiraHandler(
  options: JiraEmulatorOptions = {},
): JiraHandler & { hanging: Set<ServerResponse> } {
  const now = options.now ?? (() => new Date());
  const searchIndex = new SearchIndex(
    {
      consistency: options.searchConsistency ?? 'immediate',
      lagWrites: options.searchLag?.writes ?? null,
      lagMs: options.searchLag?.ms ?? null,
    },
    () => now().getTime(),
  );
  const store = new JiraStore(options.state ?? buildSeed({ ...options.seed }).state, searchIndex);
  const events = new JiraEvents();
  const faults = new Faults(options.faults ?? {}, options.faultSeed ?? 1);
  const stats = new CallStats(now);
  const mail: QueuedEmail[] = [];
  const router = jiraRouter(mail);
  const aliases = options.propertyAliases ?? DEFAULT_PROPERTY_ALIASES;
  const appAccountId = options.appAccountId ?? APP_ACCOUNT_ID;
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const hanging = new Set<ServerResponse>();
  const rateLimits =
    options.rateLimits instanceof RateLimits
      ? options.rateLimits
      : options.rateLimits === undefined
        ? undefined
        : new RateLimits(options.rateLimits);
  const tenant = options.tenantId ?? 'sandbox-tenant';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const baseUrl = `http://${req.headers.host ?? 'localhost'}`;
    if (url.pathname.startsWith('/__sandbox/')) {
      const body =
        method === 'PUT' || method === 'POST'
          ? await readBody(req, maxBody).catch(() => undefined)
          : undefined;
      json(res, adminRoute(method, url.pathname, body, { faults, stats, store, searchIndex }));
      return;
    }
    const match = router.match(method, url.pathname);
    const answered = stats.count(
      match !== undefined && 'route' in match
        ? `${method} ${match.route.path}`
        : `${method} (no such route)`,
    );
    res.once('finish', answered);
    if (faults.settings.latencyMs > 0) await sleep(faults.settings.latencyMs);
    const fault = faults.decideFor(method, url.pathname);
    if (fault.kind === 'timeout') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault.kind === '429') {
      json(res, {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSeconds) },
        body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
      });
      return;
    }
    if (fault.kind === '5xx') {
      json(res, {
        status: fault.status,
        body: {
          errorMessages: ['Internal server error (injected by the sandbox fault knobs).'],
          errors: {},
        },
      });
      return;
    }
    if (match === undefined)
      throw new JiraError(404, [
        `No Jira REST route ${method} ${url.pathname} in the sandbox (Jira Cloud has none either, or the sandbox does not emulate it).`,
      ]);
    if (!('route' in match))
      throw new JiraError(405, [
        `Method ${method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}.`,
      ]);
    const issueParam = match.params.issueIdOrKey;
    const callKey: CallKey = {
      tenant,
      method,
      route: match.route.path,
      ...(issueParam === undefined ? {} : { issue: store.issue(issueParam)?.id ?? issueParam }),
    };
    if (rateLimits !== undefined) {
      const admission = rateLimits.admit(callKey);
      if (!admission.ok) {
        json(res, {
          status: 429,
          headers: admission.headers,
          body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
        });
        return;
      }
    }
    const caller = callerFrom(req.headers, store, appAccountId);
    const body = await readBody(req, maxBody);
    const ctx: JiraContext = {
      req,
      query: url.searchParams,
      body,
      caller,
      store,
      events,
      now,
      baseUrl,
      aliases,
      render: { store, baseUrl },
    };
    const result = await answer(() => match.route.handler(ctx, match.params));
    if (rateLimits === undefined) return json(res, result);
    const charged = rateLimits.charge(callKey, result.status < 400 ? result.body : undefined);
    json(res, { ...result, headers: { ...charged, ...(result.headers ?? {}) } });
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof JiraError)
        json(res, { status: error.status, headers: error.headers, body: error.body() });
      else
        json(res, {
          status: 500,
          body: { errorMessages: [`Sandbox error: ${(error as Error).message}`], errors: {} },
        });
    });
  };

  return {
    handler,
    store,
    get state() {
      return store.state;
    },
    events,
    faults,
    rateLimits,
    stats,
    searchIndex,
    routes: router.list().map((r) => `${r.method} ${r.path}`),
    mail,
    hanging,
  };
}

export async function createJiraEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const core = createJiraHandler(options);
  const server = createServer(core.handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    ...core,
    get state() {
      return core.store.state;
    },
    server,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging (timeout-fault) responses would keep the server open forever.
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
