/**
 * Waiting for a framed Custom UI bundle to finish rendering. The issue panel's first version
 * greets with PANEL_TEXT from `meta/about`; the full panel (being built) shows the issue's Ballast
 * view. Either proves the real bundle ran and its resolver answered through the bridge.
 */
import type { FrameLocator } from 'playwright-core';
import { expect } from 'vitest';

/** Generous: the machine is shared, and a cold Vite bundle plus a resolver call can be slow. */
export const FRAME_TIMEOUT_MS = 30_000;
/** Per browser test: page loads, frames and a sandbox restart. */
export const BROWSER_TEST_TIMEOUT_MS = 90_000;

export const PANEL_TEXT = 'Ballast 0.1.0 balances work across: feature, debt, toil, reliability.';

/** Resolves once the bundle rendered something other than its loading state; returns its text. */
export async function renderedText(frame: FrameLocator): Promise<string> {
  await frame.locator('#root > *').first().waitFor({ timeout: FRAME_TIMEOUT_MS });
  await expect
    .poll(() => frame.locator('[aria-busy="true"]').count(), { timeout: FRAME_TIMEOUT_MS })
    .toBe(0);
  return frame.locator('#root').innerText();
}

/** The issue panel for issueKey rendered its content, not an error. */
export async function issuePanelRendered(frame: FrameLocator, issueKey: string): Promise<void> {
  await frame
    .getByText(PANEL_TEXT)
    .or(frame.locator(`[aria-label="Ballast for ${issueKey}"]`))
    .first()
    .waitFor({ timeout: FRAME_TIMEOUT_MS });
  expect(await frame.locator('[role="alert"]').count()).toBe(0);
}
