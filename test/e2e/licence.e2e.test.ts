/**
 * An unlicensed install in a real browser (issue #24 item 2): the shell's Licence control switches
 * the site's licence to inactive; the issue panel and the project settings then show the read-only
 * banner — for the project admin and for a member — with their data still shown and their
 * changes disabled. Switching back to active removes the banner. Screenshots (light and dark) go
 * to artifacts/screenshots/licence-*.png.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { LICENCE_INACTIVE_TITLE } from '../../src/contract/licence';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

skipNotice();

const ISSUE = 'SHOP-189';
const PANEL = 'ballast-issue-panel';
const SETTINGS = 'ballast-project-settings';
const PROJECT_PAGE = 'ballast-project-page';

describe.skipIf(!(chromiumAvailable || mustRun))(
  'an inactive licence reads as a read-only banner',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 3 },
  () => {
    let env: BrowserSandbox | undefined;
    let sandbox: Sandbox;
    let page: Page;
    const frame = (key: string): FrameLocator =>
      page.frameLocator(`iframe[data-module-key="${key}"]`);

    async function shots(name: string, key: string) {
      await page.mouse.move(0, 0);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page
          .locator(`iframe[data-module-key="${key}"]`)
          .screenshot({ path: join(SCREENSHOTS, `licence-${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    /** The top bar's Licence control, as a person would use it (the form reloads the page). */
    async function chooseLicence(licence: string) {
      await Promise.all([
        page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
        page.selectOption('select[name="licence"]', licence),
      ]);
      await page.waitForLoadState('load');
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({ name: 'licence', viewport: { width: 1280, height: 1000 } });
      ({ sandbox, page } = env);
    }, 180_000);
    afterAll(() => env?.close());

    it('shows the banner and disables changes in the issue panel, for the admin and a member', async () => {
      await page.goto(`${sandbox.url}/browse/${ISSUE}`);
      await chooseLicence('inactive');
      expect(sandbox.forge.licence.current()).toBe('inactive');
      for (const [who, accountId] of [
        ['admin', ADMIN_ACCOUNT_ID],
        ['member', MEMBER_ACCOUNT_ID],
      ] as const) {
        if (who === 'member') await switchUser(page, accountId);
        expect(await page.locator('select[name="accountId"]').inputValue()).toBe(accountId);
        const panel = frame(PANEL);
        await panel
          .locator(`[aria-label="Ballast for ${ISSUE}"]`)
          .waitFor({ timeout: FRAME_TIMEOUT_MS });
        await expect
          .poll(() => panel.locator('.licence-banner .message-title').textContent())
          .toBe(LICENCE_INACTIVE_TITLE);
        // The checklist is still shown, its boxes and the category control are disabled.
        expect(await panel.locator('li[data-item-id]').count()).toBeGreaterThan(0);
        expect(
          await panel.locator('fieldset.licence-fieldset').getAttribute('disabled'),
        ).not.toBeNull();
        expect(await panel.locator('select').first().isDisabled()).toBe(true);
        expect(await panel.locator('input[type="checkbox"]').first().isDisabled()).toBe(true);
        await shots(`issue-panel-${who}`, PANEL);
      }
    });

    it('shows the banner in the project settings (an admin’s page) and keeps them readable', async () => {
      // The same switch for scripts: the shell's JSON route.
      const switched = await fetch(`${sandbox.url}/__shell/licence`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ licence: 'inactive' }),
      });
      expect(await switched.json()).toEqual({ licence: 'inactive' });
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      if ((await page.locator('select[name="accountId"]').inputValue()) !== ADMIN_ACCOUNT_ID)
        await switchUser(page, ADMIN_ACCOUNT_ID);
      const settings = frame(SETTINGS);
      await settings.locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await settings.locator('.licence-banner .message-title').textContent()).toBe(
        LICENCE_INACTIVE_TITLE,
      );
      // An admin is read-only only because of the licence: no "you are not an admin" note.
      expect(await settings.getByRole('note', { name: 'Read-only' }).count()).toBe(0);
      expect(await settings.locator('fieldset.form-fieldset input').first().isDisabled()).toBe(
        true,
      );
      // The sections still open (navigation is reading).
      await settings.getByRole('button', { name: 'Audit log', exact: true }).click();
      await settings
        .getByRole('heading', { name: 'Audit log', level: 2 })
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
      await settings.getByRole('button', { name: 'Capacity policy', exact: true }).click();
      await shots('settings-admin', SETTINGS);
    });

    it('shows the banner on the project page for a member, with the figures still there', async () => {
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      if ((await page.locator('select[name="accountId"]').inputValue()) !== MEMBER_ACCOUNT_ID)
        await switchUser(page, MEMBER_ACCOUNT_ID);
      const projectPage = frame(PROJECT_PAGE);
      await projectPage.locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await projectPage.locator('.licence-banner .message-title').textContent()).toBe(
        LICENCE_INACTIVE_TITLE,
      );
      // The overview's figures arrive (the snapshot is computed in the background).
      await projectPage.locator('.freshness').waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
      await shots('project-page-member', PROJECT_PAGE);
    });

    it('removes the banner once the licence is active again', async () => {
      await page.goto(`${sandbox.url}/browse/${ISSUE}`);
      await chooseLicence('active');
      const panel = frame(PANEL);
      await panel
        .locator(`[aria-label="Ballast for ${ISSUE}"]`)
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await panel.locator('.licence-banner').count()).toBe(0);
      expect(await panel.locator('fieldset.licence-fieldset').getAttribute('disabled')).toBeNull();
      expect(await panel.locator('select').first().isDisabled()).toBe(false);
    });
  },
);
