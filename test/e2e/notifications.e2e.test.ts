/**
 * Notifications in a real browser on the whole sandbox (issue #22 item 4), with the `frozen` demo:
 * a project admin turns them on in Project settings → Notifications (Jira email with a notices
 * issue Ballast creates, and a Slack webhook at the sandbox's own receiver); the fiveMinute job
 * notices the freeze, and the sandbox's Notifications page shows the email Jira queued and the
 * Slack message, once; then a pipeline's `ballast gate check` is held (exit 8), an admin records a
 * freeze override and the same check lets the release go. The member sees the section read-only.
 * Screenshots, light and dark, as the admin and the member, go to artifacts/screenshots/.
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

const SETTINGS = 'ballast-project-settings';
const PAGE = 'ballast-project-page';
skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'notifications: freeze → notice → gate check held → override → allowed, in Chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    let env: BrowserSandbox | undefined;
    let secret = '';
    let feature = '';
    const frame = (module: string): FrameLocator =>
      page.frameLocator(`iframe[data-module-key="${module}"]`);

    async function invoke<T>(module: string, functionKey: string, payload: unknown): Promise<T> {
      const inner = page.frame({ url: new RegExp(`__frame/${module}`) })!;
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

    async function gateCheck(): Promise<{ code: number; out: string }> {
      let out = '';
      const code = await main(
        [
          'gate',
          'check',
          '--target',
          `${sandbox.url}/x1/ballast-gate-check`,
          '--secret-file',
          'push-secret',
          '--project',
          'SHOP',
          '--keys',
          feature,
        ],
        {
          readFile: () => secret,
          stdout: (t) => (out += t),
          stderr: (t) => (out += t),
          sleep: () => Promise.resolve(),
          env: {},
        },
      );
      return { code, out };
    }

    async function openNotifySection(): Promise<void> {
      await frame(SETTINGS).locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await frame(SETTINGS).getByRole('button', { name: 'Notifications', exact: true }).click();
      await frame(SETTINGS)
        .getByText('Ballast tells people once per change')
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
    }

    async function shots(target: 'frame' | 'page', name: string): Promise<void> {
      await page.mouse.move(0, 0);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const path = join(SCREENSHOTS, `${name}-${scheme}.png`);
        if (target === 'frame')
          await page.locator(`iframe[data-module-key="${SETTINGS}"]`).screenshot({ path });
        else await page.screenshot({ path, fullPage: true });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    beforeAll(async () => {
      env = await openBrowserSandbox({
        name: 'notifications',
        viewport: { width: 1280, height: 1400 },
        appSeed: 'frozen',
      });
      ({ sandbox, page } = env);
      const { jira } = sandbox;
      const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
      const fresh = new Set(
        jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id),
      );
      const medium = jira.state.priorities.find((p) => p.name === 'Medium')!;
      feature = jira.state.issues.find(
        (i) =>
          i.issueTypeId === story.id &&
          fresh.has(i.statusId) &&
          i.priorityId === medium.id &&
          i.labels.length === 0 &&
          i.parentId === null &&
          ((i.properties.ballast as { workType?: string } | undefined)?.workType ?? 'feature') ===
            'feature',
      )!.key;
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      await frame(PAGE).locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      secret = (await invoke<{ secret: string }>(PAGE, 'push/rotateSecret', {})).secret;
    }, 240_000);
    afterAll(() => env?.close());

    it('an admin turns on Jira email and a Slack webhook; a malformed URL is refused naming the field', async () => {
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      await openNotifySection();
      const f = frame(SETTINGS);
      await f.getByLabel('Email the notices through Jira').check();
      expect(await f.getByLabel('Create a “Ballast notices” issue when I save').isChecked()).toBe(
        true,
      );
      await f
        .getByLabel('Also these people (Atlassian account ids, one a line)')
        .fill(ADMIN_ACCOUNT_ID);
      await f.getByLabel('Service').selectOption('slack');
      await f.getByLabel('Webhook URL').fill('https://hooks.slack.com/oops');
      await f.getByRole('button', { name: 'Save notifications' }).click();
      await f.locator('.notify [role="alert"]').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await f.locator('.notify [role="alert"]').textContent()).toContain(
        'webhook.url: the Slack webhook URL is not a Slack incoming webhook',
      );
      expect(await f.getByLabel('Webhook URL').getAttribute('aria-invalid')).toBe('true');
      await f.getByLabel('Webhook URL').fill(`${sandbox.url}/__webhooks/slack/sre-oncall`);
      await f.getByRole('button', { name: 'Save notifications' }).click();
      await f
        .getByText('Saved. Ballast tells people from the next change on.')
        .waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await f.getByLabel('Notices issue').inputValue()).toMatch(/^SHOP-\d+$/);
      expect(await f.locator('.notify').textContent()).toContain('Ada Okafor');
    });

    it('the freeze is notified once: the Jira email and the Slack message on the Notifications page', async () => {
      await sandbox.runScheduled('ballast-slo-refresh');
      await sandbox.idle();
      await sandbox.runScheduled('ballast-slo-refresh');
      await sandbox.idle();
      await page.goto(`${sandbox.url}/projects/SHOP/notifications`);
      const mails = page.locator('li.mail', { hasText: 'error-budget gate is frozen' });
      expect(await mails.count()).toBe(1);
      expect(await mails.first().locator('.mail-subject').textContent()).toBe(
        '[Ballast] SHOP: the error-budget gate is frozen',
      );
      expect(await mails.first().textContent()).toContain('To Ada Okafor, the watchers of SHOP-');
      expect(await mails.first().textContent()).toContain('policy: freeze at or below 0%');
      const slack = page.locator('li.webhook-message[data-kind="slack"]', {
        hasText: 'error-budget gate is frozen',
      });
      expect(await slack.count()).toBe(1);
      expect(await slack.textContent()).toContain('answered 200');
      await shots('page', 'sandbox-notifications');
      // The notice's link opens the project page.
      const link = /Ballast for SHOP: (\S+)/.exec((await mails.first().textContent()) ?? '')![1]!;
      await page.goto(link);
      await frame(PAGE).locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      // The settings show what the last delivery did.
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      await openNotifySection();
      await expect
        .poll(() => frame(SETTINGS).locator('.delivery[data-ok="true"]').count(), {
          timeout: FRAME_TIMEOUT_MS,
        })
        .toBe(2);
      await shots('frame', 'project-settings-notifications-admin');
    });

    it('the pipeline is held while frozen, and goes with an override', async () => {
      const held = await gateCheck();
      expect(held.code, held.out).toBe(8);
      await page.goto(`${sandbox.url}/projects/SHOP/ballast`);
      await frame(PAGE).locator('nav.tabs').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await invoke(PAGE, 'gate/recordOverride', { reason: 'Hotfix for checkout', hours: 2 });
      const allowed = await gateCheck();
      expect(allowed.code, allowed.out).toBe(0);
      expect(allowed.out).toContain('Override in force: by Ada Okafor');
      // An override changes no state: no second gate notice.
      await sandbox.runScheduled('ballast-slo-refresh');
      await sandbox.idle();
      expect(sandbox.jira.mail.filter((m) => m.subject.includes('error-budget gate'))).toHaveLength(
        1,
      );
    });

    it('shows the member the section read-only', async () => {
      await switchUser(page, MEMBER_ACCOUNT_ID);
      await page.goto(`${sandbox.url}/__frame/${SETTINGS}/index.html?projectKey=SHOP`);
      await page.locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      await page.getByRole('button', { name: 'Notifications', exact: true }).click();
      await page.getByText('Only project administrators can change where notices go.').waitFor();
      expect(await page.getByLabel('Email the notices through Jira').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save notifications' }).count()).toBe(0);
      // People by name, never by account id.
      expect(await page.locator('.notify-people').textContent()).toBe(
        'Also these people: Ada Okafor',
      );
      expect(await page.locator('.notify').textContent()).not.toContain(ADMIN_ACCOUNT_ID);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({
          path: join(SCREENSHOTS, `project-settings-notifications-member-${scheme}.png`),
          fullPage: true,
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });
  },
);
