/**
 * Overrides that mean what they say, in a real browser on the `frozen` demo (issue #18): the admin
 * records "Allow feature work" in the planner; the planner then holds the sprint to the normal
 * split, the issue panel and context say a feature may start under an override (never "exempt").
 * When the gate leaves FROZEN (the SLO is removed), the planner shows both the freeze override and
 * a split override recorded while frozen as no longer counting. Screenshots, light and dark, as the
 * admin and the member, go to artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

const PLANNER = 'ballast-planner-sprint';
skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'freeze override in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;
    let featureKey: string;

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'freeze-override',
        viewport: { width: 1280, height: 1000 },
        appSeed: 'frozen',
      });
      ({ sandbox, page } = env);
      const { jira } = sandbox;
      const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
      const fresh = new Set(
        jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id),
      );
      const medium = jira.state.priorities.find((p) => p.name === 'Medium')!;
      featureKey = jira.state.issues.find(
        (i) =>
          i.issueTypeId === story.id &&
          fresh.has(i.statusId) &&
          i.priorityId === medium.id &&
          i.labels.length === 0 &&
          i.parentId === null &&
          // Untagged: feature by the Story rule; or tagged feature.
          ((i.properties.ballast as { workType?: string } | undefined)?.workType ?? 'feature') ===
            'feature',
      )!.key;
    }, 120_000);
    afterAll(() => env?.close());

    const planner = (): FrameLocator => page.frameLocator(`iframe[data-module-key="${PLANNER}"]`);
    const shot = async (name: string) => {
      await page.setViewportSize({ width: 1280, height: 2600 });
      await page.locator('.dialog').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await page.setViewportSize({ width: 1280, height: 1000 });
    };

    async function openPlanner(): Promise<void> {
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
      await planner().locator('main.planner').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await planner().locator('[data-verdict]').waitFor({ timeout: FRAME_TIMEOUT_MS });
    }

    /** A resolver call from inside the planner's frame, as the shell's current user. */
    async function invoke(functionKey: string, payload: unknown): Promise<unknown> {
      const frame = page.frame({ url: new RegExp(`__frame/${PLANNER}`) })!;
      return frame.evaluate(
        async ([key, body]) => {
          type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
          const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
          return bridge.callBridge('invoke', { functionKey: key, payload: body });
        },
        [functionKey, payload] as const,
      );
    }

    it('as the admin: records "Allow feature work" and the planner allows feature work', async () => {
      await openPlanner();
      const gate = planner().locator('[data-gate="FROZEN"]');
      expect(await gate.innerText()).toContain(
        'No feature work starts, except exempt items (priority P0/Highest, label security)',
      );
      // Enforce, and record a split override while FROZEN (shown later as recorded then).
      const settings = (await invoke('settings/get', {})) as { data: { version: number } };
      await invoke('settings/save', {
        config: { capacity: { enforcement: 'enforce' } },
        version: settings.data.version,
      });
      const view = (await invoke('planner/evaluate', { sprintId: 9 })) as {
        data: { fingerprint: string };
      };
      await invoke('planner/override', {
        sprintId: 9,
        reason: 'Sprint goal agreed with the team',
        fingerprint: view.data.fingerprint,
      });
      await openPlanner();
      const section = planner().locator('section.freeze-override');
      await section.locator('textarea').fill('Black Friday launch agreed with the CTO');
      await section.getByRole('button', { name: 'Allow feature work' }).click();
      await planner().locator('.gate-override').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await openPlanner();
      const banner = await planner().locator('[data-gate="FROZEN"]').innerText();
      expect(banner).toContain('An override lets feature work start: the normal split applies');
      expect(banner).toContain('Overridden: feature work may start until');
      // Feature work is held to the normal split, not to the freeze's 0: no move says "maximum of 0".
      for (const reason of await planner()
        .locator('li[data-move="out"] .move-reason')
        .allInnerTexts())
        expect(reason).not.toContain('maximum of 0');
      await shot('freeze-override-planner-light');
    });

    it('the issue panel and context say the feature may start under an override', async () => {
      await page.goto(`${sandbox.url}/browse/${featureKey}`);
      const panel = page.frameLocator('iframe[data-module-key="ballast-issue-panel"]');
      const context = page.frameLocator('iframe[data-module-key="ballast-issue-context"]');
      await panel.locator('.gate-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await panel.locator('.gate-title').innerText()).toBe(
        'Error budget gate: Frozen — this item may start under an override',
      );
      const badge = context.locator('.lozenge-gate[data-gate-tone="FROZEN"]');
      await badge.waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await badge.textContent()).toBe('Frozen (overridden)');
      await page.locator('.issue').screenshot({
        path: join(SCREENSHOTS, 'freeze-override-issue-light.png'),
      });
    });

    it('once the gate leaves FROZEN, both overrides are shown as no longer counting', async () => {
      await openPlanner();
      const list = (await invoke('slo/list', {})) as { data: { version: number } };
      await invoke('slo/delete', { name: 'checkout-availability', version: list.data.version });
      await openPlanner();
      const override = planner().locator('[data-override-counts="false"]');
      await override.first().waitFor({ timeout: FRAME_TIMEOUT_MS });
      const banner = await planner().locator('.gate').first().innerText();
      expect(banner).toContain('was recorded while the gate was frozen. It no longer counts');
      expect(await planner().locator('.override-stale').innerText()).toContain(
        'This override no longer counts: it was recorded while the gate was frozen',
      );
      await shot('freeze-override-stale-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await openPlanner();
      await planner().locator('.override-stale').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await shot('freeze-override-stale-dark-member');
      await page.emulateMedia({ colorScheme: 'light' });
    });
  },
);
