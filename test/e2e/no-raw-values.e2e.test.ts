/**
 * Every app's main views in people's terms (issue #18): the sandbox with the budget spent (gate
 * FROZEN), a freeze override recorded by the admin and a DoD item ticked — so names, dates and
 * figures all appear — scanned as the admin and as a member, in light and dark: the planner, the
 * issue panel and context, every project page tab and every settings section. Any raw ISO
 * timestamp, account id or float of more than 2 decimals (raw-values.ts) fails the test, naming the
 * screen. Screenshots of each go to artifacts/screenshots (no-raw-<view>-<role>-<scheme>.png).
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';
import { rawValuesIn, type RawValue } from './raw-values';

skipNotice();

const PLANNER = 'ballast-planner-sprint';
const PANEL = 'ballast-issue-panel';
const CONTEXT = 'ballast-issue-context';
const PROJECT_PAGE = 'ballast-project-page';
const SETTINGS = 'ballast-project-settings';
const PAGE_TABS = ['Overview', 'SLOs', 'Capacity', 'Delivery', 'Toil & debt', 'Incidents'];
const SETTINGS_SECTIONS = [
  'Capacity policy',
  'Classification rules',
  'Definition of Done',
  'Team-managed DoD',
  'Incidents',
  'Error-budget policy',
  'SLOs',
  'Push API',
  'Audit log',
];

describe.skipIf(!(chromiumAvailable || mustRun))(
  'no raw values on any screen',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 20 },
  () => {
    let env: BrowserSandbox | undefined;
    let sandbox: Sandbox;
    let page: Page;
    const found: string[] = [];

    const frameOf = (module: string): Frame => {
      const frame = page.frames().find((f) => f.url().includes(`__frame/${module}`));
      if (!frame) throw new Error(`no frame of ${module}`);
      return frame;
    };
    /** Waits until the frame has rendered and is no longer loading. */
    async function settled(module: string): Promise<Frame> {
      const locator = page.frameLocator(`iframe[data-module-key="${module}"]`);
      await locator
        .locator('#root > *')
        .first()
        .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
      // Polled by hand: it also runs in beforeAll, where expect.poll is not allowed.
      const until = Date.now() + FRAME_TIMEOUT_MS * 2;
      while ((await locator.locator('[aria-busy="true"], .spinner').count()) > 0) {
        if (Date.now() > until) throw new Error(`${module} is still loading`);
        await page.waitForTimeout(200);
      }
      return frameOf(module);
    }

    /** The frame's text and its accessible names, scanned in light and dark with screenshots. */
    async function scan(module: string, view: string, role: string): Promise<string> {
      const frame = await settled(module);
      let scanned = '';
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const shown = await frame.locator('body').innerText();
        const labels = await frame
          .locator('[aria-label]')
          .evaluateAll((elements: { getAttribute(name: string): string | null }[]) =>
            elements.map((e) => e.getAttribute('aria-label') ?? ''),
          );
        const text = [shown, ...labels].join('\n');
        scanned = text;
        const raw: RawValue[] = rawValuesIn(text);
        for (const value of raw)
          found.push(`${view} (${role}, ${scheme}): ${value.kind} "${value.text}"`);
        await page
          .locator(`iframe[data-module-key="${module}"]`)
          .screenshot({ path: join(SCREENSHOTS, `no-raw-${view}-${role}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
      return scanned;
    }

    async function openPlanner(): Promise<void> {
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
      await page
        .frameLocator(`iframe[data-module-key="${PLANNER}"]`)
        .locator('main.planner')
        .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'no-raw',
        viewport: { width: 1300, height: 1400 },
        appSeed: 'frozen',
      });
      ({ sandbox, page } = env);
      // The admin records a freeze override and ticks a DoD item, so names and times are shown.
      await openPlanner();
      const recorded = await frameOf(PLANNER).evaluate(async () => {
        type Bridge = { callBridge: (c: string, p?: unknown) => Promise<{ ok: boolean }> };
        const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
        return bridge.callBridge('invoke', {
          functionKey: 'gate/recordOverride',
          payload: { reason: 'Launch of the promotions engine', hours: 4 },
        });
      });
      expect(recorded.ok).toBe(true);
      await page.goto(`${sandbox.url}/browse/SHOP-12`);
      await settled(PANEL);
      const docs = page
        .frameLocator(`iframe[data-module-key="${PANEL}"]`)
        .getByRole('checkbox', { name: 'Docs updated' });
      try {
        await docs.check({ timeout: FRAME_TIMEOUT_MS * 2 });
      } catch (error) {
        await page.screenshot({
          path: join(SCREENSHOTS, 'no-raw-setup-failed.png'),
          fullPage: true,
        });
        throw error;
      }
      await settled(PANEL);
    }, 300_000);

    afterAll(() => env?.close());

    it.each([
      ['admin', ADMIN_ACCOUNT_ID],
      ['member', MEMBER_ACCOUNT_ID],
    ])('shows people’s terms to the %s', async (role, accountId) => {
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      await switchUser(page, accountId);
      await openPlanner();
      const planner = await scan(PLANNER, 'planner', role);
      // The scan reads the screens that carry names and times: the override's author and its end.
      const author = role === 'admin' ? 'you' : 'Ada Okafor';
      expect(planner).toContain(`${author}: “Launch of the promotions engine”`);
      expect(planner).toMatch(/Frozen since \w{3} \d{1,2}, \d{4}, \d{2}:\d{2} [AP]M\./);

      await page.goto(`${sandbox.url}/browse/SHOP-12`);
      const panel = await scan(PANEL, 'issue-panel', role);
      expect(panel).toContain(`Ticked by ${author} on`);
      await scan(CONTEXT, 'issue-context', role);

      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      const projectPage = page.frameLocator(`iframe[data-module-key="${PROJECT_PAGE}"]`);
      for (const tab of PAGE_TABS) {
        await projectPage.locator('nav.tabs a', { hasText: tab }).click();
        await expect
          .poll(() => projectPage.locator('h1.page-title').textContent(), {
            timeout: FRAME_TIMEOUT_MS,
          })
          .toBe(tab);
        await projectPage.locator('.freshness').waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
        await scan(PROJECT_PAGE, `project-${tab.replace(/\W+/g, '-').toLowerCase()}`, role);
      }

      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      const settings = page.frameLocator(`iframe[data-module-key="${SETTINGS}"]`);
      if ((await page.locator(`iframe[data-module-key="${SETTINGS}"]`).count()) === 0) {
        // Jira frames a project settings page only for project admins: nothing of Ballast's shows.
        expect(role).toBe('member');
      } else if ((await (await settled(SETTINGS)).locator('h1.settings-title').count()) === 0) {
        // A member may be refused the settings: the refusal itself is scanned.
        await scan(SETTINGS, 'settings', role);
      } else {
        for (const section of SETTINGS_SECTIONS) {
          await settings.getByRole('button', { name: section, exact: true }).click();
          await expect
            .poll(() => settings.locator('#section-title').textContent(), {
              timeout: FRAME_TIMEOUT_MS,
            })
            .toBe(section);
          await scan(SETTINGS, `settings-${section.replace(/\W+/g, '-').toLowerCase()}`, role);
        }
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  },
);
