/**
 * The browser tests' shared set-up: the whole sandbox (`npm start`'s startSandbox, real UI bundles
 * and backend) on a free port with its state in a temporary folder, and a Chromium page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadAppModule } from '../../sandbox/shell/app-module';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/shell/sandbox';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import { launchChromium, openPage, signInAs } from './browser';
import { ensureUiBuilt } from './ui-build';
import { TEST_NOW } from '../support/test-clock';

/** The demo seed's "today" the browser tests share: the test clock's start, so figures never move. */
export const E2E_ANCHOR = TEST_NOW;

export interface BrowserSandbox {
  readonly sandbox: Sandbox;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openBrowserSandbox(options: {
  /** Names the temporary state folder (`ballast-e2e-<name>-…`). */
  name: string;
  viewport: { width: number; height: number };
  /** Default: the shared anchor; null: today (what `npm start` uses). */
  anchor?: Date | null;
  appSeed?: SandboxOptions['appSeed'];
  /** Seed the second and third demo teams too (PAY, OPS), as `npm start` does. */
  teams?: boolean;
}): Promise<BrowserSandbox> {
  const root = process.cwd();
  ensureUiBuilt(root);
  const dir = mkdtempSync(join(tmpdir(), `ballast-e2e-${options.name}-`));
  const anchor = options.anchor === undefined ? E2E_ANCHOR : options.anchor;
  const sandbox = await startSandbox({
    port: 0,
    stateDir: join(dir, 'state'),
    reset: true,
    rootDir: root,
    appModule: loadAppModule(root),
    ...(anchor === null ? {} : { anchor }),
    ...(options.appSeed === undefined ? {} : { appSeed: options.appSeed }),
    ...(options.teams === true ? { teams: true } : {}),
  });
  const browser = await launchChromium();
  const page = await openPage(browser, { viewport: options.viewport });
  // The tests start as the project admin, chosen explicitly: the shell's default is the member.
  await signInAs(page, sandbox.url, ADMIN_ACCOUNT_ID);
  return {
    sandbox,
    browser,
    page,
    close: async () => {
      await browser.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
