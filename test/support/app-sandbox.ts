/**
 * The app's real handlers on the sandbox: a seeded Jira emulator and a Forge host running
 * src/index.ts from manifest.yml, with its storage in a temporary folder. For integration tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { createJiraEmulator, type JiraEmulator, type RateLimits } from '../../sandbox/jira';
import * as app from '../../src/index';

/** The demo seed's "today", fixed so every run sees the same data. */
export const SEED_ANCHOR = new Date('2026-11-20T12:00:00Z');

/**
 * Time for a test or hook that runs the app seed (sandbox/app-seed): about 5–10 s alone, several
 * times that while CI runs other suites beside it.
 */
export const APP_SEED_TIMEOUT_MS = 60_000;

export interface AppSandbox {
  readonly jira: JiraEmulator;
  readonly host: ForgeHost;
  close(): Promise<void>;
}

export async function startAppSandbox(
  options: {
    connectJira?: boolean;
    /** Seed of the emulator's fault decisions (reliability tests). */
    faultSeed?: number;
    /** Shorter Forge invocation limits (see sandbox/forge ForgeHostOptions.timeLimitsMs). */
    timeLimitsMs?: { resolver?: number; background?: number };
    /** The storage's clock (TTL expiry), e.g. to let a lock's TTL pass without waiting. */
    kvsNow?: () => number;
    /** Jira's rate limits, modelled (sandbox/jira/rate-limits.ts); off by default. */
    rateLimits?: RateLimits;
    /** How queued events' delays are waited out (a virtual clock's sleep); real time by default. */
    sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<AppSandbox> {
  const jira = await createJiraEmulator({
    seed: { anchor: SEED_ANCHOR },
    now: () => SEED_ANCHOR,
    ...(options.faultSeed === undefined ? {} : { faultSeed: options.faultSeed }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
  const dir = mkdtempSync(join(tmpdir(), 'ballast-app-'));
  const host = createForgeHost({
    manifestPath: 'manifest.yml',
    appModule: app,
    jiraUrl: jira.url,
    stateDir: dir,
    ...(options.timeLimitsMs === undefined ? {} : { timeLimitsMs: options.timeLimitsMs }),
    ...(options.kvsNow === undefined ? {} : { now: options.kvsNow }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  const disconnect = options.connectJira ? host.connectJira(jira.events) : () => undefined;
  return {
    jira,
    host,
    close: async () => {
      disconnect();
      await host.close();
      await jira.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A Forge host with empty storage on a Jira emulator that already exists: the app installed again
 * (uninstalling a Forge app deletes its storage; Jira keeps issue properties and field values).
 */
export function startHostOn(
  jira: JiraEmulator,
  options: { timeLimitsMs?: { resolver?: number; background?: number } } = {},
): AppSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-app-'));
  const host = createForgeHost({
    manifestPath: 'manifest.yml',
    appModule: app,
    jiraUrl: jira.url,
    stateDir: dir,
    ...(options.timeLimitsMs === undefined ? {} : { timeLimitsMs: options.timeLimitsMs }),
  });
  return {
    jira,
    host,
    close: async () => {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
