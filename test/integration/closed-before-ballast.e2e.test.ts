/**
 * History before Ballast in a real browser (issue #18): in the demo, Ballast first sees SHOP when
 * the app seed runs its first issue refresh, after eight closed sprints. A Done item of those
 * sprints shows "Closed before Ballast" in the panel and the issue context — no open checklist —
 * for the admin and a member; an unclassified item the model cannot judge says why it has no
 * suggestion. Screenshots, light and dark, go to artifacts/screenshots/ (git-ignored).
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from '../e2e/browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from '../e2e/browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from '../e2e/frames';

const run = chromiumAvailable || mustRun;
skipNotice();

describe.skipIf(!run)(
  'items closed before Ballast, and why there is no suggestion, in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'history',
        viewport: { width: 1400, height: 1000 },
        // What `npm start` seeds: the app's data and its first issue refresh (first sight of SHOP).
        appSeed: 'demo',
      });
      ({ sandbox, page } = env);
    }, 180_000);
    afterAll(() => env?.close());

    const panel = (): FrameLocator =>
      page.frameLocator('iframe[data-module-key="ballast-issue-panel"]');
    const context = (): FrameLocator =>
      page.frameLocator('iframe[data-module-key="ballast-issue-context"]');

    async function shots(name: string): Promise<void> {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(SCREENSHOTS, `issue-panel-${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    it.each([
      ['member', MEMBER_ACCOUNT_ID],
      ['admin', ADMIN_ACCOUNT_ID],
    ])(
      'shows a Done item of a closed sprint as closed before Ballast, as the %s',
      async (role, id) => {
        const done = new Set(
          sandbox.jira.state.statuses.filter((s) => s.category === 'done').map((s) => s.id),
        );
        const story = sandbox.jira.state.issueTypes.find((t) => t.name === 'Story')!;
        const old = sandbox.jira.state.issues.find(
          (i) => done.has(i.statusId) && i.issueTypeId === story.id && i.sprintIds.includes(1),
        )!;
        await page.goto(`${sandbox.url}/browse/${old.key}`);
        await switchUser(page, id);
        const section = panel().locator('section', { hasText: 'Closed before Ballast' });
        await section.waitFor({ timeout: FRAME_TIMEOUT_MS });
        expect(await section.textContent()).toMatch(
          // Dates in the viewer's locale (the sandbox's browser is en-US) and time zone.
          /Resolved on \w{3} \d{1,2}, 2026, \d\d:\d\d [AP]M, before Ballast first saw this project on Nov 20, 2026/,
        );
        expect(await panel().locator('input[type="checkbox"]').count()).toBe(0);
        await context()
          .locator('text=Closed before Ballast')
          .waitFor({ timeout: FRAME_TIMEOUT_MS });
        expect(await context().locator('text=Required and still open').count()).toBe(0);
        await shots(`closed-before-ballast-${role}`);
      },
    );

    it('says why an unclassified item has no suggestion', async () => {
      await switchUser(page, MEMBER_ACCOUNT_ID);
      const open = sandbox.jira.state.issues.filter(
        (i) =>
          (i.properties.ballast as { workType?: string } | undefined)?.workType ===
            'unclassified' && i.parentId === null,
      );
      for (const issue of open) {
        await page.goto(`${sandbox.url}/browse/${issue.key}`);
        await panel().locator('main.panel').waitFor({ timeout: FRAME_TIMEOUT_MS });
        if ((await panel().locator('.suggestion-none').count()) === 0) continue;
        expect(await panel().locator('.suggestion-none').textContent()).toMatch(/^No suggestion: /);
        await shots('no-suggestion');
        return;
      }
      throw new Error('no unclassified item of the demo is without a suggestion');
    });
  },
);
