/**
 * The suggestion and the gate line in a real browser: the sandbox with the `frozen` app seed (the
 * checkout availability budget spent), headless Chromium on the shell's issue view. An unclassified
 * Task shows the suggestion, "Use this" sets the type by hand; an untagged Story (feature by rule)
 * shows the gate line. Screenshots, light and dark, go to artifacts/screenshots/ (git-ignored).
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from '../e2e/browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice } from '../e2e/browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from '../e2e/frames';

const run = chromiumAvailable || mustRun;
skipNotice();

describe.skipIf(!run)(
  'issue panel suggestion and gate in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let sandbox: Sandbox;
    let page: Page;

    let env: BrowserSandbox | undefined;

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'suggestion',
        viewport: { width: 1400, height: 1000 },
        appSeed: 'frozen',
        anchor: null,
      });
      ({ sandbox, page } = env);
    }, 180_000);

    afterAll(() => env?.close());

    /** Parentless, unlabelled issues of a type that no person tagged: only the issue type decides. */
    const untagged = (typeName: string): string[] => {
      const state = sandbox.jira.state;
      const type = state.issueTypes.find((t) => t.name === typeName)!;
      return state.issues
        .filter(
          (i) =>
            i.issueTypeId === type.id &&
            (i.properties.ballast as { workTypeSource?: { kind?: string } } | undefined)
              ?.workTypeSource?.kind !== 'manual' &&
            !i.parentId &&
            i.labels.length === 0,
        )
        .map((i) => i.key);
    };

    const panel = (): FrameLocator =>
      page.frameLocator('iframe[data-module-key="ballast-issue-panel"]');

    async function shots(name: string): Promise<void> {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(SCREENSHOTS, `issue-panel-${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    it('shows the suggestion for an unclassified item, and "Use this" sets it by hand', async () => {
      let suggested: string | undefined;
      for (const issueKey of untagged('Task')) {
        await page.goto(`${sandbox.url}/browse/${issueKey}`);
        await panel().locator('main.panel').waitFor({ timeout: FRAME_TIMEOUT_MS });
        if ((await panel().locator('.suggestion').count()) > 0) {
          suggested = issueKey;
          break;
        }
      }
      if (suggested === undefined)
        throw new Error('no unclassified Task of the seed got a suggestion');
      const note = panel().locator('[aria-label="Suggested category"]');
      expect(await note.textContent()).toMatch(
        /^Suggested: (Feature|Debt|Toil|Reliability) — \d{1,3}% confident, learned from \d+ tagged items/,
      );
      await shots('suggestion');
      const type = (await note.locator('.lozenge').textContent())!;
      await note.getByRole('button', { name: /^Use this/ }).click();
      await expect
        .poll(() => panel().locator('.work-type-row').textContent(), { timeout: FRAME_TIMEOUT_MS })
        .toBe(`${type}Set by hand`);
      expect(await panel().locator('.suggestion').count()).toBe(0);
      const stored = sandbox.jira.state.issues.find((i) => i.key === suggested)?.properties.ballast;
      expect(stored).toMatchObject({
        workType: type.toLowerCase(),
        workTypeSource: { kind: 'manual' },
      });
    });

    it('shows the gate line for feature work while the project is FROZEN', async () => {
      const [story] = untagged('Story');
      await page.goto(`${sandbox.url}/browse/${story}`);
      const gate = panel().locator('section.gate');
      await gate.waitFor({ timeout: FRAME_TIMEOUT_MS });
      const text = (await gate.textContent())!;
      expect(text).toContain('Error budget gate: Frozen — feature work cannot start');
      expect(text).toContain('checkout-availability');
      expect(text).toContain('Way out: ');
      await shots('gate-frozen');
    });

    it('lets the project admin override the freeze in the planner, and the story may then start', async () => {
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
      const planner = page.frameLocator('iframe[data-module-key="ballast-planner-sprint"]');
      await planner.locator('[data-gate="FROZEN"]').waitFor({ timeout: FRAME_TIMEOUT_MS });
      const section = planner.locator('section.freeze-override');
      await section.getByLabel('Reason (required)').fill('Black Friday launch agreed with the CTO');
      await section.getByLabel('For').selectOption('4');
      await section.getByRole('button', { name: 'Allow feature work' }).click();
      const banner = planner.locator('[data-gate="FROZEN"] .gate-override');
      await banner.waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await banner.textContent()).toContain('feature work may start until');
      expect(await section.locator('[data-override-active]').textContent()).toContain(
        'Black Friday launch agreed with the CTO',
      );
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page
          .locator('.dialog')
          .screenshot({ path: join(SCREENSHOTS, `planner-freeze-override-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });

      const [story] = untagged('Story');
      await page.goto(`${sandbox.url}/browse/${story}`);
      const gate = panel().locator('section.gate');
      await gate.waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await gate.textContent()).toContain('this item may start under an override');
      expect(await gate.textContent()).toContain('Black Friday launch agreed with the CTO');
    });

    it('shows no gate line for reliability work', async () => {
      const [bug] = untagged('Bug');
      await page.goto(`${sandbox.url}/browse/${bug}`);
      await panel().locator('main.panel').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await panel().locator('.lozenge-reliability').count()).toBeGreaterThan(0);
      expect(await panel().locator('section.gate').count()).toBe(0);
    });
  },
);
