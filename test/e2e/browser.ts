/**
 * Headless Chromium for the browser tests (Debian's /usr/bin/chromium, driven by playwright-core).
 * Without it the tests skip with a message locally, and fail on CI, where it must be installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
