/**
 * The sprint planner in a real browser against the real sandbox: open the backlog, open the planner
 * on the active sprint (the sprint action), see the seeded plan break the split, apply the rebalance,
 * see it fixed, undo, see it broken again. Screenshots (light and dark) go to artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

const MODULE = 'ballast-planner-sprint';
skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'sprint planner in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let sandbox: Sandbox;
    let page: Page;

    let env: BrowserSandbox | undefined;

    beforeAll(async () => {
      env = await openBrowserSandbox({ name: 'planner', viewport: { width: 1280, height: 1000 } });
      ({ sandbox, page } = env);
    }, 120_000);

    afterAll(() => env?.close());

    const planner = (): FrameLocator => page.frameLocator(`iframe[data-module-key="${MODULE}"]`);
    const verdict = async (status: string) =>
      planner().locator(`[data-verdict="${status}"]`).waitFor({ timeout: FRAME_TIMEOUT_MS });
    /** The planner's dialog in full: a viewport tall enough that the dialog does not scroll. */
    const shot = async (name: string) => {
      await page.setViewportSize({ width: 1280, height: 2600 });
      await page.locator('.dialog').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await page.setViewportSize({ width: 1280, height: 1000 });
    };

    async function openOnActiveSprint(): Promise<void> {
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
      await planner().locator('main.planner').waitFor({ timeout: FRAME_TIMEOUT_MS });
    }

    it('opens on the active sprint, breaks the split, applies the rebalance, and undoes it', async () => {
      await openOnActiveSprint();
      const frame = planner();
      await verdict('nonCompliant');
      expect(await frame.getByLabel('Sprint', { exact: true }).inputValue()).toBe('9');
      expect(await frame.locator('[data-gate="NO_DATA"]').innerText()).toContain(
        'Error budget gate: no data',
      );
      // Capacity 78.7 pts: the velocity of sprints 6–8 as Jira's velocity chart counts it (issue 17).
      expect(await frame.locator('.verdict').innerText()).toContain(
        'Feature is 5.3 pts under its minimum of 43.3 pts (55% of capacity).',
      );
      // Five items joined the sprint after it started: they overspend the 7.9-point buffer.
      expect(await frame.locator('.buffer-spent').innerText()).toContain(
        'SHOP-201, SHOP-199, SHOP-194, SHOP-198, SHOP-205 do not fit',
      );
      expect(await frame.locator('li[data-move="out"]').count()).toBe(3);
      expect(await frame.locator('li[data-move="in"]').count()).toBe(4);
      await shot('planner-broken-light');

      await frame.getByRole('button', { name: 'Apply 7 moves' }).click();
      await verdict('compliant');
      expect(await frame.locator('.notice').innerText()).toBe(
        'Applied 7 moves: the sprint now keeps the split.',
      );
      expect(await frame.getByText('The plan keeps the split: nothing to move.').count()).toBe(1);
      await shot('planner-applied-light');

      // The backlog (outside the frame) shows the moves: a pulled-in item is now in the sprint.
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      expect(
        await page
          .locator('section.sprint:has(.state-active) li.card[data-issue-key="SHOP-292"]')
          .count(),
      ).toBe(1);

      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
      await verdict('compliant');
      await planner().getByRole('button', { name: 'Undo rebalance' }).click();
      await verdict('nonCompliant');
      expect(await planner().locator('.notice').innerText()).toBe(
        'Undid the rebalance (7 moves): the sprint still breaks the split.',
      );
      expect(await planner().getByRole('button', { name: 'Undo rebalance' }).count()).toBe(0);
    });

    it('is keyboard operable: the sprint chooser switches to the future sprint', async () => {
      await openOnActiveSprint();
      await verdict('nonCompliant');
      const chooser = planner().getByLabel('Sprint', { exact: true });
      await chooser.focus();
      await chooser.selectOption('10');
      await expect
        .poll(() => planner().locator('.plan').getAttribute('data-sprint-id'), {
          timeout: FRAME_TIMEOUT_MS,
        })
        .toBe('10');
    });

    it('in enforce mode, refuses an override without a reason and records one with it', async () => {
      // As the admin (the shell's default user), who may change the settings.
      await openOnActiveSprint();
      await verdict('nonCompliant');
      // The admin switches the project to enforce through the app's own settings resolver.
      const frame = page.frame({ url: new RegExp(`__frame/${MODULE}`) })!;
      const saved = await frame.evaluate(async () => {
        type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
        const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
        const current = (await bridge.callBridge('invoke', {
          functionKey: 'settings/get',
          payload: {},
        })) as { data: { version: number } };
        return (await bridge.callBridge('invoke', {
          functionKey: 'settings/save',
          payload: {
            config: { capacity: { enforcement: 'enforce' } },
            version: current.data.version,
          },
        })) as { ok: boolean };
      });
      expect(saved.ok).toBe(true);
      await page.locator('.dialog button', { hasText: 'Close' }).click();
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
      await verdict('nonCompliant');
      const form = planner().locator('form.override-form');
      await form.waitFor({ timeout: FRAME_TIMEOUT_MS });
      await planner().getByRole('button', { name: 'Record override' }).click();
      expect(await planner().locator('.field-problem').innerText()).toBe(
        'Enter the reason for the override: it is required.',
      );
      expect(await planner().getByLabel('Reason (required)').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await shot('planner-override-required-light');
      await planner()
        .getByLabel('Reason (required)')
        .fill('Checkout launch: agreed with the SRE lead.');
      await planner().getByLabel('Reason (required)').press('Tab');
      await page.keyboard.press('Enter');
      await planner().locator('.override-reason').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await planner().locator('.override-reason').innerText()).toBe(
        'Checkout launch: agreed with the SRE lead.',
      );
      expect(await planner().locator('.override-last').innerText()).toContain('Overridden by you');
      expect(await planner().locator('.notice').innerText()).toBe(
        'Override recorded in the project’s audit log.',
      );
      await shot('planner-override-light');
    });

    it('looks right in the dark theme, and as the member', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await expect
        .poll(() => page.locator('select[name="accountId"]').inputValue())
        .toBe(MEMBER_ACCOUNT_ID);
      await openOnActiveSprint();
      await verdict('nonCompliant');
      // The frame follows the host's theme (no background of its own: it shows the dialog's
      // surface); its text is @atlaskit/tokens' dark color.text, #CECFD2.
      expect(await planner().locator('html').getAttribute('data-color-mode')).toBe('dark');
      const text = await planner()
        .locator('body')
        .evaluate((body) => {
          // Runs in the frame; the test's tsconfig has no DOM types.
          type Styles = { getComputedStyle: (e: unknown) => { color: string } };
          return (globalThis as unknown as Styles).getComputedStyle(body).color;
        });
      expect(text).toBe('rgb(206, 207, 210)');
      await shot('planner-broken-dark');
      // The moves differ from the first test's: the issue trigger classified the items it moved
      // (sub-tasks inherit their parent's type), which the planner counts from then on.
      await planner()
        .getByRole('button', { name: /^Apply \d+ moves?$/ })
        .click();
      await verdict('compliant');
      await shot('planner-applied-dark');
      await planner().getByRole('button', { name: 'Undo rebalance' }).click();
      await verdict('nonCompliant');
      await page.emulateMedia({ colorScheme: 'light' });
    });
  },
);
