/**
 * startSandbox: the whole local Ballast — the Jira emulator (state loaded from and saved to the
 * state folder), the app's real backend on the Forge runtime, and the Jira-like shell on one
 * port. Used by sandbox/main.ts (`npm start`) and, in-process, by the browser tests.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { createJiraEmulator, type FaultSettings, type JiraEmulator, parseState } from '../jira';
import type { ForgeHost } from '../forge';
import { createAppHost } from './app-host';
import { readAppManifest } from './manifest';
import { keepJiraState } from './jira-state-file';
import { createShellHandler } from './server';
import { appRecordReader } from './sprint-routes';
import type { AppRecordReader } from './sprint-report';
import { seedApp, type AppSeedReport } from '../app-seed/seed-app';
import type { AppSeedVariant } from '../app-seed/sli-traffic';
import { webhookReceiver, type WebhookReceiver } from './webhook-receiver';

export interface SandboxOptions {
  /** Shell port; 0 picks a free one. */
  port: number;
  host?: string;
  /** Folder for jira.json and kvs.json (git-ignored `.sandbox-state/` by default). */
  stateDir: string;
  /** Ignore saved state: reseed Jira and empty the KVS. */
  reset: boolean;
  /** Repository root: where manifest.yml is and the resources' paths start. */
  rootDir: string;
  /** The app's entry module (src/index.ts). */
  appModule: Record<string, unknown>;
  faults?: Partial<FaultSettings>;
  /** Seed anchor ("today" of the demo data); defaults to the current day. */
  anchor?: Date;
  /** How often Jira's state is written when it changed; default 5 s, 0 only at stop. */
  autosaveMs?: number;
  /**
   * On a fresh seed, also seed the app's own data through its real handlers: SLOs, 35 days of
   * SLI data and deployments (`demo`: the gate is AT_RISK; `frozen`: the budget is spent).
   * Default `none` (the browser tests seed what they need).
   */
  appSeed?: AppSeedVariant | 'none';
  /**
   * Seed the second and third demo teams too (PAY healthy, OPS frozen; sandbox/jira/seed/teams.ts),
   * for the portfolio. `npm start` does; tests that count SHOP's data leave it off (the default).
   */
  teams?: boolean;
  onSeedProgress?: (step: string) => void;
}

export interface Sandbox {
  url: string;
  port: number;
  jira: JiraEmulator;
  /** Whether Jira's state came from the state folder (false: freshly seeded). */
  loadedState: boolean;
  /** What the app seed did, when it ran. */
  appSeed: AppSeedReport | null;
  stateFile: string;
  /** One of the app's stored values (its Forge KVS, plain keys); undefined when absent. */
  readAppRecord: AppRecordReader;
  /** Resolves when the app's triggers raised so far have finished. */
  idle(): Promise<unknown>;
  /** Runs one of the app's scheduled triggers now (browser tests: a roll-up without waiting). */
  runScheduled(moduleKey: string): Promise<unknown>;
  /** The app's Forge host: resolvers and scheduled triggers run now, for tests and tools. */
  forge: ForgeHost;
  /** The local Slack/Teams webhook receiver (`${url}/__webhooks/slack/<name>`). */
  webhooks: WebhookReceiver;
  /** Saves Jira's state now if it changed (the KVS saves itself on every write). */
  save(): void;
  /** Saves, then stops every server. */
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  mkdirSync(options.stateDir, { recursive: true });
  const stateFile = join(options.stateDir, 'jira.json');
  const saved =
    !options.reset && existsSync(stateFile)
      ? parseState(readFileSync(stateFile, 'utf8'), stateFile)
      : undefined;
  const jira = await createJiraEmulator({
    port: 0,
    ...(saved === undefined
      ? {
          seed: {
            ...(options.anchor === undefined ? {} : { anchor: options.anchor }),
            ...(options.teams === true ? { extraTeams: true } : {}),
          },
        }
      : { state: saved }),
    faults: options.faults ?? {},
  });
  const manifestPath = resolve(options.rootDir, 'manifest.yml');
  const server: Server = createServer();
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(options.port, options.host ?? '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  // The app accepts webhooks on this origin besides Slack's and Teams' (a Forge environment
  // variable in production: src/adapters/forge/app-links.ts); the receiver answers there.
  process.env.BALLAST_WEBHOOK_ORIGINS = url;
  const webhooks = webhookReceiver();
  const host = createAppHost({
    manifestPath,
    appModule: options.appModule,
    jiraUrl: jira.url,
    jiraEvents: jira.events,
    stateDir: options.stateDir,
    reset: options.reset,
    publicUrl: url,
  });
  server.on(
    'request',
    createShellHandler({
      manifest: () => readAppManifest(manifestPath),
      host,
      jiraUrl: jira.url,
      site: { cloudId: host.cloudId, siteUrl: url },
      defaultProjectKey: 'SHOP',
      notifications: { mail: () => jira.mail, receiver: webhooks },
    }),
  );
  const variant = options.appSeed ?? 'none';
  const appSeed =
    saved === undefined && variant !== 'none'
      ? await seedApp(host.forge, {
          variant,
          issues: jira.state.issues,
          teams: options.teams === true,
          ...(options.onSeedProgress ? { onProgress: options.onSeedProgress } : {}),
        })
      : null;
  const saver = keepJiraState(stateFile, () => jira.state, options.autosaveMs ?? 5000);
  // Save once now, so a fresh seed survives even a crash before the first clean exit.
  saver.save();

  let closed = false;
  return {
    url,
    port,
    jira,
    loadedState: saved !== undefined,
    appSeed,
    stateFile,
    readAppRecord: appRecordReader(host),
    idle: () => host.forge.idle(),
    runScheduled: (moduleKey) => host.forge.runScheduled(moduleKey),
    forge: host.forge,
    webhooks,
    save: () => {
      saver.save();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      saver.stop();
      saver.save();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
      await host.close();
      await jira.close();
    },
  };
}
