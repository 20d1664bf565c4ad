/**
 * The project page in a real browser on the sandbox: the admin points Ballast at board 1, the page
 * computes its first snapshot (through the app's async-event queue) and updates itself, and every
 * subpage shows figures from the seed. Screenshots of each subpage, light and dark, go to the
 * git-ignored artifacts/screenshots folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

const ROOT = process.cwd();
const MODULE = 'ballast-project-page';

skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'project page',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    const frame = (): FrameLocator => page.frameLocator(`iframe[data-module-key="${MODULE}"]`);

    /** A resolver call from a framed module, through the bridge as the signed-in user. */
    async function invoke(moduleKey: string, functionKey: string, payload: unknown = {}) {
      const handle = page.frame({ url: new RegExp(`__frame/${moduleKey}`) });
      if (!handle) throw new Error(`${moduleKey} frame missing`);
      return handle.evaluate(
        async ({ functionKey, payload }) => {
          type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
          const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
          return (await bridge.callBridge('invoke', { functionKey, payload })) as {
            ok: boolean;
            data?: { config: Record<string, unknown>; version: number };
          };
        },
        { functionKey, payload },
      );
    }

    async function openTab(title: string) {
      await frame().locator('nav.tabs a', { hasText: title }).click();
      await expect
        .poll(() => frame().locator('h1.page-title').textContent(), { timeout: FRAME_TIMEOUT_MS })
        .toBe(title);
      await frame()
        .locator('.freshness')
        .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
    }

    async function shots(name: string) {
      const element = page.locator(`iframe[data-module-key="${MODULE}"]`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await element.screenshot({ path: join(SCREENSHOTS, `project-page-${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    let env: BrowserSandbox | undefined;

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'project-page',
        viewport: { width: 1400, height: 1000 },
      });
      ({ sandbox, page } = env);
    }, 120_000);

    afterAll(() => env?.close());

    it('computes the first snapshot and shows the overview with real figures', async () => {
      // The admin (the shell's default user) chooses the board, as in Project settings → Ballast;
      // the call goes through the issue panel's frame, before the project page is first opened.
      const PANEL = 'ballast-issue-panel';
      await page.goto(`${sandbox.url}/browse/SHOP-12`);
      await page
        .frameLocator(`iframe[data-module-key="${PANEL}"]`)
        .locator('#root > *')
        .first()
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
      const settings = await invoke(PANEL, 'settings/get');
      expect(settings.ok).toBe(true);
      const saved = await invoke(PANEL, 'settings/save', {
        config: { ...settings.data!.config, board: { boardId: 1, estimationFieldId: null } },
        version: settings.data!.version,
      });
      expect(saved.ok).toBe(true);
      // The project's SLOs (no SLI data pushed: they show as having no data).
      const imported = await invoke(PANEL, 'slo/import', {
        yaml: readFileSync(join(ROOT, 'test/fixtures/slo/checkout.openslo.yaml'), 'utf8'),
        version: 0,
      });
      expect(imported.ok).toBe(true);
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      await frame().locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      // Pending first, then the page polls until the consumer stored the snapshot.
      await frame()
        .locator('.freshness')
        .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
      const velocity = frame().locator('[data-figure^="Velocity"] .tile-value');
      expect(await velocity.textContent()).toMatch(/^\d+(\.\d)? pts$/);
      expect(await frame().locator('.split-list li').count()).toBe(5);
      expect(await frame().locator('[role="alert"]').count()).toBe(0);
      await shots('overview');
    });

    it('shows the SLOs subpage: the gate and each SLO, without data said plainly', async () => {
      await openTab('SLOs');
      expect(await frame().locator('section.slo').count()).toBeGreaterThan(0);
      expect(await frame().locator('.gate-line .lozenge').textContent()).toBe('No data');
      expect(await frame().locator('section.slo .lozenge-gate-no_data').count()).toBe(
        await frame().locator('section.slo').count(),
      );
      await shots('slos');
    });

    it('shows the capacity subpage with the investment balance chart and its table', async () => {
      await openTab('Capacity');
      const chart = frame().locator('figure.chart').first();
      expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(
        /Committed points by work type, per sprint\. SHOP Sprint 1: Feature \d+ pts/,
      );
      expect(await chart.locator('rect.chart-bar').count()).toBeGreaterThan(8);
      expect(await frame().locator('text=Recommended buffer').count()).toBe(1);
      await shots('capacity');
    });

    it('shows delivery with DORA bands as lozenges and the deployment empty state', async () => {
      await openTab('Delivery');
      expect(await frame().getByText('No deployment data yet').count()).toBeGreaterThan(0);
      const restore = frame().locator('[data-figure="Time to restore"]');
      expect(await restore.locator('.lozenge').textContent()).toMatch(/^(Elite|High|Medium|Low)$/);
      expect(
        await frame().locator('[data-figure="Deployment frequency"] .tile-value').textContent(),
      ).toBe('—');
      await shots('delivery');
    });

    it('shows toil and debt against the cap and the guideline', async () => {
      await openTab('Toil & debt');
      expect(
        await frame()
          .locator('[data-figure="Toil share of completed points"] .tile-value')
          .textContent(),
      ).toMatch(/^\d+%$/);
      expect(await frame().locator('figure.chart').count()).toBe(2);
      await shots('toil-debt');
    });

    it('shows incidents with MTTR and postmortem actions, MTTD without data said plainly', async () => {
      await openTab('Incidents');
      expect(await frame().locator('[data-figure^="MTTR"] .tile-value').textContent()).toMatch(
        /(min|h|days)$/,
      );
      expect(await frame().locator('[data-figure^="MTTD"] .tile-reason').textContent()).toMatch(
        /needs/,
      );
      expect(await frame().locator('table tbody tr').count()).toBeGreaterThan(0);
      await shots('incidents');
    });
  },
);
