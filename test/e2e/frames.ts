/**
 * Waiting for a framed Custom UI bundle to finish rendering. The issue panel's first version
 * greets with PANEL_TEXT from `meta/about`; the full panel (being built) shows the issue's Ballast
 * view. Either proves the real bundle ran and its resolver answered through the bridge.
 */
import type { FrameLocator } from 'playwright-core';
import { expect } from 'vitest';

export const PANEL_TEXT = 'Ballast 0.1.0 balances work across: feature, debt, toil, reliability.';

/** Resolves once the bundle rendered something other than its loading state; returns its text. */
export async function renderedText(frame: FrameLocator): Promise<string> {
  await frame.locator('#root > *').first().waitFor({ timeout: 15_000 });
  await expect.poll(() => frame.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
  return frame.locator('#root').innerText();
}

/** The issue panel for issueKey rendered its content, not an error. */
export async function issuePanelRendered(frame: FrameLocator, issueKey: string): Promise<void> {
  await frame
    .getByText(PANEL_TEXT)
    .or(frame.locator(`[aria-label="Ballast for ${issueKey}"]`))
    .first()
    .waitFor({ timeout: 15_000 });
  expect(await frame.locator('[role="alert"]').count()).toBe(0);
}
