/**
 * createForgeHost: runs the app's real backend as Forge would, for the sandbox and the tests.
 * It reads manifest.yml, installs the Forge runtime (sandbox/forge/runtime.ts) with the KVS
 * (sandbox/forge/kvs/) persisted under stateDir, and invokes the handlers the manifest names:
 * resolvers (UI `invoke`), product triggers, workflow validators, scheduled triggers, async event
 * consumers and web triggers over HTTP. `connectJira` wires the Jira emulator's changes to
 * triggers and validators.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ACCOUNT_ID, type JiraEvents } from '../jira/index';
import {
  deliverEvent,
  runProductEvent,
  runScheduled,
  startScheduler,
  type Outcome,
} from './host/background';
import { invokeModule, findModule, type HostCore } from './host/invoke';
import { connectJiraEvents } from './host/jira-events';
import { readBackendManifest, type BackendManifest } from './host/manifest';
import { answerQueuePush, QUEUE_PUBLISH_PREFIX, type QueueDelivery } from './host/queue';
import { invokeResolver, type ResolverInvocation } from './host/resolver';
import {
  runValidator,
  runValidatorEvent,
  type ValidatorAnswer,
  type ValidatorCall,
} from './host/validator';
import {
  callWebTrigger,
  serveWebTrigger,
  type WebTriggerAnswer,
  type WebTriggerCall,
} from './host/webtrigger';
import { answerWebTriggerGraphql } from './host/webtrigger-urls';
import { licenceSwitch, type LicenceSwitch, type SandboxLicence } from './host/licence';
import { createSandboxKvs, entitiesFromManifest, type SandboxKvs } from './kvs/index';
import { installForgeRuntime, type InstalledForgeRuntime } from './runtime';

export interface ForgeHostOptions {
  manifestPath: string;
  /** The app's entry module (src/index.ts), for handlers `index.<export>`. */
  appModule: Record<string, unknown>;
  /** Other handler files by name (`handler: jobs.compact` → files.jobs). */
  files?: Record<string, Record<string, unknown>>;
  jiraUrl: string;
  /** Where the KVS persists (`kvs.json`); default `.sandbox-state/`. */
  stateDir?: string;
  /** Start with an empty KVS. */
  reset?: boolean;
  /** The app's own Jira account (for `filter.ignoreSelf`); the emulator's by default. */
  appAccountId?: string;
  /** Base URL web trigger URLs are built on until `listen` gives the real one. */
  publicUrl?: string;
  now?: () => number;
  /** Shorter invocation limits for tests (see HostCore.timeLimitsMs); Forge's by default. */
  timeLimitsMs?: { resolver?: number; background?: number };
  /**
   * How a queued event's `delayInSeconds` is waited out; real time by default. Tests pass a
   * virtual clock's sleep so an event delayed 15 minutes is delivered at once, on that clock.
   */
  sleep?: (ms: number) => Promise<void>;
  /** The app's licence at start (host/licence.ts); `development` (no licence) by default. */
  licence?: SandboxLicence;
}

export interface ForgeHost {
  manifest: BackendManifest;
  runtime: InstalledForgeRuntime;
  kvs: SandboxKvs;
  cloudId: string;
  /** The Jira site the app talks to (the emulator), for seeds acting as a person would. */
  jiraUrl: string;
  invokeResolver(call: ResolverInvocation): Promise<unknown>;
  /** The app's licence on the site; switching it applies from the next invocation. */
  licence: LicenceSwitch;
  /** Runs every trigger subscribed to eventType with the Forge event (`eventType` added). */
  runProductEvent(eventType: string, event: Record<string, unknown>): Promise<Outcome[]>;
  /** Runs a workflow validator with the argument Jira documents for this transition. */
  runValidator(moduleKey: string, call: ValidatorCall): Promise<ValidatorAnswer>;
  /** Runs a workflow validator with any argument (forged or broken events, fixtures). */
  runValidatorEvent(moduleKey: string, event: unknown): Promise<ValidatorAnswer>;
  runScheduled(moduleKey: string): Promise<unknown>;
  startScheduler(options?: {
    speedup?: number;
    onOutcome?: (outcome: Outcome) => void;
  }): () => void;
  deliverEvent(queueName: string, body: unknown, options?: { jobId?: string }): Promise<Outcome[]>;
  /** Runs any module's function with a hand-made event (tests, the shell). */
  invoke(moduleKey: string, event: unknown, accountId?: string): Promise<unknown>;
  /** Runs a web trigger in-process with Forge's request shape (what the HTTP route does). */
  callWebTrigger(moduleKey: string, call: WebTriggerCall): Promise<WebTriggerAnswer>;
  /** Node HTTP handler for `/x1/<webtrigger key>`; mount it in any server. */
  webTriggerHandler(req: IncomingMessage, res: ServerResponse): void;
  webTriggerUrl(moduleKey: string): string;
  /** Serves the web triggers on their own port; their URLs then use it. */
  listen(port?: number, host?: string): Promise<{ url: string; close(): Promise<void> }>;
  /** Raises triggers and runs validators on the emulator's changes; returns a disconnect. */
  connectJira(events: JiraEvents): () => void;
  /** Resolves when the triggers raised so far have finished; returns their outcomes. */
  idle(): Promise<Outcome[]>;
  close(): Promise<void>;
}

export function createForgeHost(options: ForgeHostOptions): ForgeHost {
  const manifest = readBackendManifest(options.manifestPath);
  const kvs = createSandboxKvs({
    ...(options.stateDir === undefined ? {} : { stateDir: options.stateDir }),
    reset: options.reset ?? false,
    entities: entitiesFromManifest(manifest.raw),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  let publicUrl = options.publicUrl ?? 'http://127.0.0.1';
  const webTriggerKeys = () =>
    manifest.modules.filter((m) => m.type === 'webtrigger').map((m) => m.key);
  const runtime = installForgeRuntime({
    jiraUrl: options.jiraUrl,
    kvs: kvs.endpoint,
    ...(manifest.appId === undefined ? {} : { appId: manifest.appId }),
    scopes: manifest.scopes,
    otherRemote: (remote, path, init) =>
      // `privacy.reportPersonalData` (@forge/api) posts to /app/report-accounts on the platform's
      // remote; the emulator answers it as Atlassian documents (sandbox/jira/http/personal-data.ts).
      remote === 'stargate' && path === '/app/report-accounts'
        ? !manifest.scopes.includes('report:personal-data')
          ? // The scope "Enables the User privacy API" (manifest-reference/scopes-forge); what the
            // platform answers without it is undocumented: the sandbox says 403.
            Promise.resolve(
              new Response(
                JSON.stringify({ message: 'The app lacks the report:personal-data scope.' }),
                { status: 403, headers: { 'content-type': 'application/json' } },
              ),
            )
          : fetch(new URL('/__sandbox/atlassian/app/report-accounts', options.jiraUrl), {
              method: init?.method ?? 'POST',
              headers: { 'content-type': 'application/json' },
              body: init?.body ?? null,
            })
        : Promise.resolve(
            remote === 'stargate' && path === '/graphql'
              ? answerWebTriggerGraphql(() => publicUrl, webTriggerKeys, init)
              : remote === 'stargate' && path.startsWith(QUEUE_PUBLISH_PREFIX)
                ? answerQueuePush(init, (delivery) => track(deliverLater(delivery)))
                : new Response(null, {
                    status: 400,
                    headers: { 'forge-proxy-error': 'INVALID_REMOTE_ERR' },
                  }),
          ),
  });
  // `Queue.push` from the app: consumers run after the push has returned, tracked like triggers.
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deliverLater = ({ queueName, jobId, body, delayMs }: QueueDelivery) =>
    sleep(delayMs).then(() => deliverEvent(core, queueName, body, { jobId }));
  const core: HostCore = {
    manifest,
    files: { index: options.appModule, ...options.files },
    runtime,
    cloudId: runtime.cloudId,
    siteUrl: options.jiraUrl,
    ...(options.timeLimitsMs === undefined ? {} : { timeLimitsMs: options.timeLimitsMs }),
    licence: licenceSwitch(options.licence),
  };
  const appAccountId = options.appAccountId ?? APP_ACCOUNT_ID;
  const pending = new Set<Promise<Outcome[]>>();
  const settled: Outcome[] = [];
  const track = (run: Promise<Outcome[]>) => {
    const tracked = run
      .catch((error: unknown) => [
        { moduleKey: '(event)', ok: false as const, error: error as Error },
      ])
      .then((outcomes) => {
        settled.push(...outcomes);
        for (const outcome of outcomes)
          if (!outcome.ok)
            console.error(`[forge host] ${outcome.moduleKey} failed:`, outcome.error);
        return outcomes;
      })
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  // Schedulers and Jira wiring end with the host.
  const stops: (() => void)[] = [];
  const stopOnClose = (stop: () => void) => {
    stops.push(stop);
    return stop;
  };
  const webTriggerHandler = (req: IncomingMessage, res: ServerResponse) => {
    serveWebTrigger(core, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  };

  return {
    manifest,
    runtime,
    kvs,
    cloudId: runtime.cloudId,
    jiraUrl: options.jiraUrl,
    invokeResolver: (call) => invokeResolver(core, call),
    licence: core.licence,
    runProductEvent: (eventType, event) => runProductEvent(core, appAccountId, eventType, event),
    runValidator: (moduleKey, call) => runValidator(core, moduleKey, call),
    runValidatorEvent: (moduleKey, event) => runValidatorEvent(core, moduleKey, event),
    runScheduled: (moduleKey) => runScheduled(core, moduleKey),
    startScheduler: (schedulerOptions) => stopOnClose(startScheduler(core, schedulerOptions)),
    deliverEvent: (queueName, body, eventOptions) =>
      deliverEvent(core, queueName, body, eventOptions),
    callWebTrigger: (moduleKey, call) => callWebTrigger(core, moduleKey, call),
    invoke: (moduleKey, event, accountId) =>
      invokeModule(core, findModule(core, moduleKey), event, accountId),
    webTriggerHandler,
    webTriggerUrl: (moduleKey) => `${publicUrl}/x1/${encodeURIComponent(moduleKey)}`,
    listen: async (port = 0, host = '127.0.0.1') => {
      const server = createServer(webTriggerHandler);
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      publicUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
      return {
        url: publicUrl,
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.closeAllConnections();
            server.close((e) => (e ? reject(e) : resolve()));
          }),
      };
    },
    connectJira: (events) =>
      stopOnClose(
        connectJiraEvents(core, events, { jiraUrl: options.jiraUrl, appAccountId, track }),
      ),
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
      return settled.splice(0);
    },
    close: async () => {
      for (const stop of stops.splice(0)) stop();
      while (pending.size > 0) await Promise.all([...pending]);
      await kvs.flush();
      runtime.uninstall();
    },
  };
}
