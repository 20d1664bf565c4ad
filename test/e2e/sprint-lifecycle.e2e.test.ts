/**
 * Starting and completing a sprint from the backlog in a real browser, as in Jira, against the
 * real sandbox: the admin puts the project in enforce mode, completes the active sprint moving
 * its open issues to the next sprint, starts that sprint, and sees what Ballast's triggers did —
 * the commitment snapshot, the item enforcement moved back with its comment on the issue, and
 * the planner's view of the running sprint. Then the member completes it into a new sprint and
 * meets the Start dialog's checks. Screenshots, light and dark, go to artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import type { SprintCommitment } from '../../src/app/sprint/sprint-commitment';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

const ACTIVE = 9;
const NEXT = 10;
skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'start and complete a sprint in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let env: BrowserSandbox | undefined;
    let sandbox: Sandbox;
    let page: Page;

    beforeAll(async () => {
      env = await openBrowserSandbox({ name: 'sprints', viewport: { width: 1280, height: 900 } });
      ({ sandbox, page } = env);
    }, 120_000);
    afterAll(() => env?.close());

    /** The same view in both themes: the shell follows the browser on "Match browser". */
    async function shots(name: string, target: () => ReturnType<Page['locator']> | Page) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await target().screenshot({ path: join(SCREENSHOTS, `${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const dialog = () => page.getByRole('dialog');
    const sprintSection = (id: number) => page.locator(`section.sprint[data-sprint-id="${id}"]`);
    const backlog = () => `${sandbox.url}/projects/SHOP/backlog`;

    it('as the admin: completes the active sprint into the next one and starts it, and sees what Ballast did', async () => {
      await page.goto(backlog());
      // The admin binds the board and puts the project in enforce mode, through the app's
      // settings resolver (what the settings page saves).
      const saved = await page.evaluate(async () => {
        const invoke = async (functionKey: string, payload: unknown) => {
          const response = await fetch('/__shell/bridge/invoke', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              moduleKey: 'ballast-project-settings',
              target: { projectKey: 'SHOP' },
              functionKey,
              payload,
            }),
          });
          return ((await response.json()) as { body: { ok: boolean; data: { version: number } } })
            .body;
        };
        const current = await invoke('settings/get', {});
        return invoke('settings/save', {
          config: {
            capacity: { enforcement: 'enforce' },
            board: { boardId: 1, estimationFieldId: 'customfield_10016' },
          },
          version: current.data.version,
        });
      });
      expect(saved.ok).toBe(true);

      // No Start sprint while a sprint runs; Complete sprint on the active one.
      expect(await page.getByRole('link', { name: 'Start sprint' }).count()).toBe(0);
      await sprintSection(ACTIVE).getByRole('link', { name: 'Complete sprint' }).click();
      await dialog().waitFor();
      expect(await dialog().getByRole('heading').innerText()).toBe('Complete SHOP Sprint 9');
      const tally = await dialog().locator('[data-sprint-tally]').innerText();
      expect(tally).toMatch(/^This sprint contains \d+ completed issues and \d+ open issues\.$/);
      const open = Number(/and (\d+) open/.exec(tally)?.[1]);
      await dialog().getByLabel('Move open issues to').selectOption(String(NEXT));
      await shots('sprint-complete-dialog-admin', () => dialog());
      await dialog().getByRole('button', { name: 'Complete sprint' }).click();
      await page.waitForURL(`${backlog()}?completed=${ACTIVE}`);
      const completed = page.locator('[data-sprint-notice]');
      expect(await completed.locator('strong').first().innerText()).toBe('SHOP Sprint 9 completed');
      expect(await completed.locator('[data-jira-complete]').innerText()).toContain(
        `${open} open issues (now ${open} in SHOP Sprint 10).`,
      );
      expect(await completed.locator('[data-ballast-outcome]').innerText()).toMatch(
        /^Ballast recorded the outcome: \d+ items done/,
      );
      expect(await sprintSection(ACTIVE).count()).toBe(0);
      await shots('sprint-completed-admin', () => page);

      // Start sprint on the next one: the end date follows the duration.
      await sprintSection(NEXT).getByRole('link', { name: 'Start sprint' }).click();
      await dialog().waitFor();
      expect(await dialog().getByLabel('Sprint name (required)').inputValue()).toBe(
        'SHOP Sprint 10',
      );
      // It starts now (the dialog's default, as in Jira): a start in the past would make the
      // planner and the metrics count the items moved in at completion as added after the start.
      const start = await dialog().getByLabel('Start date (UTC)').inputValue();
      const weeksLater = (weeks: number) =>
        new Date(Date.parse(`${start}:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 16);
      await dialog().getByLabel('Duration').selectOption('3');
      expect(await dialog().getByLabel('End date (UTC)').inputValue()).toBe(weeksLater(3));
      await dialog().getByLabel('Duration').selectOption('2');
      expect(await dialog().getByLabel('End date (UTC)').inputValue()).toBe(weeksLater(2));
      await dialog().getByLabel('Sprint goal').fill('Checkout stays up during the launch');
      await shots('sprint-start-dialog-admin', () => dialog());
      await dialog().getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(`${backlog()}?started=${NEXT}`);

      const commitment = sandbox.readAppRecord(`sprint-commitment:${NEXT}`) as SprintCommitment;
      expect(commitment.movedOut.length).toBeGreaterThan(0);
      const started = page.locator('[data-sprint-notice]');
      expect(await started.locator('[data-ballast-commitment]').innerText()).toContain(
        `Ballast took the commitment snapshot: ${commitment.items.length} items`,
      );
      const moved = started.locator('li[data-moved-key]');
      const movedKeys = await Promise.all(
        (await moved.all()).map((item) => item.getAttribute('data-moved-key')),
      );
      expect(movedKeys).toEqual(commitment.movedOut);
      await shots('sprint-started-admin', () => page);

      // The item's own page shows Ballast's comment; the backlog shows it out of the sprint.
      const first = commitment.movedOut[0]!;
      expect(await sprintSection(NEXT).locator(`li[data-issue-key="${first}"]`).count()).toBe(0);
      await moved.first().getByRole('link', { name: first }).click();
      await page.waitForURL(`${sandbox.url}/browse/${first}`);
      const comment = page.locator('.comment').last();
      expect(await comment.locator('.comment-meta strong').innerText()).toBe('Ballast');
      expect(await comment.innerText()).toContain(
        'Ballast moved this item back to the backlog when SHOP Sprint 10 started',
      );
      await shots('sprint-moved-item-comment-admin', () => page.locator('.comments'));

      // The planner (the app's sprint action) evaluates the running sprint as it is now.
      await page.goto(backlog());
      await sprintSection(NEXT).getByRole('button', { name: 'Plan with Ballast' }).click();
      const planner = page.frameLocator('iframe[data-module-key="ballast-planner-sprint"]');
      await planner.locator('[data-verdict]').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await planner.locator('.plan').getAttribute('data-sprint-id')).toBe(String(NEXT));
      // It counts what was committed at the start as planned, nothing as added after it.
      const committed = commitment.items.reduce((sum, item) => sum + (item.size ?? 0), 0);
      expect(await planner.locator('.capacity-line strong').first().innerText()).toBe(
        `${committed} pts`,
      );
      await shots('sprint-started-planner-admin', () => page.locator('.dialog'));
      await page.locator('.dialog button', { hasText: 'Close' }).click();

      // The project page (computed when first opened) counts the closed sprint and the new one.
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      const projectPage = page.frameLocator('iframe[data-module-key="ballast-project-page"]');
      await projectPage.locator('nav.tabs a', { hasText: 'Capacity' }).click();
      const chart = projectPage.locator('figure.chart svg[role="img"]').first();
      await chart.waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
      const described = (await chart.getAttribute('aria-label')) ?? '';
      expect(described).toMatch(/SHOP Sprint 9: Feature \d+ pts/);
      expect(described).toMatch(/SHOP Sprint 10: Feature \d+ pts/);
      await shots('sprint-project-page-admin', () =>
        page.locator('iframe[data-module-key="ballast-project-page"]'),
      );
    });

    it('as the member, in the dark theme: completes the sprint into a new one and meets the Start checks', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(backlog());
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await expect
        .poll(() => page.locator('select[name="accountId"]').inputValue())
        .toBe(MEMBER_ACCOUNT_ID);
      // Members hold "Manage sprints" in the sandbox's seed, so Jira lets Marco complete it.
      await sprintSection(NEXT).getByRole('link', { name: 'Complete sprint' }).click();
      await dialog().waitFor();
      await dialog().getByLabel('Move open issues to').selectOption('new');
      await page
        .getByRole('dialog')
        .screenshot({ path: join(SCREENSHOTS, 'sprint-complete-dialog-member-dark.png') });
      await dialog().getByRole('button', { name: 'Complete sprint' }).click();
      await page.waitForURL(`${backlog()}?completed=${NEXT}`);
      expect(await page.locator('[data-jira-complete]').innerText()).toMatch(
        /open issues \(now \d+ in SHOP Sprint 11\)\.$/,
      );
      const created = sandbox.jira.state.sprints.find((s) => s.name === 'SHOP Sprint 11');
      expect(created?.state).toBe('future');

      // Escape cancels the dialog, leaving the backlog as it was.
      await sprintSection(created!.id).getByRole('link', { name: 'Start sprint' }).click();
      await dialog().waitFor();
      await page.keyboard.press('Escape');
      await page.waitForURL(backlog());
      expect(await dialog().count()).toBe(0);

      await sprintSection(created!.id).getByRole('link', { name: 'Start sprint' }).click();
      await dialog().getByLabel('Duration').selectOption('custom');
      await dialog().getByLabel('Start date (UTC)').fill('2026-12-04T12:00');
      await dialog().getByLabel('End date (UTC)').fill('2026-12-01T12:00');
      await dialog().getByRole('button', { name: 'Start' }).click();
      const endDate = dialog().getByLabel('End date (UTC)');
      await endDate.waitFor();
      expect(await endDate.getAttribute('aria-invalid')).toBe('true');
      expect(await dialog().locator('.field-error').innerText()).toBe(
        'The end date must be after the start date.',
      );
      // Focus goes to the field with the problem.
      expect(await dialog().locator(':focus').getAttribute('id')).toBe('sprint-endDate');
      await page
        .getByRole('dialog')
        .screenshot({ path: join(SCREENSHOTS, 'sprint-start-refused-member-dark.png') });
      expect(created?.state).toBe('future');
      await page.emulateMedia({ colorScheme: 'light' });
    });
  },
);
