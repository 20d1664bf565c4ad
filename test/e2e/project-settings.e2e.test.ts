/**
 * The project settings page in a real browser on the sandbox: the admin edits the capacity policy
 * with the share hint updating as they type, saves, is refused by the backend with the field named,
 * and meets a conflict; tests the rules against an issue; imports an OpenSLO file with an error and
 * sees it at its line, then a good file and the SLOs listed; adds an SLO through the form (a refused
 * field marked first); rotates the push secret and sees it once; reads the audit log with names. The member reads everything, cannot edit, and is refused by the server. Screenshots light
 * and dark go to the git-ignored artifacts/screenshots folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Sandbox } from '../../sandbox/shell/sandbox';
import { openBrowserSandbox, type BrowserSandbox } from './browser-sandbox';
import { chromiumAvailable, mustRun, SCREENSHOTS, skipNotice, switchUser } from './browser';
import { BROWSER_TEST_TIMEOUT_MS, FRAME_TIMEOUT_MS } from './frames';

const ROOT = process.cwd();
const MODULE = 'ballast-project-settings';
const GOOD_YAML = readFileSync(join(ROOT, 'test/fixtures/slo/checkout.openslo.yaml'), 'utf8');
// Line 50 of the fixture holds the first SLO's target; 1.5 is not a ratio.
const BAD_YAML = GOOD_YAML.replace('target: 0.999', 'target: 1.5');

interface Answer {
  ok: boolean;
  data?: {
    config: Record<string, unknown> & { capacity: Record<string, unknown> };
    version: number;
  };
  error?: { code: string; message: string };
}

skipNotice();

describe.skipIf(!(chromiumAvailable || mustRun))(
  'project settings page',
  { timeout: BROWSER_TEST_TIMEOUT_MS * 2 },
  () => {
    let sandbox: Sandbox;
    let page: Page;
    const frame = (): FrameLocator => page.frameLocator(`iframe[data-module-key="${MODULE}"]`);

    /** A resolver call from the settings frame, through the bridge as the signed-in user. */
    async function invoke(functionKey: string, payload: unknown = {}): Promise<Answer> {
      const handle = page.frames().find((f) => f.url().includes(`__frame/${MODULE}`));
      if (!handle) throw new Error(`${MODULE} frame missing`);
      return handle.evaluate(
        async ({ functionKey, payload }) => {
          type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
          const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
          return (await bridge.callBridge('invoke', { functionKey, payload })) as Answer;
        },
        { functionKey, payload },
      );
    }

    async function openSettings() {
      await page.goto(`${sandbox.url}/projects/SHOP/settings`);
      await frame().locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
    }

    async function openSection(title: string) {
      await frame().getByRole('button', { name: title, exact: true }).click();
      await expect
        .poll(() => frame().locator('#section-title').textContent(), { timeout: FRAME_TIMEOUT_MS })
        .toBe(title);
    }

    async function shots(name: string) {
      await page.mouse.move(0, 0);
      const element = page.locator(`iframe[data-module-key="${MODULE}"]`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await element.screenshot({
          path: join(SCREENSHOTS, `project-settings-${name}-${scheme}.png`),
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }

    let env: BrowserSandbox | undefined;

    beforeAll(async () => {
      env = await openBrowserSandbox({ name: 'settings', viewport: { width: 1280, height: 1000 } });
      ({ sandbox, page } = env);
    }, 120_000);

    afterAll(() => env?.close());

    it('lets the admin edit the policy with the share hint live, and save it', async () => {
      await openSettings();
      expect(await frame().locator('[aria-label="Read-only"]').count()).toBe(0);
      const sum = frame().locator('#share-sum');
      expect(await sum.textContent()).toContain('add up to 100%');
      await frame().getByLabel('Feature', { exact: true }).fill('50');
      expect(await sum.textContent()).toContain('90%: 10 points short of 100%');
      await frame().getByLabel('Debt', { exact: true }).fill('20');
      expect(await sum.textContent()).toContain('add up to 100%');
      await frame()
        .getByLabel(/^Enforce/)
        .check();
      await frame()
        .getByLabel(/^Scrum board id/)
        .fill('1');
      await shots('capacity-edited');
      await frame().getByRole('button', { name: 'Save', exact: true }).click();
      await frame().getByText('Saved. Ballast uses these settings').waitFor();
      const stored = await invoke('settings/get');
      expect(stored.data?.version).toBe(1);
      expect(stored.data?.config.capacity).toMatchObject({
        targets: { feature: 50, debt: 20, toil: 10, reliability: 10 },
        enforcement: 'enforce',
      });
      expect(stored.data?.config.board).toEqual({ boardId: 1, estimationFieldId: null });
    });

    it('shows the backend’s refusal with the field named, and saves nothing', async () => {
      await frame()
        .getByLabel(/^Tolerance/)
        .fill('-3');
      await frame().getByRole('button', { name: 'Save', exact: true }).click();
      const alert = frame().locator('.save-area [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('"tolerance"');
      expect(await frame().locator('.nav-problem').count()).toBe(1);
      await shots('capacity-refused');
      await frame().getByRole('button', { name: 'Discard changes' }).click();
      expect((await invoke('settings/get')).data?.version).toBe(1);
    });

    it('says someone else saved, and reloads to show their change', async () => {
      const current = await invoke('settings/get');
      // Another admin's save, made after this page read version 1.
      const other = await invoke('settings/save', {
        config: { ...current.data!.config, incidentJql: 'labels = outage' },
        version: current.data!.version,
      });
      expect(other.ok).toBe(true);
      await openSection('Incidents');
      await frame().getByLabel('Incident JQL').fill('issuetype = Incident AND priority = Highest');
      await frame().getByRole('button', { name: 'Save', exact: true }).click();
      await frame().getByText('Someone else saved these settings meanwhile').waitFor();
      await shots('conflict');
      await frame().getByRole('button', { name: 'Reload settings' }).click();
      await expect
        .poll(() => frame().getByLabel('Incident JQL').inputValue())
        .toBe('labels = outage');
    });

    it('adds an automatic DoD item to the feature template and saves a new template version', async () => {
      const before = await invoke('settings/get');
      type Templates = { id: string; workType: string; version: number; items: unknown[] }[];
      const feature = (before.data!.config.dodTemplates as Templates).find(
        (t) => t.workType === 'feature',
      )!;
      await openSection('Definition of Done');
      const template = frame().locator('section.dod-template', {
        has: frame().locator(`#dod-${feature.id}-name`),
      });
      await template.getByRole('button', { name: /^Add item to/ }).click();
      const items = template.locator('li.dod-item');
      const last = items.nth((await items.count()) - 1);
      await last.getByPlaceholder('What must be true').fill('Release notes labelled');
      await last.getByLabel(/^How item \d+ is checked/).selectOption('labelPresent');
      await last.getByPlaceholder('Label').fill('release-notes');
      await last.getByText('Required').click();
      await shots('dod');
      await frame().getByRole('button', { name: 'Save', exact: true }).click();
      await frame().getByText('Saved. Ballast uses these settings').waitFor();
      const after = await invoke('settings/get');
      const saved = (after.data!.config.dodTemplates as Templates).find(
        (t) => t.id === feature.id,
      )!;
      expect(saved.version).toBe(feature.version + 1);
      expect(saved.items[saved.items.length - 1]).toEqual({
        id: 'release-notes-labelled',
        text: 'Release notes labelled',
        required: false,
        kind: 'auto',
        check: { type: 'labelPresent', label: 'release-notes' },
      });
    });

    it('tests unsaved rules against an issue, a new rule moved to the top by keyboard', async () => {
      await openSection('Classification rules');
      const testKey = frame().getByLabel('Issue key');
      await testKey.fill('SHOP-12');
      await frame().getByRole('button', { name: 'Test', exact: true }).click();
      const result = frame().locator('.test-result');
      await result.waitFor();
      const before = await result.textContent();
      await frame().getByRole('button', { name: 'Add rule' }).click();
      const rules = frame().locator('li.rule');
      const count = await rules.count();
      const added = rules.nth(count - 1);
      await added.getByLabel(`Id of rule ${count}`).fill('everything-is-toil');
      await added.getByLabel('tags as').selectOption('toil');
      await added.getByLabel(`Field rule ${count} tests`).selectOption('issueType');
      await added
        .getByLabel(/^Values of rule/)
        .fill('Bug, Story, Task, Epic, Sub-task, Subtask, Incident');
      await added.getByLabel(/^Values of rule/).focus();
      for (let i = 0; i < count - 1; i++) await page.keyboard.press('Alt+ArrowUp');
      expect(await rules.first().getAttribute('aria-label')).toBe(
        `Rule 1 of ${count}: everything-is-toil`,
      );
      expect(
        await frame()
          .getByText('Rule everything-is-toil is now number 1 of', { exact: false })
          .count(),
      ).toBe(1);
      await frame().getByRole('button', { name: 'Test', exact: true }).click();
      await expect.poll(() => result.textContent()).toContain('everything-is-toil');
      expect(await result.locator('.lozenge').textContent()).toBe('Toil');
      expect(before).not.toContain('everything-is-toil');
      await shots('rules');
      await frame().getByRole('button', { name: 'Discard changes' }).click();
    });

    it('shows an OpenSLO import problem at its line, then imports a good file', async () => {
      await openSection('SLOs');
      await frame().getByText('No SLOs yet').waitFor();
      await frame().getByLabel('OpenSLO YAML').fill(BAD_YAML);
      await frame().getByRole('button', { name: 'Import', exact: true }).click();
      const problems = frame().locator('.yaml-problems');
      await problems.waitFor();
      expect(await problems.textContent()).toContain('Line 50');
      expect(await problems.textContent()).toContain('1.5');
      expect(await frame().locator('.gutter-error').getAttribute('data-line')).toBe('50');
      await problems.getByRole('button', { name: 'Line 50' }).click();
      const selected = await frame()
        .getByLabel('OpenSLO YAML')
        .evaluate((area) => {
          const t = area as unknown as {
            value: string;
            selectionStart: number;
            selectionEnd: number;
          };
          return t.value.slice(t.selectionStart, t.selectionEnd);
        });
      expect(selected.trim()).toBe('target: 1.5');
      await shots('slo-problem');
      await frame().getByLabel('OpenSLO YAML').fill(GOOD_YAML);
      await frame().getByRole('button', { name: 'Import', exact: true }).click();
      await frame()
        .getByText(/Imported: the project now has \d+ SLOs/)
        .waitFor();
      await expect.poll(() => frame().locator('table tbody tr').count()).toBeGreaterThan(1);
      expect(await frame().locator('table').textContent()).toContain('Checkout availability');
      expect(await frame().locator('.yaml-problems').count()).toBe(0);
      await shots('slos');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        frame().getByRole('button', { name: 'Download OpenSLO YAML' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('shop-slos.openslo.yaml');
      const exported = readFileSync(await download.path(), 'utf8');
      expect(exported).toContain('name: checkout-availability');
      expect(exported).toContain('kind: SLO');
    });

    it('adds an SLO through the form: the field the backend refuses is marked, then it is listed', async () => {
      await frame().getByRole('button', { name: 'Add an SLO' }).click();
      const form = frame().locator('form.slo-form');
      await form.waitFor();
      await form.getByLabel('Name', { exact: true }).fill('Payments Availability');
      await form.getByLabel('Display name (optional)').fill('Payments availability');
      await form.getByLabel('Service', { exact: true }).fill('checkout');
      await form
        .getByLabel('Description (optional)')
        .fill('99.5% of payment requests succeed over 30 days');
      await form.getByLabel('Good events query').fill('sum(payments_total{code!~"5.."})');
      await form.getByLabel('Total events query').fill('sum(payments_total)');
      await form.getByLabel('Objective', { exact: true }).fill('99.5');
      await form.getByLabel('Window', { exact: true }).selectOption('30d');
      await shots('slo-form');
      await form.getByRole('button', { name: 'Add SLO', exact: true }).click();
      // OpenSLO names are lowercase: the backend refuses it and names the field.
      const name = form.getByLabel('Name', { exact: true });
      await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
      expect(await form.locator('#slo-name-error').textContent()).toContain('is not allowed');
      expect(await frame().locator('table tbody tr').count()).toBe(3);
      await shots('slo-form-refused');
      await name.fill('payments-availability');
      await form.getByRole('button', { name: 'Add SLO', exact: true }).click();
      await frame().getByText('Added the SLO payments-availability.').waitFor();
      expect(await frame().locator('form.slo-form').count()).toBe(0);
      const row = frame().locator('table tbody tr', { hasText: 'Payments availability' });
      expect(await row.textContent()).toContain('99.5%');
      expect(await row.textContent()).toContain('rolling 30 days');
      const listed = (await invoke('slo/list')) as unknown as {
        data: { slos: { name: string }[] };
      };
      expect(listed.data.slos.map((slo) => slo.name)).toContain('payments-availability');
      await shots('slo-added');
      // Editing a stored SLO: its values in the form (a calendar window with Timeslices here).
      await frame().getByRole('button', { name: 'Edit SLO checkout-minutes' }).click();
      const edit = frame().locator('form.slo-form');
      expect(
        await edit.getByLabel('Name', { exact: true }).getAttribute('readonly'),
      ).not.toBeNull();
      expect(await edit.getByLabel('Window', { exact: true }).inputValue()).toBe('month');
      expect(await edit.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
      expect(await edit.getByLabel('A minute is good when at least').inputValue()).toBe('95');
      await shots('slo-edit');
      await edit.getByRole('button', { name: 'Cancel' }).click();
      // Deleting asks first and says what happens to stored SLI data; keep it here.
      await frame().getByRole('button', { name: 'Delete SLO payments-availability' }).click();
      await frame().getByRole('alertdialog').waitFor();
      expect(await frame().getByRole('alertdialog').textContent()).toContain('no SLI data yet');
      await shots('slo-delete');
      await frame().getByRole('button', { name: 'Keep it' }).click();
      expect(await frame().locator('table tbody tr').count()).toBe(4);
    });

    it('rotates the push secret after a confirm step and shows it only once', async () => {
      await openSection('Push API');
      const sliUrl = frame().locator('.push-url code').first();
      await sliUrl.waitFor();
      const url = await sliUrl.textContent();
      expect(url).toMatch(/^https?:\/\//);
      await frame()
        .getByRole('button', { name: /^(Rotate secret|Make a secret)…$/ })
        .click();
      await frame().getByRole('alertdialog').waitFor();
      await frame()
        .getByRole('button', { name: /^(Rotate now|Make the secret)$/ })
        .click();
      const secret = frame().getByLabel('New push secret');
      await secret.waitFor();
      expect(await secret.textContent()).toMatch(/^[0-9a-f]{64}$/);
      const examples = await frame().locator('.new-secret').textContent();
      expect(examples).toContain(`curl -sS '${url}'`);
      expect(examples).toContain(`--target '${url}'`);
      expect(examples).toContain('ballast sli sync');
      await shots('push-secret');
      await openSection('Audit log');
      await frame().getByText('Nothing recorded yet').waitFor();
      // An override recorded in the sprint planner (enforce mode was saved above) shows up here.
      const board = (await invoke('planner/board', { boardId: 1 })) as unknown as {
        data: { selectedSprintId: number };
      };
      const sprintId = board.data.selectedSprintId;
      const plan = (await invoke('planner/evaluate', { boardId: 1, sprintId })) as unknown as {
        data: { fingerprint: string; overrideNeeded: boolean };
      };
      expect(plan.data.overrideNeeded).toBe(true);
      const override = await invoke('planner/override', {
        boardId: 1,
        sprintId,
        fingerprint: plan.data.fingerprint,
        reason: 'Launch promised to a customer; debt work moves to the next sprint',
      });
      expect(override.ok).toBe(true);
      await openSection('Push API');
      await openSection('Audit log');
      await frame().getByText('Launch promised to a customer').waitFor();
      expect(await frame().getByText('Showing 1 of 1, newest first.').count()).toBe(1);
      // The person who recorded it by name, from Jira; the account id on hover.
      const who = frame().locator('.audit-who');
      expect(await who.textContent()).toBe('Ada Okafor');
      expect(await who.getAttribute('title')).toBe('Account id acc-ada-admin');
      await shots('audit');
      await openSection('Push API');
      await frame()
        .getByText(/^Current secret made/)
        .waitFor();
      expect(await frame().getByLabel('New push secret').count()).toBe(0);
    });

    it('maps Jira incidents to services by component, a bad line refused with the section named', async () => {
      await openSection('Incidents');
      const byComponent = frame().getByLabel('Service by component');
      await byComponent.fill('Payments = checkout\nSearch');
      await frame().getByLabel('Default service').fill('checkout');
      await frame().getByRole('button', { name: 'Save', exact: true }).click();
      // "Search" has no service: the backend names the line, and nothing is stored.
      await frame().getByText('byComponent[1]: needs a component and a service').waitFor();
      await byComponent.fill('Payments = checkout\nSearch = search');
      await shots('incident-services');
      await frame().getByRole('button', { name: 'Save', exact: true }).click();
      await frame().getByText('Saved. Ballast uses these settings').waitFor();
      const stored = await invoke('settings/get');
      expect(stored.data?.config.incidentServices).toEqual({
        byComponent: [
          { component: 'Payments', service: 'checkout' },
          { component: 'Search', service: 'search' },
        ],
        otherwise: 'checkout',
      });
    });

    it('shows the member everything read-only, and the server refuses their save', async () => {
      await switchUser(page, MEMBER_ACCOUNT_ID);
      // Jira shows project settings to project admins only, as the shell does.
      await page.getByText('only project administrators can open its settings').waitFor();
      // The module itself, framed as the member, as a project admin's link would open it.
      await page.goto(`${sandbox.url}/__frame/${MODULE}/index.html?projectKey=SHOP`);
      await page.locator('h1.settings-title').waitFor({ timeout: FRAME_TIMEOUT_MS });
      expect(await page.locator('[aria-label="Read-only"]').textContent()).toContain(
        'Only project administrators of SHOP',
      );
      expect(await page.getByLabel('Feature', { exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
      expect(await page.getByLabel('Feature', { exact: true }).inputValue()).toBe('50');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SCREENSHOTS, 'project-settings-member-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.screenshot({ path: join(SCREENSHOTS, 'project-settings-member-light.png') });
      const refused = await page.evaluate(async () => {
        type Bridge = { callBridge: (c: string, p?: unknown) => Promise<unknown> };
        const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
        const got = (await bridge.callBridge('invoke', {
          functionKey: 'settings/get',
          payload: {},
        })) as Answer;
        return (await bridge.callBridge('invoke', {
          functionKey: 'settings/save',
          payload: { config: got.data?.config, version: got.data?.version },
        })) as Answer;
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // The member reads the SLOs and their YAML, with no import.
      await page.getByRole('button', { name: 'SLOs', exact: true }).click();
      await page.getByRole('button', { name: 'Show as YAML' }).click();
      expect(await page.getByLabel('OpenSLO YAML (read-only)').inputValue()).toContain(
        'checkout-availability',
      );
      expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
      // No form for the member either, and the section says why.
      await page.getByText('Only project administrators can add, edit or delete SLOs').waitFor();
      expect(await page.getByRole('button', { name: 'Add an SLO' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Edit SLO/ }).count()).toBe(0);
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({
          path: join(SCREENSHOTS, `project-settings-member-slos-${scheme}.png`),
        });
      }
    });
  },
);
