/**
 * Headless Chromium for the browser tests (Debian's /usr/bin/chromium, driven by playwright-core).
 * Without it the tests skip with a message locally, and fail on CI, where it must be installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { USER_COOKIE } from '../../sandbox/shell/users';
import { shiftDate } from '../support/shift-date.mjs';
import { testClockOffsetMs } from '../support/test-clock';

export const CHROMIUM_PATH = process.env.SANDBOX_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const mustRun = process.env.CI !== undefined && process.env.CI !== '';

export const SCREENSHOTS = join(process.cwd(), 'artifacts', 'screenshots');

export function skipNotice(): void {
  if (!chromiumAvailable && !mustRun)
    console.warn(
      `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set SANDBOX_CHROMIUM). On CI they fail instead.`,
    );
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable)
    throw new Error(`Chromium is required on CI but missing at ${CHROMIUM_PATH}.`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

type PageOptions = Parameters<Browser['newPage']>[0];

/**
 * A page whose clock reads the test clock (test/support/test-clock.ts), so what the UI computes
 * from "now" (e.g. "computed 3 minutes ago") agrees with the backend whatever day the suite runs.
 * Playwright's own `clock.install` cannot do it: its server runs in this process and measures the
 * time it is given against this process's shifted `Date`, so the page would keep the machine's.
 */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await page.addInitScript(shiftDate, testClockOffsetMs());
  return page;
}

/** A browser context on the test clock, for tests that need their own (e.g. JavaScript off). */
export async function openContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(shiftDate, testClockOffsetMs());
  return context;
}

/**
 * Signs a page's browser context in as `accountId` by setting the shell's user cookie for the
 * sandbox at `baseUrl`. Without it the shell acts as the plain member (issue #19, item 7), so a
 * test that needs the admin says so.
 */
export async function signInAs(
  target: Page | BrowserContext,
  baseUrl: string,
  accountId: string,
): Promise<void> {
  const context = 'context' in target ? target.context() : target;
  await context.addCookies([{ name: USER_COOKIE, value: accountId, url: baseUrl }]);
}

/**
 * Chooses who is signed in, in the shell's top bar. Choosing submits the bar's form, which reloads
 * the same page: this waits for that navigation itself (the URL is the same before and after it,
 * so waiting for the URL would return at once and the test's next `goto` would collide with it).
 */
export async function switchUser(page: Page, accountId: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
    page.selectOption('select[name="accountId"]', accountId),
  ]);
  await page.waitForLoadState('load');
}
