/**
 * Frames that never look broken (issue #18, item 8), in the sandbox with the Jira fault knobs
 * (sandbox/jira/faults.ts): at 1.2 s of latency on every Jira call each app paints its skeleton
 * first (an accessible "Loading …" status) and then its content; with every Jira call answered
 * 5xx each app shows the shared error frame — what failed, the backend's words, Retry — whole
 * inside its iframe (the issue panel at 320 px, the context at 250 px), and Retry, once Jira is
 * back, loads the content in place. Screenshots go to artifacts/screenshots (frames-*.png).
 */
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID, NO_FAULTS } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

skipNotice();

const LATENCY_MS = 1200;
/** The project page's subpages after Overview (manifest.yml `pages`). */
const SUBPAGES = ['SLOs', 'Capacity', 'Delivery', 'Toil & debt', 'Incidents'];

interface App {
  readonly name: string;
  readonly module: string;
  /** Opens the shell page that frames the app. */
  open(page: Page, url: string): Promise<void>;
  /** Present once the app shows its content (not loading, not failed). */
  readonly content: string;
  /** A narrow host column to check the frame in (px), as Jira's issue view gives. */
  readonly width?: number;
  /** Shown in a modal of fixed size, which scrolls a long page instead of growing. */
  readonly inDialog?: boolean;
  /** Jira frames project settings for project administrators only (as the shell does). */
  readonly adminOnly?: boolean;
}

const APPS: readonly App[] = [
  {
    name: 'issue-panel',
    module: 'ballast-issue-panel',
    open: (page, url) => page.goto(`${url}/browse/SHOP-12`).then(() => undefined),
    content: '[aria-label="Ballast for SHOP-12"]',
    width: 320,
  },
  {
    name: 'issue-context',
    module: 'ballast-issue-context',
    open: (page, url) => page.goto(`${url}/browse/SHOP-12`).then(() => undefined),
    content: '.context',
    width: 250,
  },
  {
    name: 'sprint-planner',
    module: 'ballast-planner-sprint',
    open: async (page, url) => {
      await page.goto(`${url}/projects/SHOP/backlog`);
      await page
        .locator('section.sprint:has(.state-active) button', { hasText: 'Plan with Ballast' })
        .click();
    },
    content: 'main.planner',
    inDialog: true,
  },
  {
    name: 'project-page',
    module: 'ballast-project-page',
    open: (page, url) => page.goto(`${url}/projects/SHOP/ballast`).then(() => undefined),
    content: '.freshness',
  },
  {
    name: 'project-settings',
    module: 'ballast-project-settings',
    open: (page, url) => page.goto(`${url}/projects/SHOP/settings`).then(() => undefined),
    content: 'h1.settings-title',
    adminOnly: true,
  },
];

/**
 * Records, in every frame, what #root first held when it stopped being empty (checked before each
 * paint) and when, so the test can tell what the first painted screen was.
 */
const RECORD_FIRST_PAINT = `(() => {
  const check = () => {
    const first = document.getElementById('root')?.firstElementChild;
    if (first) window.__firstRoot = { className: first.className, at: performance.now() };
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

type FirstRoot = { className: string; at: number } | undefined;

/** The frame's document against its viewport (browser-side, as a string: no DOM types here). */
const layoutOf = (selector: string) => `(() => {
  const rect = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
  const root = document.documentElement;
  return {
    bottom: rect ? rect.bottom : 1e9,
    right: rect ? rect.right : 1e9,
    scrollHeight: root.scrollHeight,
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
  };
})()`;
interface Layout {
  bottom: number;
  right: number;
  scrollHeight: number;
  scrollWidth: number;
  clientWidth: number;
}

describe.skipIf(!(chromiumAvailable || mustRun))(
  'frames under latency and Jira 5xx',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 8 },
  () => {
    let env: BrowserSandbox | undefined;
    let sandbox: Sandbox;
    let page: Page;

    const locatorOf = (app: App): FrameLocator =>
      page.frameLocator(`iframe[data-module-key="${app.module}"]`);
    const frameOf = (app: App): Frame => {
      const frame = page.frames().find((f) => f.url().includes(`__frame/${app.module}`));
      if (!frame) throw new Error(`no frame of ${app.module}`);
      return frame;
    };
    async function shoot(app: App, what: string): Promise<void> {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page
          .locator(`iframe[data-module-key="${app.module}"]`)
          .screenshot({ path: join(SCREENSHOTS, `frames-${app.name}-${what}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    /** Narrows the app's iframe to its host column's width, as Jira's issue view does. */
    async function narrow(app: App): Promise<void> {
      if (app.width === undefined) return;
      await page.locator(`iframe[data-module-key="${app.module}"]`).evaluate((el, width) => {
        (el as unknown as { style: { width: string } }).style.width = `${width}px`;
      }, app.width);
    }
    /**
     * Nothing of the frame's document is cut off: the iframe is as tall as its content (the host
     * follows the size the frame reports) and nothing is wider than the frame.
     */
    async function expectUnclipped(app: App, selector: string, whole = true): Promise<void> {
      const iframe = page.locator(`iframe[data-module-key="${app.module}"]`);
      await expect
        .poll(
          async () => {
            const box = await iframe.boundingBox();
            const inner = await frameOf(app).evaluate<Layout>(layoutOf(selector));
            const height = box?.height ?? 0;
            const tallEnough =
              !whole || app.inDialog === true || inner.scrollHeight <= Math.ceil(height);
            return (
              (!whole || inner.bottom <= height) &&
              tallEnough &&
              inner.right <= inner.clientWidth &&
              inner.scrollWidth <= inner.clientWidth
            );
          },
          { timeout: FRAME_TIMEOUT_MS },
        )
        .toBe(true);
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({ name: 'frames', viewport: { width: 1300, height: 1000 } });
      ({ sandbox, page } = env);
      await page.addInitScript({ content: RECORD_FIRST_PAINT });
    }, 300_000);

    afterAll(async () => {
      sandbox?.jira.faults.update(NO_FAULTS);
      await env?.close();
    });

    it('paints a skeleton first at 1.2 s of Jira latency, then the content', async () => {
      sandbox.jira.faults.update({ latencyMs: LATENCY_MS });
      const measured: string[] = [];
      try {
        for (const app of APPS) {
          await app.open(page, sandbox.url);
          const frame = locatorOf(app);
          const skeleton = frame.locator('.skeleton[role="status"][aria-busy="true"]');
          await skeleton.first().waitFor({ timeout: FRAME_TIMEOUT_MS });
          expect(await skeleton.first().textContent(), app.name).toMatch(/^Loading .+…$/);
          if (app.name === 'issue-panel') {
            // The shimmer stops for people who ask for reduced motion (the bones stay).
            const animation = `getComputedStyle(document.querySelector('.skeleton-bone')).animationName`;
            await page.emulateMedia({ reducedMotion: 'reduce' });
            expect(await frameOf(app).evaluate<string>(animation)).toBe('none');
            await page.emulateMedia({ reducedMotion: 'no-preference' });
            expect(await frameOf(app).evaluate<string>(animation)).toBe('skeleton-shimmer');
          }
          await narrow(app);
          await shoot(app, 'loading');
          await frame
            .locator(app.content)
            .first()
            .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
          const contentAt = await frameOf(app).evaluate<number>('performance.now()');
          const first = await frameOf(app).evaluate<FirstRoot>('window.__firstRoot');
          // The first thing the frame painted was the skeleton, long before the content came.
          expect(first?.className, app.name).toContain('skeleton');
          expect(contentAt - (first?.at ?? contentAt), app.name).toBeGreaterThan(LATENCY_MS);
          measured.push(
            `${app.name}: skeleton at ${Math.round(first?.at ?? 0)} ms, content by ${Math.round(contentAt)} ms`,
          );
          expect(await frame.locator('[role="alert"]').count(), app.name).toBe(0);
        }
      } finally {
        sandbox.jira.faults.update(NO_FAULTS);
        console.info(measured.join('\n'));
      }
    });

    for (const role of ['admin', 'member'] as const) {
      it(`shows each app's error whole with Retry under Jira 5xx, and Retry loads it (${role})`, async () => {
        if (role === 'member') await switchUser(page, MEMBER_ACCOUNT_ID);
        for (const app of APPS.filter((a) => role === 'admin' || a.adminOnly !== true)) {
          await app.open(page, sandbox.url);
          const frame = locatorOf(app);
          await frame
            .locator(app.content)
            .first()
            .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
          await narrow(app);
          // Jira now fails every call; the frame loads again (as when the issue view reopens it).
          sandbox.jira.faults.update({ rate5xx: 1 });
          try {
            await frameOf(app).evaluate('window.location.reload()');
            const alert = frame.locator('.load-failure[role="alert"]');
            await alert.waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
            expect(await alert.locator('.message-title').textContent(), app.name).toMatch(
              /^Ballast couldn’t load /,
            );
            const retry = alert.getByRole('button', { name: 'Retry' });
            expect(await retry.isVisible(), app.name).toBe(true);
            await expectUnclipped(app, '.load-failure');
            await shoot(app, `error-${role}`);
            if (app.name === 'project-page')
              for (const tab of SUBPAGES) {
                // Each subpage loads its own figures, and fails with the same frame.
                await frame.locator('nav.tabs a', { hasText: tab }).click();
                await expect
                  .poll(() => frame.locator('h1.page-title').textContent(), {
                    timeout: FRAME_TIMEOUT_MS,
                  })
                  .toBe(tab);
                await alert.waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
                expect(await retry.isVisible(), tab).toBe(true);
                await expectUnclipped(app, '.load-failure');
              }
          } finally {
            sandbox.jira.faults.update(NO_FAULTS);
          }
          await frame.getByRole('button', { name: 'Retry' }).click();
          await frame
            .locator(app.content)
            .first()
            .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
          expect(await frame.locator('.load-failure').count(), app.name).toBe(0);
          // The content's height is the host's to follow (a modal scrolls); its width is ours.
          await expectUnclipped(app, app.content, !app.inDialog);
          if (role === 'admin') await shoot(app, 'retried');
        }
      });
    }
  },
);
