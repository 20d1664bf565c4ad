/**
 * Export and delete of a project's Ballast data in a real browser (issue #24 item 4): Ada, project
 * admin and Jira admin, opens "Your Ballast data" in project settings, sees what is stored and how
 * long it is kept, lists the projects using Ballast, downloads the export (parsed here), and deletes
 * the data after typing the project key. Marco, a member, has no such section and the server
 * refuses him the export. Screenshots (light and dark) go to artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import type { ProjectExport } from '../../src/contract/project-data';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

skipNotice();

const MODULE = 'ballast-project-settings';

describe.skipIf(!(chromiumAvailable || mustRun))(
  "a project's Ballast data, exported and deleted",
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let env: BrowserSandbox | undefined;
    let sandbox: Sandbox;
    let page: Page;
    const frame = (): FrameLocator => page.frameLocator(`iframe[data-module-key="${MODULE}"]`);

    async function shots(name: string) {
      await page.mouse.move(0, 0);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({
          path: join(SCREENSHOTS, `project-data-${name}-${scheme}.png`),
          fullPage: true,
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'project-data',
        appSeed: 'demo',
        viewport: { width: 1280, height: 1100 },
      });
      ({ sandbox, page } = env);
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      await frame().locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await frame().getByRole('button', { name: 'Your Ballast data', exact: true }).click();
      await frame()
        .getByRole('table', { name: 'Retention' })
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
    }, 180_000);

    afterAll(() => env?.close());

    it('shows the admin what is stored, how long it is kept, and the projects using Ballast', async () => {
      const section = frame().locator('.section-content');
      expect(await section.textContent()).toMatch(
        /Stored for SHOP: \d+\sdocuments? and \d+\srecords?/,
      );
      const rows = frame().getByRole('table', { name: 'Retention' }).locator('tbody tr');
      expect(await rows.count()).toBe(6);
      expect(await rows.first().textContent()).toMatch(/400\sdays/);
      await frame().getByRole('button', { name: 'List the projects' }).click();
      const projects = frame().getByRole('table', { name: 'Projects using Ballast' });
      await projects.waitFor();
      expect(await projects.locator('tbody td:first-child').allTextContents()).toContain('SHOP');
      await shots('admin');
    });

    it('downloads the export as one JSON file', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        frame().getByRole('button', { name: 'Export as JSON' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^ballast-shop-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as ProjectExport;
      expect(file.format).toBe('ballast-project-export');
      expect(file.projectKey).toBe('SHOP');
      expect(file.slosOpenSlo).toContain('kind: SLO');
      expect(file.documents.length).toBeGreaterThan(0);
      await frame()
        .getByText(`Downloaded ${download.suggestedFilename()}`, { exact: false })
        .waitFor();
    });

    it('deletes only after the project key is typed, and then nothing is stored', async () => {
      await frame().getByRole('button', { name: 'Delete Ballast data…' }).click();
      const confirm = frame().getByRole('button', { name: 'Delete permanently' });
      expect(await confirm.isDisabled()).toBe(true);
      await frame().getByLabel('Type SHOP to confirm').fill('SHO');
      expect(await confirm.isDisabled()).toBe(true);
      await frame().getByLabel('Type SHOP to confirm').fill('shop');
      expect(await confirm.isDisabled()).toBe(false);
      await shots('delete-confirm');
      await confirm.click();
      await frame()
        .getByText(
          /^Deleted: \d+\sdocuments? and \d+\srecords?, and Ballast’s values on \d+\sissues?\.$/,
        )
        .waitFor();
      await frame().getByText('Nothing is stored for SHOP').waitFor({ timeout: FRAME_TIMEOUT_MS });
      // The list of projects shown before the delete is not left stale.
      expect(await frame().getByRole('table', { name: 'Projects using Ballast' }).count()).toBe(0);
      await shots('deleted');
    });

    it('offers the member no such section, and the server refuses them the export', async () => {
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await page.goto(`${sandbox.url}/__frame/${MODULE}/index.html?projectKey=SHOP`);
      await page.locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await page.getByRole('button', { name: 'Audit log', exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Your Ballast data' }).count()).toBe(0);
      const refused = await page.evaluate(async () => {
        type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
        const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
        return (await bridge.callBridge('invoke', {
          functionKey: 'projectData/export',
          payload: {},
        })) as { ok: boolean; error?: { code: string } };
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await shots('member');
    });
  },
);
