/**
 * The shell frames whatever Custom UI modules manifest.yml declares, without edits: a fixture
 * manifest declares a project page, a project settings page, an issue context and a sprint action, all pointing at
 * the real issue-panel bundle (the only one built so far), and each renders through the bridge.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { packageTokens } from '../../scripts/ds-tokens.mjs';
import { loadAppModule } from '../../sandbox/shell/app-module';
import { startSandbox, type Sandbox } from '../../sandbox/shell/sandbox';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import {
  chromiumAvailable,
  launchChromium,
  mustRun,
  openPage,
  SCREENSHOTS,
  signInAs,
} from './browser';
import { BROWSER_TEST_TIMEOUT_MS, renderedText } from './frames';
import { ensureUiBuilt } from './ui-build';

const ROOT = process.cwd();

/** A computed style property of an element, in the page (the tests have no DOM types). */
function computed(el: unknown, property: string): string {
  type Styles = { getComputedStyle: (e: unknown) => Record<string, string> };
  return (globalThis as unknown as Styles).getComputedStyle(el)[property] ?? '';
}

/** A token's colour as the browser computes it: rgb(r, g, b). */
function tokenRgb(name: string, mode: 'light' | 'dark'): string {
  const hex = packageTokens().values.get(name)?.[mode] ?? '';
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The repository's manifest plus four modules that reuse the issue panel's resource. */
function fixtureManifest(): string {
  const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
    modules: Record<string, unknown[]>;
    resources: { key: string; path: string }[];
  };
  const add = (type: string, key: string, title: string) => {
    manifest.modules[type] = [
      ...(manifest.modules[type] ?? []),
      { key, title, resource: 'fixture-ui', resolver: { function: 'resolver' } },
    ];
  };
  add('jira:projectPage', 'fixture-project-page', 'Ballast fixture page');
  add('jira:projectSettingsPage', 'fixture-settings', 'Ballast fixture settings');
  add('jira:issueContext', 'fixture-issue-context', 'Ballast fixture context');
  add('jira:sprintAction', 'fixture-sprint-action', 'Fixture action');
  // Sized as Forge sizes a large modal: 800px wide, 70vh high but at least 720px.
  Object.assign(manifest.modules['jira:sprintAction']!.at(-1)!, { viewportSize: 'large' });
  // The fixture lives in a temporary folder: the real resources keep pointing at the repository.
  manifest.resources = [
    ...manifest.resources.map((r) => ({ ...r, path: join(ROOT, r.path) })),
    { key: 'fixture-ui', path: join(ROOT, 'static', 'issue-panel', 'build') },
  ];
  return stringify(manifest);
}

describe.skipIf(!(chromiumAvailable || mustRun))(
  'modules declared in manifest.yml',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let dir: string;
    let sandbox: Sandbox;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ensureUiBuilt(ROOT);
      dir = mkdtempSync(join(tmpdir(), 'ballast-e2e-modules-'));
      writeFileSync(join(dir, 'manifest.yml'), fixtureManifest());
      sandbox = await startSandbox({
        port: 0,
        stateDir: join(dir, 'state'),
        reset: false,
        rootDir: dir,
        appModule: loadAppModule(ROOT),
        anchor: new Date('2026-03-10T12:00:00Z'),
      });
      browser = await launchChromium();
      page = await openPage(browser, { viewport: { width: 1400, height: 900 } });
      await signInAs(page, sandbox.url, ADMIN_ACCOUNT_ID); // the shell's default is the member
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await sandbox?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    // The fixture modules reuse the issue panel's bundle: it renders (on a page without an issue,
    // the full panel explains that it has none); what matters here is that it ran in the frame.
    const frameText = (moduleKey: string) =>
      renderedText(page.frameLocator(`iframe[data-module-key="${moduleKey}"]`));

    it('frames the project page and names it in the sidebar', async () => {
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      // The sidebar names the first project page: the app's own once it has one, else the fixture's.
      const manifest = parse(readFileSync(join(dir, 'manifest.yml'), 'utf8')) as {
        modules: Record<string, { title?: unknown }[]>;
      };
      expect(await page.locator('.sidebar a[aria-current="page"]').textContent()).toBe(
        manifest.modules['jira:projectPage']?.[0]?.title,
      );
      await frameText('fixture-project-page');
      await page.screenshot({ path: join(SCREENSHOTS, 'fixture-project-page.png') });
    });

    it('frames the project settings page for the admin', async () => {
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      await frameText('fixture-settings');
    });

    it('opens a sprint action in a dialog with the sprint in its context', async () => {
      await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
      expect(await page.locator('.not-built').count()).toBe(0);
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Fixture action' })
        .click();
      await frameText('fixture-sprint-action');
      const frame = page.frame({ url: /__frame\/fixture-sprint-action/ });
      const extension = await frame!.evaluate(async () => {
        type Bridge = {
          callBridge: (c: string) => Promise<{ extension: Record<string, unknown> }>;
        };
        const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
        return (await bridge.callBridge('getContext')).extension;
      });
      expect(extension).toMatchObject({
        type: 'jira:sprintAction',
        project: { key: 'SHOP' },
        // Ids as strings, as Jira hands them over (test/fixtures/forge/contexts.ts).
        board: { id: '1', type: 'scrum' },
        sprint: { id: '9' },
      });
      const dialog = page.getByRole('dialog', { name: 'Fixture action' });
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      expect(await dialog.boundingBox()).toMatchObject({ width: 800, height: 720 });
      await page.screenshot({ path: join(SCREENSHOTS, 'fixture-sprint-action.png') });
      await page.keyboard.press('Escape');
      expect(await dialog.count()).toBe(0);
      expect(await page.locator('button:focus').textContent()).toContain('Fixture action');
    });

    it('follows the dark theme: the shell, its dialog, and the frames once they enable theming', async () => {
      await page.context().addCookies([{ name: 'sandbox-theme', value: 'dark', url: sandbox.url }]);
      try {
        await page.goto(`${sandbox.url}/projects/SHOP/backlog`);
        expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
        const background = (selector: string) =>
          page.locator(selector).evaluate(computed, 'backgroundColor');
        expect(await background('body')).toBe(tokenRgb('--ds-surface', 'dark'));
        await page
          .locator('section.sprint:has(.state-active) button', { hasText: 'Fixture action' })
          .click();
        await frameText('fixture-sprint-action');
        expect(await background('.dialog')).toBe(tokenRgb('--ds-surface-overlay', 'dark'));
        const frame = page.frameLocator('iframe[data-module-key="fixture-sprint-action"]');
        expect(await frame.locator('html').getAttribute('data-color-mode')).toBe('dark');
        const text = await frame.locator('body').evaluate(computed, 'color');
        expect(text).toBe(tokenRgb('--ds-text', 'dark'));
        await page.screenshot({ path: join(SCREENSHOTS, 'fixture-sprint-action-dark.png') });
      } finally {
        await page.context().clearCookies({ name: 'sandbox-theme' });
      }
    });

    it('relays bridge events between the frames of a page, and navigates the shell', async () => {
      await page.goto(`${sandbox.url}/browse/SHOP-12`);
      await frameText('ballast-issue-panel');
      await frameText('fixture-issue-context');
      await page.screenshot({ path: join(SCREENSHOTS, 'fixture-issue-with-context.png') });
      type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
      const panel = page.frame({ url: /__frame\/ballast-issue-panel/ });
      const context = page.frame({ url: /__frame\/fixture-issue-context/ });
      await panel!.evaluate(async () => {
        const g = globalThis as unknown as { __bridge: Bridge; received: unknown[] };
        g.received = [];
        await g.__bridge.callBridge('on', {
          event: 'ballast:changed',
          callback: (payload: unknown) => g.received.push(payload),
        });
      });
      await context!.evaluate(async () => {
        const g = globalThis as unknown as { __bridge: Bridge };
        await g.__bridge.callBridge('emit', { event: 'ballast:changed', payload: { n: 1 } });
      });
      await expect
        .poll(() =>
          panel!.evaluate(() => (globalThis as unknown as { received: unknown[] }).received),
        )
        .toEqual([{ n: 1 }]);
      await Promise.all([
        page.waitForURL(`${sandbox.url}/projects/SHOP/ballast`),
        context!.evaluate(async () => {
          const g = globalThis as unknown as { __bridge: Bridge };
          await g.__bridge.callBridge('navigate', {
            target: 'module',
            moduleKey: 'fixture-project-page',
            type: 'same-tab',
          });
        }),
      ]);
    });
  },
);
