/**
 * The sprint review in a real browser on the sandbox with the app's demo seed (issue #23): the
 * Review subpage picks a closed sprint, shows what happened in it (the checkout incident's sprint
 * turns the gate AT_RISK), exports its CSV as a file, and prints: the page is printed to PDF in
 * Chromium with the print CSS, and a print-media screenshot is taken to look at. Screenshots for
 * the admin and the member, light and dark, go to the git-ignored artifacts/screenshots folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

const MODULE = 'ballast-project-page';

skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'sprint review',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;
    const frame = (): FrameLocator => page.frameLocator(`iframe[data-module-key="${MODULE}"]`);

    async function openReview() {
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      await frame().locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await frame().locator('nav.tabs a', { hasText: 'Review' }).click();
      await frame()
        .locator('.review-title')
        .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
    }

    async function shots(name: string) {
      const element = page.locator(`iframe[data-module-key="${MODULE}"]`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await element.screenshot({
          path: join(SCREENSHOTS, `sprint-review-${name}-${scheme}.png`),
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'sprint-review',
        viewport: { width: 1400, height: 1000 },
        appSeed: 'demo',
      });
      ({ sandbox, page } = env);
    }, 240_000);

    afterAll(() => env?.close());

    it('shows the newest closed sprint’s story, and another sprint when picked', async () => {
      await openReview();
      expect(await frame().locator('.review-title').innerText()).toMatch(/^SHOP Sprint 8/);
      const text = await frame().locator('.review').innerText();
      // The checkout incident of sprint 8: the gate went AT_RISK and the targets moved with it.
      expect(text).toMatch(/Target while\s+At risk/i);
      expect(text).toMatch(/Checkout failing/);
      expect(text).toMatch(/checkout-availability: \d+(\.\d)?%/);
      expect(text).toMatch(/Page \(1h\/5m\)/);
      await shots('admin');
      await frame().locator('#review-sprint').selectOption('7');
      await expect
        .poll(() => frame().locator('.review-title').innerText(), { timeout: FRAME_TIMEOUT_MS })
        .toMatch(/^SHOP Sprint 7/);
      expect(await frame().locator('.review').innerText()).toMatch(/No burn-rate alert fired/);
      await frame().locator('#review-sprint').selectOption('8');
      await expect
        .poll(() => frame().locator('.review-title').innerText(), { timeout: FRAME_TIMEOUT_MS })
        .toMatch(/^SHOP Sprint 8/);
    });

    it('exports the review as a CSV file', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: FRAME_TIMEOUT_MS }),
        frame().getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('SHOP-SHOP-Sprint-8-review.csv');
      const path = join(SCREENSHOTS, 'sprint-review.csv');
      await download.saveAs(path);
      const csv = readFileSync(path, 'utf8');
      expect(csv.startsWith('section,item,value,unit,detail\r\n')).toBe(true);
      expect(csv).toContain('\r\nsprint,name,SHOP Sprint 8,,\r\n');
    });

    it('prints: the print CSS leaves the review alone on white, and Chromium prints it to PDF', async () => {
      // What the frame's window.print() prints: its own document. Rebuilt in a page of its own with
      // the frame's styles, so the PDF holds the app's page and not the sandbox shell around it.
      const inner = page.frame({ url: /__frame\/ballast-project-page/ })!;
      // Run in the browser (no DOM types here): the frame's styles and its body, as text.
      const html = await inner.evaluate<string>(`(() => {
        const css = [...document.styleSheets]
          .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\\n'))
          .join('\\n');
        return '<!doctype html><html><head><meta charset="utf-8"><style>' + css +
          '</style></head><body>' + document.body.innerHTML + '</body></html>';
      })()`);
      const printPage = await env!.browser.newPage();
      await printPage.setContent(html);
      await printPage.emulateMedia({ media: 'print' });
      expect(await printPage.locator('.tabs').isVisible()).toBe(false);
      expect(await printPage.locator('.review-controls').isVisible()).toBe(false);
      expect(await printPage.locator('.review-title').isVisible()).toBe(true);
      await printPage.screenshot({
        path: join(SCREENSHOTS, 'sprint-review-print.png'),
        fullPage: true,
      });
      const pdf = await printPage.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(SCREENSHOTS, 'sprint-review.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await printPage.close();
    });

    it('shows the member the same review', async () => {
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await openReview();
      expect(await frame().locator('.review-title').innerText()).toMatch(/^SHOP Sprint 8/);
      expect(await frame().locator('.review').innerText()).toMatch(/Target while\s+At risk/i);
      await shots('member');
    });
  },
);
