/**
 * Project settings → Workflow over plain HTTP (no browser): the admin sees SHOP's transitions with
 * the validators on each and changes them, the change is in the emulator's state (saved with it)
 * and takes effect on the next transition; a member sees the same page read-only and cannot post.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import { loadAppModule } from '../../sandbox/shell/app-module';
import { startSandbox, type Sandbox } from '../../sandbox/shell/sandbox';
import { userCookie } from '../../sandbox/shell/users';
import { chosenValidators } from '../../sandbox/shell/workflow-editor';

let dir: string;
let sandbox: Sandbox;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ballast-shell-workflow-'));
  sandbox = await startSandbox({
    port: 0,
    stateDir: dir,
    reset: true,
    rootDir: process.cwd(),
    appModule: loadAppModule(process.cwd()),
    anchor: new Date('2026-03-10T12:00:00Z'),
    autosaveMs: 0,
  });
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (accountId: string) => ({ cookie: userCookie(accountId).split(';')[0]! });
const page = (accountId: string) =>
  fetch(`${sandbox.url}/projects/SHOP/settings/workflow`, { headers: as(accountId) });
const save = (accountId: string, transitionId: string, validators: string[]) =>
  fetch(`${sandbox.url}/__shell/projects/SHOP/workflow/transitions/${transitionId}/validators`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...as(accountId), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(validators.map((v): [string, string] => ['validator', v])).toString(),
  });
const validatorsOn = (transitionId: string) =>
  sandbox.jira.state.workflows
    .find((w) => w.id === 'software-workflow')!
    .transitions.find((t) => t.id === transitionId)!.validators;
/** The table row of one transition, tags collapsed to spaces. */
const row = (body: string, transitionId: string) =>
  (new RegExp(`<tr data-transition-id="${transitionId}">([\\s\\S]*?)</tr>`).exec(body)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('Project settings → Workflow', () => {
  it('shows the admin every transition with its statuses and a form for the app’s validators', async () => {
    const response = await page(ADMIN_ACCOUNT_ID);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('Workflow: Software workflow');
    expect(row(body, '31')).toBe(
      'Complete work (31) In Review Done Validators on Complete work Ballast Definition of Done ' +
        'Ballast error-budget gate Save',
    );
    expect(body).toMatch(/name="validator"\s+value="ballast-dod-validator"\s+checked/);
    expect(body).not.toContain('Read only');
  });

  it('saves the admin’s choice in the emulator state, which is saved with Jira’s state', async () => {
    const response = await save(ADMIN_ACCOUNT_ID, '21', ['ballast-dod-validator']);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/projects/SHOP/settings/workflow?saved=21');
    expect(validatorsOn('21')).toEqual(['ballast-dod-validator']);
    const after = await (
      await fetch(`${sandbox.url}/projects/SHOP/settings/workflow?saved=21`, {
        headers: as(ADMIN_ACCOUNT_ID),
      })
    ).text();
    expect(after).toContain('Saved the validators on Request review.');
    // Persisted with Jira's state, as the sandbox saves it.
    sandbox.save();
    const saved = JSON.parse(readFileSync(sandbox.stateFile, 'utf8')) as typeof sandbox.jira.state;
    expect(saved.workflows[0]!.transitions.find((t) => t.id === '21')!.validators).toEqual([
      'ballast-dod-validator',
    ]);
    // Nothing ticked removes them.
    expect((await save(ADMIN_ACCOUNT_ID, '21', [])).status).toBe(303);
    expect(validatorsOn('21')).toEqual([]);
  });

  it('refuses a key that is not one of the app’s validators, and an unknown transition', async () => {
    expect((await save(ADMIN_ACCOUNT_ID, '21', ['someone-elses'])).status).toBe(400);
    expect((await save(ADMIN_ACCOUNT_ID, '99', [])).status).toBe(404);
    expect(validatorsOn('21')).toEqual([]);
  });

  it('shows a member the same workflow read-only, and refuses their post', async () => {
    const body = await (await page(MEMBER_ACCOUNT_ID)).text();
    expect(body).toContain('Read only: Marco Silva is not a Jira administrator.');
    expect(body).not.toContain('name="validator"');
    expect(row(body, '11')).toBe('Start progress (11) To Do In Progress Ballast error-budget gate');
    const refused = await save(MEMBER_ACCOUNT_ID, '11', []);
    expect(refused.status).toBe(403);
    expect(validatorsOn('11')).toEqual(['ballast-gate-validator']);
  });
});

describe('chosenValidators (the form to the transition’s new list)', () => {
  const APP = ['ballast-dod-validator', 'ballast-gate-validator'];

  it('keeps the ticked ones in the manifest’s order and another app’s keys it cannot show', () => {
    expect(
      chosenValidators('validator=ballast-gate-validator&validator=ballast-dod-validator', APP, [
        'other-app-check',
        'ballast-gate-validator',
      ]),
    ).toEqual(['other-app-check', 'ballast-dod-validator', 'ballast-gate-validator']);
    expect(chosenValidators('', APP, ['other-app-check', 'ballast-dod-validator'])).toEqual([
      'other-app-check',
    ]);
  });

  it('refuses a key that is not one of the app’s validators', () => {
    expect(() => chosenValidators('validator=other-app-check', APP, [])).toThrow(
      '"other-app-check" is not a workflow validator of this app.',
    );
  });
});
