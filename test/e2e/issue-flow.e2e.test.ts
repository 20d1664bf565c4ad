/**
 * An item's way to Done in a real browser against the real sandbox, as the member: tag it with the
 * issue panel's picker, tick its Definition of Done, walk it along SHOP's workflow (Start progress,
 * Request review: the status control offers only the transitions from the current status), try
 * "Complete work" and be refused by the app's workflow validator on that transition (Jira's 400,
 * the validator's message, the status unchanged), tick the rest, close it. Screenshots (light and
 * dark) go to artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import {
  chromiumAvailable,
  mustRun,
  openContext,
  SCREENSHOTS,
  signInAs,
  skipNotice,
  switchUser,
} from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

skipNotice();

/** The debt template's items (src/domain/dod/default-templates.ts): all manual. */
const REQUIRED = [
  ['acceptance-criteria-met', 'Acceptance criteria met'],
  ['code-reviewed', 'Code reviewed'],
  ['tests-pass-in-ci', 'Tests pass in CI'],
  ['behaviour-unchanged', 'Behaviour unchanged'],
] as const;
const TOTAL_ITEMS = 5; // the four required ones and "Docs updated" (optional)

describe.skipIf(!(chromiumAvailable || mustRun))(
  'an issue from tagging to Done in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;
    let issueKey: string;
    let statusBefore: string;
    /** A second such Story, for the page without JavaScript. */
    let otherKey: string;

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'issue-flow',
        viewport: { width: 1280, height: 1000 },
      });
      ({ sandbox, page } = env);
      // An open, untagged Story of the seed without a parent (its type comes from no one else),
      // in To Do: nothing in the app's storage or on the issue has touched its DoD yet.
      const { state } = sandbox.jira;
      const story = state.issueTypes.find((t) => t.name === 'Story')!;
      const toDo = state.statuses.find((s) => s.name === 'To Do')!;
      const [candidate, other] = state.issues.filter(
        (i) =>
          i.issueTypeId === story.id &&
          i.statusId === toDo.id &&
          i.properties.ballast === undefined &&
          i.parentId === null,
      );
      if (candidate === undefined || other === undefined)
        throw new Error('The seed has fewer than two open, untagged Stories.');
      issueKey = candidate.key;
      otherKey = other.key;
      statusBefore = toDo.id;
    }, 120_000);

    afterAll(() => env?.close());

    const panel = (): FrameLocator =>
      page.frameLocator('iframe[data-module-key="ballast-issue-panel"]');
    const context = (): FrameLocator =>
      page.frameLocator('iframe[data-module-key="ballast-issue-context"]');
    const statusButton = () => page.locator('[data-status-button]');
    /** The menu's entries as shown: the transition's name, an arrow and the status it leads to. */
    const menuTexts = async () =>
      (await page.getByRole('menuitem').allTextContents()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
    /** Chooses a transition in the status menu; the page reloads with the issue as it is now. */
    async function move(transitionName: string, statusAfter: string): Promise<void> {
      await statusButton().click();
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('menuitem', { name: transitionName }).click(),
      ]);
      await expect
        .poll(() => shownStatus(), { timeout: FRAME_TIMEOUT_MS })
        .toBe(`Status: ${statusAfter}`);
    }
    /** What the status button says (its text, "Status: " read by screen readers only). */
    const shownStatus = async () => (await statusButton().innerText()).replace(/\s+/g, ' ');
    const issueStatusId = () => sandbox.jira.state.issues.find((i) => i.key === issueKey)!.statusId;
    const progress = () =>
      panel().getByRole('progressbar', { name: 'Definition of Done progress' });
    const checkbox = (itemId: string) =>
      panel().locator(`li[data-item-id="${itemId}"] input[type="checkbox"]`);

    async function tick(itemId: string, doneAfter: number): Promise<void> {
      await checkbox(itemId).check();
      await expect
        .poll(() => progress().getAttribute('aria-valuetext'), { timeout: FRAME_TIMEOUT_MS })
        .toBe(`${doneAfter} of ${TOTAL_ITEMS} done`);
      // Saved, not only shown: the tick is no longer pending.
      await expect
        .poll(() => checkbox(itemId).getAttribute('aria-busy'), { timeout: FRAME_TIMEOUT_MS })
        .not.toBe('true');
    }

    /** The text of the element with keyboard focus in the page, spaces collapsed. */
    const focusedText = () =>
      page.evaluate(() => {
        // Runs in the page; the test's tsconfig has no DOM types.
        type Doc = { activeElement: { textContent: string | null } | null };
        const doc = (globalThis as unknown as { document: Doc }).document;
        return (doc.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
      });

    /** The issue's side column: the status control and, under it, Jira's refusal. */
    const shot = async (name: string) => {
      await page.locator('.issue').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    };

    async function openIssue(): Promise<void> {
      await page.goto(`${sandbox.url}/browse/${issueKey}`);
      await panel()
        .locator(`[aria-label="Ballast for ${issueKey}"]`)
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
    }

    it('as the member: tags the item, ticks its DoD, is refused Done, then closes it', async () => {
      await page.goto(`${sandbox.url}/browse/${issueKey}`);
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await expect
        .poll(() => page.locator('select[name="accountId"]').inputValue())
        .toBe(MEMBER_ACCOUNT_ID);
      await openIssue();

      // The status control shows the status and lists what Jira offers from To Do: one transition.
      expect(await shownStatus()).toBe('Status: To Do');
      expect(await page.getByRole('button', { name: 'Status: To Do', exact: true }).count()).toBe(
        1,
      );
      expect(await statusButton().getAttribute('aria-expanded')).toBe('false');
      await statusButton().click();
      expect(await menuTexts()).toEqual(['Start progress → In Progress']);
      // The menu takes focus; arrow keys move it, Escape closes and gives it back to the button.
      expect(await focusedText()).toBe('Start progress → In Progress');
      await page.keyboard.press('ArrowUp');
      expect(await focusedText()).toBe('Start progress → In Progress');
      await shot('issue-flow-menu-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('issue-flow-menu-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Escape');
      expect(await page.getByRole('menu').count()).toBe(0);
      expect(await focusedText()).toBe('Status: To Do');
      expect(await statusButton().getAttribute('aria-expanded')).toBe('false');

      // Tag it as debt with the picker: chosen by hand.
      await panel().getByLabel('Change category').selectOption('debt');
      await panel().getByRole('button', { name: 'Apply' }).click();
      await panel()
        .getByText('Set by hand', { exact: true })
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await panel().locator('.why').innerText()).toBe('Why: Set by hand to debt.');
      await panel()
        .getByText('Debt — default Definition of Done')
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await progress().getAttribute('aria-valuetext')).toBe(`0 of ${TOTAL_ITEMS} done`);
      expect(await panel().locator('.status-text').innerText()).toBe('4 required items open');

      // One manual item ticked: progress moves, in the panel and in the issue context beside it.
      await tick('acceptance-criteria-met', 1);
      expect(await panel().locator('.status-text').innerText()).toBe('3 required items open');
      await expect
        .poll(() => context().locator('.badge').innerText(), { timeout: FRAME_TIMEOUT_MS })
        .toContain('DoD 1/5');
      await page.emulateMedia({ colorScheme: 'light' });
      await shot('issue-flow-checklist-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('issue-flow-checklist-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // Along the workflow to In Review, where Done is one transition away.
      await move('Start progress', 'In Progress');
      await move('Request review', 'In Review');
      statusBefore = sandbox.jira.state.statuses.find((s) => s.name === 'In Review')!.id;
      await statusButton().click();
      expect(await menuTexts()).toEqual(['Complete work → Done', 'Request changes → In Progress']);

      // Done is refused by the app's validator: Jira's message under the control, status kept.
      await page.getByRole('menuitem', { name: 'Complete work' }).click();
      const refusal = page.locator('.status-control [role="alert"]');
      await refusal.waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await refusal.locator('strong').innerText()).toBe(`${issueKey} was not moved`);
      expect(await refusal.locator('.transition-error-text').innerText()).toBe(
        `${issueKey} cannot be done yet: 3 required items are still open in its Definition of ` +
          'Done: "Code reviewed"; "Tests pass in CI"; "Behaviour unchanged". Complete them in the ' +
          'Ballast panel, then try again.',
      );
      expect(await shownStatus()).toBe('Status: In Review');
      expect(await statusButton().getAttribute('aria-busy')).toBeNull();
      expect(issueStatusId()).toBe(statusBefore);
      await shot('issue-flow-refused-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('issue-flow-refused-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      // Dismissing the message returns focus to the status button.
      await refusal.getByRole('button', { name: 'Dismiss' }).click();
      expect(await refusal.count()).toBe(0);
      expect(await focusedText()).toBe('Status: In Review');

      // The remaining required items ticked: ready to close.
      for (const [index, [itemId]] of REQUIRED.slice(1).entries()) await tick(itemId, index + 2);
      expect(await panel().locator('.status-text').innerText()).toBe('Ready to close');

      // Done, this time with the keyboard: the move succeeds and the page shows the issue as it is.
      await statusButton().focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
      expect(await focusedText()).toBe('Complete work → Done');
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      await expect.poll(() => shownStatus(), { timeout: FRAME_TIMEOUT_MS }).toBe('Status: Done');
      expect(sandbox.jira.state.statuses.find((s) => s.id === issueStatusId())!.name).toBe('Done');
      expect(await page.locator('.status-control [role="alert"]').count()).toBe(0);
      await panel()
        .locator(`[aria-label="Ballast for ${issueKey}"]`)
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await panel().locator('.status-text').innerText()).toBe('Ready to close');
      await shot('issue-flow-done-light');
      await statusButton().click();
      expect(await menuTexts()).toEqual(['Reopen → To Do']);
      await page.keyboard.press('Escape');
    });

    it('works without JavaScript: a plain form, Jira’s refusal on the page, a move that succeeds', async () => {
      const context = await openContext(env!.browser, { javaScriptEnabled: false });
      await signInAs(context, sandbox.url, ADMIN_ACCOUNT_ID); // as the rest of this file
      try {
        const plain = await context.newPage();
        // The status lozenge of the plain form (the hidden menu's entries carry lozenges too).
        const plainStatus = () => plain.locator('.status-control noscript .status');
        await plain.goto(`${sandbox.url}/browse/${otherKey}`);
        expect(await plain.locator('[data-status-button]').isVisible()).toBe(false);
        expect(await plainStatus().textContent()).toBe('To Do');
        // Along the workflow with the plain form: each move reloads the page.
        for (const [transition, status] of [
          ['Start progress', 'In Progress'],
          ['Request review', 'In Review'],
        ] as const) {
          await plain.getByLabel('Move to').selectOption({ label: transition });
          await Promise.all([
            plain.waitForURL(`${sandbox.url}/browse/${otherKey}`),
            plain.getByRole('button', { name: 'Move', exact: true }).click(),
          ]);
          expect(await plainStatus().textContent()).toBe(status);
          expect(await plain.locator('.status-control [role="alert"]').count()).toBe(0);
        }
        // A feature by the rules, nothing ticked: the validator on "Complete work" refuses Done.
        await plain.getByLabel('Move to').selectOption({ label: 'Complete work' });
        const refused = await Promise.all([
          plain.waitForResponse((r) => r.request().method() === 'POST'),
          plain.getByRole('button', { name: 'Move', exact: true }).click(),
        ]).then(([response]) => response);
        expect(refused.status()).toBe(400);
        await plain.locator('.status-control [role="alert"]').waitFor();
        expect(await plain.locator('.transition-error-text').innerText()).toMatch(
          new RegExp(`^${otherKey} cannot be done yet: 5 required items are still open`),
        );
        expect(await plainStatus().textContent()).toBe('In Review');
        // Dismissing needs the script: without it the message has no button that does nothing.
        expect(await plain.getByRole('button', { name: 'Dismiss' }).isVisible()).toBe(false);
        await plain
          .locator('.issue-side')
          .screenshot({ path: join(SCREENSHOTS, 'issue-flow-refused-nojs-light.png') });
      } finally {
        await context.close();
      }
    });
  },
);
