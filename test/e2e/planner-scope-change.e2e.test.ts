/**
 * Issue #17 in a real browser: work removed from the running sprint and a committed item
 * re-estimated after the start show in the sprint planner beside the work added after the start,
 * as the same numbers the project page's Overview shows for the sprint (one backend function:
 * app/metrics/scope-change-view.ts). Screenshots (light and dark, admin and member) go to
 * artifacts/screenshots/planner-scope-change-*.png.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'scope change in the sprint planner and on the project page',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;
    const planner = (): FrameLocator =>
      page.frameLocator('iframe[data-module-key="ballast-planner-sprint"]');
    const projectPage = (): FrameLocator =>
      page.frameLocator('iframe[data-module-key="ballast-project-page"]');

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'scope-change',
        viewport: { width: 1280, height: 1000 },
        // The demo's settings name SHOP's board, so the project page computes its sprints.
        appSeed: 'demo',
      });
      ({ sandbox, page } = env);
    }, 240_000);
    afterAll(() => env?.close());

    /** Two of sprint 9's committed, open, estimated items (put in before it started). */
    function committedItems() {
      const { state } = sandbox.jira;
      const start = Date.parse(state.sprints.find((s) => s.id === 9)!.startDate!);
      return state.issues.filter(
        (i) =>
          i.sprintIds.includes(9) &&
          i.parentId === null &&
          i.statusId !== '10002' &&
          typeof i.custom.customfield_10016 === 'number' &&
          i.changelog.some(
            (entry) =>
              Date.parse(entry.created) < start &&
              entry.items.some(
                (item) => item.fieldId === 'customfield_10020' && /(^|, )9$/.test(item.to ?? ''),
              ),
          ),
      );
    }
    async function jira(method: string, path: string, body: unknown) {
      const response = await fetch(`${sandbox.jira.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-sandbox-account-id': ADMIN_ACCOUNT_ID },
        body: JSON.stringify(body),
      });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
    }
    async function openPlanner() {
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
      await planner().locator('[data-scope-change]').waitFor({ timeout: FRAME_TIMEOUT_MS });
    }
    const shot = async (name: string) => {
      await page.setViewportSize({ width: 1280, height: 2600 });
      await page.locator('.dialog').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await page.setViewportSize({ width: 1280, height: 1000 });
    };

    it('shows the removed and re-estimated work beside the added work, as the Overview does', async () => {
      const [reestimated, removed] = committedItems();
      const removedAtStart = removed!.custom.customfield_10016 as number;
      await jira('PUT', `/rest/agile/1.0/issue/${reestimated!.key}/estimation?boardId=1`, {
        value: String((reestimated!.custom.customfield_10016 as number) + 5),
      });
      await jira('POST', '/rest/agile/1.0/backlog/issue', { issues: [removed!.key] });
      sandbox.jira.searchIndex.catchUp();

      await openPlanner();
      const line = planner().locator('[data-scope-change]');
      expect(await line.getAttribute('data-removed')).toBe(String(removedAtStart));
      expect(await line.getAttribute('data-added')).toBe('17');
      const text = await line.innerText();
      expect(text).toContain('+17 pts added after the start (5 items)');
      expect(text).toContain(
        `−${removedAtStart} ${removedAtStart === 1 ? 'pt' : 'pts'} removed (1 item)`,
      );
      expect(text).toContain('committed work re-estimated +5 pts');
      await shot('planner-scope-change-admin-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('planner-scope-change-admin-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      await switchUser(page, MEMBER_ACCOUNT_ID);
      await openPlanner();
      expect(await planner().locator('[data-scope-change]').innerText()).toBe(text);
      await shot('planner-scope-change-member-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('planner-scope-change-member-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // The Overview's tile for the same sprint, after a refresh: the same numbers.
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      await projectPage().locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await projectPage().getByRole('button', { name: 'Refresh' }).click();
      // The demo's stored figures show at once; wait until the recompute after the edits is in.
      await expect
        .poll(() => projectPage().locator('.freshness').innerText(), {
          timeout: FRAME_TIMEOUT_MS,
        })
        .toContain('Recomputing');
      await expect
        .poll(() => projectPage().locator('.freshness').innerText(), {
          timeout: FRAME_TIMEOUT_MS * 2,
        })
        .not.toContain('Recomputing');
      expect(await projectPage().locator('.freshness > span').textContent()).toBe(
        'Figures computed just now.',
      );
      await page
        .locator('iframe[data-module-key="ballast-project-page"]')
        .screenshot({ path: join(SCREENSHOTS, 'project-page-scope-change-light.png') });
      const tile = projectPage().locator('[data-figure="Scope change since the start"]');
      const tileText = await tile.innerText();
      expect(tileText).toContain(
        `+17 pts added, −${removedAtStart} ${removedAtStart === 1 ? 'pt' : 'pts'} removed`,
      );
      expect(tileText).toContain('committed work re-estimated +5 pts');
      await page
        .locator('iframe[data-module-key="ballast-project-page"]')
        .screenshot({ path: join(SCREENSHOTS, 'project-page-scope-change-light.png') });
    });
  },
);
