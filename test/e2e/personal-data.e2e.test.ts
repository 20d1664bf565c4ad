/**
 * A closed account in a real browser (issue #24): Marco and Ada each record an override of the
 * split (audit log entries) and tick a Definition of Done item; Marco closes his Atlassian account
 * (the sandbox's /__sandbox/accounts/…/close) and the daily personal data job runs. Ada, the
 * project admin, then sees "Former user" where Marco was — in the audit log and beside his tick —
 * and herself as before; every record is still there. Screenshots (light and dark) go to
 * artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { issuePanelData } from '../support/resolver-calls';
import { ACTIVE_SPRINT, dataOf, plannerCaller } from '../integration/planner-support';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

skipNotice();

const ISSUE = 'SHOP-189';
const SETTINGS = 'ballast-project-settings';
const PANEL = 'ballast-issue-panel';

describe.skipIf(!(chromiumAvailable || mustRun))(
  'a closed account reads "Former user"',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let env: BrowserSandbox | undefined;
    let sandbox: Sandbox;
    let page: Page;
    const frame = (key: string): FrameLocator =>
      page.frameLocator(`iframe[data-module-key="${key}"]`);

    async function openIssue() {
      await page.goto(`${sandbox.url}/browse/${ISSUE}`);
      await frame(PANEL)
        .locator(`[aria-label="Ballast for ${ISSUE}"]`)
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
    }

    async function openAuditLog() {
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      await frame(SETTINGS).locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await frame(SETTINGS).getByRole('button', { name: 'Audit log', exact: true }).click();
      await frame(SETTINGS).locator('.audit-who').first().waitFor({ timeout: FRAME_TIMEOUT_MS });
    }

    async function shots(name: string, target: string) {
      await page.mouse.move(0, 0);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page
          .locator(target)
          .screenshot({ path: join(SCREENSHOTS, `personal-data-${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    let manual: string[] = [];

    beforeAll(async () => {
      env = await openBrowserSandbox({ name: 'privacy', viewport: { width: 1280, height: 1000 } });
      ({ sandbox, page } = env);
      const call = plannerCaller(sandbox.forge);
      const current = dataOf(await call('settings/get', {}, ADMIN_ACCOUNT_ID));
      dataOf(
        await call(
          'settings/save',
          { config: { capacity: { enforcement: 'enforce' } }, version: current.version },
          ADMIN_ACCOUNT_ID,
        ),
      );
      const { fingerprint } = dataOf(
        await call('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
      );
      for (const [accountId, reason] of [
        [MEMBER_ACCOUNT_ID, 'Toil items are blocked on a vendor.'],
        [ADMIN_ACCOUNT_ID, 'Release week.'],
      ] as const)
        dataOf(
          await call(
            'planner/override',
            { sprintId: ACTIVE_SPRINT, reason, fingerprint },
            accountId,
          ),
        );
      const view = await issuePanelData(sandbox.forge, 'issue/get', ADMIN_ACCOUNT_ID, {
        issueKey: ISSUE,
      });
      manual = view.dod.items.filter((i) => i.kind === 'manual').map((i) => i.id);
      for (const [accountId, itemId] of [
        [ADMIN_ACCOUNT_ID, manual[0]!],
        [MEMBER_ACCOUNT_ID, manual[1]!],
      ] as const)
        await issuePanelData(sandbox.forge, 'issue/tickDodItem', accountId, {
          issueKey: ISSUE,
          itemId,
          done: true,
        });
    }, 180_000);

    afterAll(() => env?.close());

    it('shows Marco by name before, and "Former user" once his closed account was erased', async () => {
      await openAuditLog();
      const who = frame(SETTINGS).locator('.audit-who');
      expect(await who.allTextContents()).toEqual(['Ada Okafor', 'Marco Silva']);

      const closed = await fetch(
        new URL(`/__sandbox/accounts/${MEMBER_ACCOUNT_ID}/close`, sandbox.jira.url),
        { method: 'POST' },
      );
      expect(closed.status).toBe(200);
      // The daily job, run now through the shell's sandbox-only route.
      const ran = await fetch(`${sandbox.url}/__shell/scheduled/ballast-personal-data`, {
        method: 'POST',
      });
      expect(ran.status).toBe(200);

      await openAuditLog();
      expect(await who.allTextContents()).toEqual(['Ada Okafor', 'Former user']);
      expect(await who.nth(1).getAttribute('title')).toBeNull();
      expect(await frame(SETTINGS).getByText('Toil items are blocked on a vendor.').count()).toBe(
        1,
      );
      await shots('audit-log', `iframe[data-module-key="${SETTINGS}"]`);

      await openIssue();
      const detail = (id: string) =>
        frame(PANEL).locator(`li[data-item-id="${id}"] .check-detail`).first().textContent();
      expect(await detail(manual[0]!)).toMatch(/by you/);
      expect(await detail(manual[1]!)).toMatch(/by Former user/);
      await shots('dod-checklist', `iframe[data-module-key="${PANEL}"]`);
    });
  },
);
