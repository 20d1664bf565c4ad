/**
 * The portfolio in a real browser on the sandbox with the three demo teams (as `npm start`): the
 * Jira global page and the dashboard gadget list the projects the signed-in person may browse —
 * Ada (admin) SHOP, PAY and OPS; Marco (member of SHOP and PAY) two — sort by a column, and link
 * each row to the project's Ballast page. Screenshots of both modules, both roles, light and dark,
 * go to the git-ignored artifacts/screenshots folder.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, signInAs, skipNotice } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

skipNotice();

const PAGE = 'ballast-portfolio';
const GADGET = 'ballast-portfolio-gadget';

describe.skipIf(!(chromiumAvailable || mustRun))(
  'portfolio',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;
    const frame = (key: string): FrameLocator =>
      page.frameLocator(`iframe[data-module-key="${key}"]`);
    const projects = async (key: string) => {
      await frame(key)
        .locator('.portfolio-table tbody tr')
        .first()
        .waitFor({
          timeout: FRAME_TIMEOUT_MS * 2,
        });
      const rows = await frame(key).locator('.portfolio-table tbody tr').all();
      return Promise.all(rows.map((row) => row.getAttribute('data-project')));
    };

    async function shots(key: string, name: string) {
      const element = page.locator(`iframe[data-module-key="${key}"]`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForTimeout(200);
        await element.screenshot({ path: join(SCREENSHOTS, `portfolio-${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'portfolio',
        viewport: { width: 1500, height: 1000 },
        appSeed: 'demo',
        teams: true,
      });
      ({ sandbox, page } = env);
    }, 400_000);

    afterAll(() => env?.close());

    it('shows Ada every team on the global page, worst gate first, and sorts by a column', async () => {
      await page.goto(`${sandbox.url}/jira/apps/${PAGE}`);
      expect(await projects(PAGE)).toEqual(['OPS', 'SHOP', 'PAY']);
      const gates = await frame(PAGE).locator('.lozenge-gate').allTextContents();
      expect(gates.map((g) => g.trim())).toEqual(['Frozen', 'At risk', 'Healthy']);
      await shots(PAGE, 'page-admin');
      await frame(PAGE).getByRole('button', { name: 'Project' }).click();
      expect(await projects(PAGE)).toEqual(['OPS', 'PAY', 'SHOP']);
      await frame(PAGE).getByRole('button', { name: 'Project' }).click();
      expect(await projects(PAGE)).toEqual(['SHOP', 'PAY', 'OPS']);
    });

    it('shows the same teams on the dashboard gadget', async () => {
      await page.goto(`${sandbox.url}/jira/dashboards/1`);
      expect(await projects(GADGET)).toEqual(['OPS', 'SHOP', 'PAY']);
      await shots(GADGET, 'gadget-admin');
    });

    it('shows Marco, who cannot browse OPS, only SHOP and PAY', async () => {
      await signInAs(page, sandbox.url, MEMBER_ACCOUNT_ID);
      await page.goto(`${sandbox.url}/jira/apps/${PAGE}`);
      expect(await projects(PAGE)).toEqual(['SHOP', 'PAY']);
      await shots(PAGE, 'page-member');
      await page.goto(`${sandbox.url}/jira/dashboards/1`);
      expect(await projects(GADGET)).toEqual(['SHOP', 'PAY']);
      await shots(GADGET, 'gadget-member');
      await signInAs(page, sandbox.url, ADMIN_ACCOUNT_ID);
    });

    it('opens the project’s Ballast page from its row', async () => {
      await page.goto(`${sandbox.url}/jira/apps/${PAGE}`);
      await projects(PAGE);
      await frame(PAGE).locator('tr[data-project="PAY"] a.portfolio-project').click();
      await page.waitForURL(/\/jira\/software\/projects\/PAY\/apps\//, {
        timeout: FRAME_TIMEOUT_MS,
      });
      await page
        .frameLocator('iframe[data-module-key="ballast-project-page"]')
        .locator('nav.tabs')
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
    });
  },
);
