/**
 * The release gate and releases during a freeze, on the whole sandbox with the `frozen` demo in a
 * real browser (issue #22): `ballast gate check` (the CLI, in-process, against the sandbox's web
 * triggers) holds a release while SHOP is FROZEN, a pipeline ships anyway, an exempt item goes,
 * an admin records an override and the same check lets the release go; the Delivery page lists
 * the three releases made during the freeze with what let each through, and the settings audit
 * log shows the same. Screenshots, light and dark, as the admin and the member, go to
 * artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { main } from '../../src/cli/main';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

const PAGE = 'ballast-project-page';
const SETTINGS = 'ballast-project-settings';
skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'the release gate and releases during a freeze in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;
    let secret = '';
    let feature: string;
    let exempt: string;

    const frame = (module: string): FrameLocator =>
      page.frameLocator(`iframe[data-module-key="${module}"]`);

    /** A resolver call from inside the project page's frame, as the shell's current user. */
    async function invoke<T>(functionKey: string, payload: unknown): Promise<T> {
      const inner = page.frame({ url: new RegExp(`__frame/${PAGE}`) })!;
      const answer = (await inner.evaluate(
        async ([key, body]) => {
          type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
          const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
          return bridge.callBridge('invoke', { functionKey: key, payload: body });
        },
        [functionKey, payload] as const,
      )) as { ok: boolean; data: T; error?: { message: string } };
      if (!answer.ok) throw new Error(`${functionKey}: ${answer.error?.message}`);
      return answer.data;
    }

    /** The CLI as a pipeline step runs it, against the sandbox's web triggers. */
    async function ballast(argv: string[]): Promise<{ code: number; out: string }> {
      let out = '';
      const code = await main(argv, {
        readFile: () => secret,
        stdout: (t) => (out += t),
        stderr: (t) => (out += t),
        sleep: () => Promise.resolve(),
        env: {},
      });
      return { code, out };
    }
    const gateCheck = (keys: string) =>
      ballast([
        'gate',
        'check',
        '--target',
        `${sandbox.url}/x1/ballast-gate-check`,
        '--secret-file',
        'push-secret',
        '--project',
        'SHOP',
        '--keys',
        keys,
      ]);
    const deployRecord = (id: string, keys: string) =>
      ballast([
        'deploy',
        'record',
        '--target',
        `${sandbox.url}/x1/ballast-deployment-push`,
        '--secret-file',
        'push-secret',
        '--service',
        'checkout',
        '--environment',
        'production',
        '--status',
        'success',
        '--id',
        id,
        '--issues',
        keys,
      ]);

    async function shots(module: string, name: string) {
      await page.mouse.move(0, 0);
      const element = page.locator(`iframe[data-module-key="${module}"]`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await element.screenshot({ path: join(SCREENSHOTS, `${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    async function openDelivery(): Promise<void> {
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      await frame(PAGE).locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await frame(PAGE).locator('nav.tabs a', { hasText: 'Delivery' }).click();
      await frame(PAGE)
        .locator('section[aria-label="Releases during a freeze"]')
        .waitFor({ timeout: FRAME_TIMEOUT_MS * 2 });
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'gate-check',
        viewport: { width: 1400, height: 1000 },
        appSeed: 'frozen',
      });
      ({ sandbox, page } = env);
      const { jira } = sandbox;
      const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
      const fresh = new Set(
        jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id),
      );
      const medium = jira.state.priorities.find((p) => p.name === 'Medium')!;
      const [a, b] = jira.state.issues.filter(
        (i) =>
          i.issueTypeId === story.id &&
          fresh.has(i.statusId) &&
          i.priorityId === medium.id &&
          i.labels.length === 0 &&
          i.parentId === null &&
          ((i.properties.ballast as { workType?: string } | undefined)?.workType ?? 'feature') ===
            'feature',
      );
      feature = a!.key;
      exempt = b!.key;
      b!.labels.push('security');
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      await frame(PAGE).locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      secret = (await invoke<{ secret: string }>('push/rotateSecret', {})).secret;
    }, 240_000);
    afterAll(() => env?.close());

    it('holds a release while FROZEN, lets an exempt one go, and one under an override', async () => {
      const held = await gateCheck(feature);
      expect(held.code, held.out).toBe(8);
      expect(held.out).toContain(`HELD    ${feature} (feature): feature work is frozen`);
      // The pipeline ships anyway; then an exempt item; both are recorded.
      expect((await deployRecord('release-41', feature)).code).toBe(0);
      const exemptCheck = await gateCheck(exempt);
      expect(exemptCheck.code, exemptCheck.out).toBe(0);
      expect((await deployRecord('release-42', exempt)).code).toBe(0);
      await invoke('gate/recordOverride', { reason: 'Fix for the checkout banner', hours: 4 });
      const allowed = await gateCheck(feature);
      expect(allowed.code, allowed.out).toBe(0);
      expect(allowed.out).toMatch(
        /Override in force: by Ada Okafor until \S+: “Fix for the checkout banner”/,
      );
      expect((await deployRecord('release-43', feature)).code).toBe(0);
    });

    it('lists the releases made during the freeze on the Delivery page, with what let each through', async () => {
      await openDelivery();
      await frame(PAGE).getByRole('button', { name: 'Refresh' }).click();
      await expect
        .poll(() => frame(PAGE).locator('.freshness > span').textContent(), {
          timeout: FRAME_TIMEOUT_MS * 2,
        })
        .toBe('Figures computed just now.');
      const rows = frame(PAGE).locator('table.freeze-releases tbody tr');
      await expect.poll(() => rows.count(), { timeout: FRAME_TIMEOUT_MS }).toBe(3);
      const allowedBy = [0, 1, 2].map((i) => rows.nth(i).getAttribute('data-allowed-by'));
      expect(await Promise.all(allowedBy)).toEqual(['override', 'exempt', 'none']);
      expect(await rows.nth(0).textContent()).toContain(
        'Allowed by the freeze override of Ada Okafor',
      );
      expect(await rows.nth(2).textContent()).toContain('No override or exemption allowed it');
      // People and instants in words: no account id, no ISO string.
      for (const text of await rows.allTextContents()) {
        expect(text).not.toContain('acc-ada-admin');
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      }
      await frame(PAGE)
        .locator('section[aria-label="Releases during a freeze"]')
        .scrollIntoViewIfNeeded();
      await page.setViewportSize({ width: 1400, height: 2400 });
      await shots(PAGE, 'delivery-freeze-releases');
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await openDelivery();
      expect(await frame(PAGE).locator('table.freeze-releases tbody tr').count()).toBe(3);
      await shots(PAGE, 'delivery-freeze-releases-member');
      await page.setViewportSize({ width: 1400, height: 1000 });
    });

    it('shows them in the audit log beside the other entries', async () => {
      // Jira opens project settings to project admins only, as the shell does.
      await switchUser(page, ADMIN_ACCOUNT_ID);
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      await frame(SETTINGS).locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await frame(SETTINGS).getByRole('button', { name: 'Audit log', exact: true }).click();
      const releases = frame(SETTINGS).locator(
        '.audit-entry[data-audit-kind="releaseDuringFreeze"]',
      );
      await expect.poll(() => releases.count(), { timeout: FRAME_TIMEOUT_MS }).toBe(3);
      expect(await releases.nth(0).textContent()).toContain(
        'Deployment release-43: checkout to production, succeeded',
      );
      await page.setViewportSize({ width: 1400, height: 1800 });
      await shots(SETTINGS, 'audit-freeze-releases');
      await page.setViewportSize({ width: 1400, height: 1000 });
    });
  },
);
