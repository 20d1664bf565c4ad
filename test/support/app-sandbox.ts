/**
 * The app's real handlers on the sandbox: a seeded Jira emulator and a Forge host running
 * src/index.ts from manifest.yml, with its storage in a temporary folder. For integration tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import {
  createJiraEmulator,
  type JiraEmulator,
  type RateLimits,
  type SearchConsistency,
} from '../../sandbox/jira';
import * as app from '../../src/index';
import { TEST_NOW } from './test-clock';

/** The demo seed's "today": the test clock's start (test/support/test-clock.ts), so every run sees the same data. */
export const SEED_ANCHOR = TEST_NOW;

/**
 * Time for a test or hook that runs the app seed (sandbox/app-seed): about 5–10 s alone, several
 * times that while CI runs other suites beside it.
 */
export const APP_SEED_TIMEOUT_MS = 60_000;

/**
 * Both search modes of the emulator, for `describe.each`: Jira Cloud's search is eventually
 * consistent (sandbox/jira README, "Search consistency"); in `eventual` mode nothing the app or the
 * test writes shows in search until `jira.searchIndex.catchUp()` — the strictest lag, so an app path
 * that searches for what it just wrote fails there.
 */
export const SEARCH_MODES: readonly SearchConsistency[] = ['immediate', 'eventual'];

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
    /** The seed's "today" (default SEED_ANCHOR); install the test clock at the same instant. */
    anchor?: Date;
    /** What Jira search sees: every write at once (default) or only indexed ones (SEARCH_MODES). */
    searchConsistency?: SearchConsistency;
    /** Jira's rate limits, modelled (sandbox/jira/rate-limits.ts); off by default. */
    rateLimits?: RateLimits;
    /** How queued events' delays are waited out (a virtual clock's sleep); real time by default. */
    sleep?: (ms: number) => Promise<void>;
    /** Seed the second and third demo teams too (PAY, OPS; sandbox/jira/seed/teams.ts). */
    extraTeams?: boolean;
  } = {},
): Promise<AppSandbox> {
  const anchor = options.anchor ?? SEED_ANCHOR;
  const jira = await createJiraEmulator({
    seed: { anchor, ...(options.extraTeams === true ? { extraTeams: true } : {}) },
    now: () => anchor,
    ...(options.faultSeed === undefined ? {} : { faultSeed: options.faultSeed }),
    ...(options.searchConsistency === undefined
      ? {}
      : { searchConsistency: options.searchConsistency }),
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
