/**
 * `ballast gate check` end to end on the sandbox (issue #22): the CLI, in-process with the real
 * network, asks the app's signed `ballast-gate-check` web trigger, which answers with the gate's
 * own decision. With SHOP FROZEN by an outage: a feature item holds the release (exit 8, naming the
 * SLO, the policy's rule and the way out), exempt items let it go, one non-exempt item among them
 * holds it, an unknown key holds it and is named, and an admin's override lets it go. Unsigned and
 * stale checks get the push API's 401; an unknown project or service is named; an unreachable app
 * is exit 7, or 0 with --fail-open. The README's GitHub Actions and GitLab CI examples run as
 * documented against the same app. HEALTHY and AT_RISK come from the demo seed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import { main } from '../../src/cli/main';
import type { GateCheckResponse } from '../../src/contract/gate-check';
import type { RotatedSecretView } from '../../src/contract/slo';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { prepareCheckout, pushOutage } from '../support/checkout-outage';
import { commitsRepo, type CommitsRepo } from '../support/git-commits';
import { push } from '../support/push-client';
import { SAMPLE_VARIABLES, readmeExamples } from '../support/readme-examples';
import { dataOf, plannerCaller, settingsCaller } from './planner-support';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
const secretFile = () => join(dir, 'push-secret');

/** The CLI as a pipeline runs it: real fetch; retries without waiting; git in `repo` when given. */
async function ballast(argv: readonly string[], repo?: CommitsRepo, stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    readFile: (path) => (path === secretFile() ? readSecret() : ''),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    sleep: () => Promise.resolve(),
    env: {},
    readStdin: () => stdin,
    ...(repo ? { git: repo.git } : {}),
  });
  return { code, stdout, stderr };
}
let readSecret: () => string = () => '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ballast-gate-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('with SHOP frozen by an outage', () => {
  let sandbox: AppSandbox;
  let jira: JiraEmulator;
  let closeListener: () => Promise<void>;
  let url: string;
  let listenerUrl: string;
  let secret: string;
  let plain: string;
  let byPriority: string;
  let byLabel: string;
  let plain2: string;
  const gate = (...args: string[]) => [
    'gate',
    'check',
    '--target',
    url,
    '--secret-file',
    secretFile(),
    ...args,
  ];
  const issue = (key: string) => jira.state.issues.find((i) => i.key === key)!;

  beforeAll(async () => {
    sandbox = await startAppSandbox();
    ({ jira } = sandbox);
    const listener = await sandbox.host.listen();
    closeListener = () => listener.close();
    listenerUrl = listener.url;
    url = `${listener.url}/x1/ballast-gate-check`;
    secret = await prepareCheckout(sandbox);
    writeFileSync(secretFile(), `${secret}\n`);
    readSecret = () => `${secret}\n`;
    // Open, untagged, unlabelled Stories: feature by the Story rule, as the validator reads them.
    const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
    const fresh = new Set(jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id));
    [plain, byPriority, byLabel, plain2] = jira.state.issues
      .filter(
        (i) =>
          i.issueTypeId === story.id &&
          fresh.has(i.statusId) &&
          !i.properties.ballast &&
          !i.parentId &&
          i.labels.length === 0,
      )
      .map((i) => i.key) as [string, string, string, string];
    const priority = (name: string) => jira.state.priorities.find((p) => p.name === name)!.id;
    for (const key of [plain, byLabel, plain2]) issue(key).priorityId = priority('Medium');
    issue(byPriority).priorityId = priority('Highest');
    issue(byLabel).labels.push('security');
  }, 60_000);
  afterAll(async () => {
    await closeListener();
    await sandbox.close();
  });

  it('lets a release go while the gate is NO_DATA (only a freeze holds releases)', async () => {
    const run = await ballast(gate('--project', 'SHOP', '--keys', plain));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('ballast gate check: ALLOWED — the release may go.');
    expect(run.stdout).toContain('SHOP: NO_DATA — not frozen, the gate holds no release.');
  });

  it('holds a release carrying a feature item once FROZEN: exit 8 with the SLO, the rule and the way out', async () => {
    await pushOutage(sandbox, listenerUrl, secret);
    const run = await ballast(gate('--project', 'SHOP', '--keys', plain));
    expect(run.code, run.stderr).toBe(8);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('ballast gate check: BLOCKED by the error-budget gate (exit 8).');
    expect(lines[1]).toMatch(/^SHOP: FROZEN since \S+ — the release is held\.$/);
    expect(run.stdout).toMatch(
      /Frozen by: checkout-availability \(checkout\): budget remaining -?\d+\.\d% is at or below 0\.0%/,
    );
    expect(run.stdout).toMatch(
      /Policy: The error budget of checkout-availability reached 0% \(policy: freeze at or below 0%\)\. Planning unfreezes when the budget is back at or above 5% for 24 hours — now -?[\d.]+%\./,
    );
    expect(run.stdout).toContain(
      'Effect: No feature work starts, except exempt items (priority P0/Highest, label security) or under a freeze override a project admin records.',
    );
    expect(run.stdout).toContain(`HELD    ${plain} (feature): feature work is frozen`);
    expect(run.stdout).toContain(
      'Way out: work on reliability until the budget recovers, mark the item P0/Highest or label it security, or ask a project admin to record a time-boxed override with a reason',
    );
  });

  it('gives the same decision as the workflow validator for the same item', async () => {
    const inProgress = jira.state.statuses.find((s) => s.category === 'indeterminate')!;
    const answer = await sandbox.host.runValidator('ballast-gate-validator', {
      issueKey: plain,
      fromStatusId: issue(plain).statusId,
      toStatusId: inProgress.id,
    });
    expect(answer.result).toBe(false);
  });

  it('lets it go when every carried item is exempt (priority Highest, label security)', async () => {
    const run = await ballast(gate('--project', 'SHOP', '--keys', `${byPriority},${byLabel}`));
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(
      /SHOP: FROZEN since \S+ — allowed: every item it carries is exempt or not feature work\./,
    );
    expect(run.stdout).toContain(
      `allowed ${byPriority} (feature): ${byPriority} has exempt priority Highest`,
    );
    expect(run.stdout).toContain(
      `allowed ${byLabel} (feature): ${byLabel} has exempt label security`,
    );
  });

  it('holds it when one carried item is not exempt, naming that one', async () => {
    const run = await ballast(gate('--project', 'SHOP', '--keys', `${byPriority},${plain2}`));
    expect(run.code).toBe(8);
    expect(run.stdout).toContain(`allowed ${byPriority} (feature)`);
    expect(run.stdout).toContain(`HELD    ${plain2} (feature): feature work is frozen`);
  });

  it('holds it when a key is unknown to Jira, or no item is named, and says so', async () => {
    const unknown = await ballast(gate('--project', 'SHOP', '--keys', `${byPriority},SHOP-99999`));
    expect(unknown.code).toBe(8);
    expect(unknown.stdout).toContain('Unknown keys (Jira has no such item): SHOP-99999');
    expect(unknown.stdout).toContain(
      'Way out: Jira has no item SHOP-99999: fix the keys, or ask a project admin to record a time-boxed override with a reason',
    );
    const none = await ballast(gate('--project', 'SHOP'));
    expect(none.code).toBe(8);
    expect(none.stdout).toContain('Way out: name the SHOP items the release carries');
  });

  it('reads the keys from the commit messages of a range and from stdin, listing other keys', async () => {
    const repo = commitsRepo([`${byPriority}: hotfix the basket`, `Encode as UTF-8 (${byLabel})`]);
    try {
      const run = await ballast(
        gate('--project', 'SHOP', '--commits-from', `${repo.before}..${repo.head}`),
        repo,
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain(`allowed ${byPriority}`);
      expect(run.stdout).toContain(`allowed ${byLabel}`);
      // SHOP-1 is in the commit before the range: not carried.
      expect(run.stdout).not.toContain('SHOP-1 ');
      expect(run.stdout).toContain('Not checked (not a key of the checked projects): UTF-8');
      const badRange = await ballast(
        gate('--project', 'SHOP', '--commits-from', 'nope..HEAD'),
        repo,
      );
      expect(badRange.code).toBe(2);
      expect(badRange.stderr).toContain('--commits-from nope..HEAD: git log nope..HEAD failed');
    } finally {
      repo.remove();
    }
    const piped = await ballast(gate('--project', 'SHOP', '--stdin'), undefined, `${plain} fix\n`);
    expect(piped.code).toBe(8);
    expect(piped.stdout).toContain(`HELD    ${plain} (feature)`);
  });

  it('answers --json with the decision a machine reads', async () => {
    const run = await ballast(gate('--project', 'SHOP', '--keys', `${plain},${byLabel}`, '--json'));
    expect(run.code).toBe(8);
    const answer = JSON.parse(run.stdout) as GateCheckResponse;
    expect(answer).toMatchObject({ ok: true, allowed: false, unknownKeys: [], otherKeys: [] });
    expect(answer.projects).toHaveLength(1);
    expect(answer.projects[0]).toMatchObject({
      projectKey: 'SHOP',
      state: 'FROZEN',
      allowed: false,
      rule: 'frozen',
      override: null,
      frozenBy: [{ slo: 'checkout-availability', service: 'checkout' }],
    });
    expect(answer.projects[0]!.items.map((i) => [i.key, i.allowed, i.rule])).toEqual([
      [plain, false, 'frozen'],
      [byLabel, true, 'exempt-label'],
    ]);
  });

  it('asks by service: the projects owning its SLOs; an unknown project or service is named', async () => {
    const byService = await ballast(gate('--service', 'checkout', '--keys', plain));
    expect(byService.code).toBe(8);
    expect(byService.stdout).toMatch(/^SHOP: FROZEN/m);
    const service = await ballast(gate('--service', 'checkout-typo', '--keys', plain));
    expect(service.code).toBe(6);
    expect(service.stderr).toContain('UNKNOWN_SERVICE');
    expect(service.stderr).toContain(
      'No SLO of this site is about the service \\"checkout-typo\\", so no gate covers it',
    );
    const project = await ballast(gate('--project', 'SHPO'));
    expect(project.code).toBe(6);
    expect(project.stderr).toContain('UNKNOWN_PROJECT');
    expect(project.stderr).toContain('Ballast has no SLOs for project SHPO');
  });

  it('refuses unsigned and stale checks with the push API 401, and a wrong secret is exit 5', async () => {
    const body = { projects: ['SHOP'], issueKeys: [plain] };
    expect(await push(url, null, body)).toMatchObject({
      status: 401,
      body: { ok: false, error: { code: 'UNAUTHORIZED' } },
    });
    const stale = await push(url, secret, body, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(stale).toMatchObject({ status: 401, body: { ok: false, error: { code: 'STALE' } } });
    readSecret = () => `${secret}x\n`;
    try {
      const run = await ballast(gate('--project', 'SHOP', '--keys', plain));
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('the app refused the gate check (HTTP 401)');
    } finally {
      readSecret = () => `${secret}\n`;
    }
  });

  it('lets the release go under an override a project admin records, naming it', async () => {
    const call = plannerCaller(sandbox.host);
    dataOf(
      await call(
        'gate/recordOverride',
        { reason: 'Hotfix for the Black Friday banner', hours: 4 },
        ADMIN_ACCOUNT_ID,
      ),
    );
    const run = await ballast(gate('--project', 'SHOP', '--keys', plain));
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/SHOP: FROZEN since \S+ — allowed by a freeze override\./);
    expect(run.stdout).toMatch(
      /Override in force: by Ada Okafor until \S+: “Hotfix for the Black Friday banner”/,
    );
    expect(run.stdout).toContain(
      'Effect: An override lets feature work start: the normal split applies until it ends.',
    );
    expect(run.stdout).toContain(
      `allowed ${plain} (feature): ${plain} may go under the freeze override in force`,
    );
    // A member cannot record one: the release gate follows the same rule as the planner.
    expect(
      await call('gate/recordOverride', { reason: 'x', hours: 4 }, MEMBER_ACCOUNT_ID),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('runs the README GitHub Actions and GitLab CI examples against the app', async () => {
    const repo = commitsRepo([`${byPriority}: hotfix`, `${plain}: new banner`]);
    try {
      const examples = readmeExamples({
        ...SAMPLE_VARIABLES,
        'vars.BALLAST_GATE_URL': url,
        BALLAST_GATE_URL: url,
        BALLAST_PUSH_SECRET: secretFile(),
        RUNNER_TEMP: dir,
        'github.event.before': repo.before,
        'github.sha': repo.head,
        CI_COMMIT_BEFORE_SHA: repo.before,
        CI_COMMIT_SHA: repo.head,
      }).filter((e) => e.argv[0] === 'gate');
      expect(examples.map((e) => e.ci)).toEqual(['github', 'gitlab']);
      // GitHub's step writes the secret to $RUNNER_TEMP/ballast-secret first.
      writeFileSync(join(dir, 'ballast-secret'), secret);
      readSecret = () => secret;
      for (const example of examples) {
        const secretAt = example.argv[example.argv.indexOf('--secret-file') + 1]!;
        const run = await main(example.argv, {
          readFile: (path) => (path === secretAt ? secret : ''),
          stdout: () => undefined,
          stderr: () => undefined,
          sleep: () => Promise.resolve(),
          git: repo.git,
        });
        // The override recorded above is in force: the release goes, by project and by service.
        expect(run, example.argv.join(' ')).toBe(0);
      }
      // Once the override ends the same documented step blocks the release.
      const overrides = dataOf(
        await plannerCaller(sandbox.host)('gate/overrides', {}, ADMIN_ACCOUNT_ID),
      );
      dataOf(
        await plannerCaller(sandbox.host)(
          'gate/endOverride',
          { id: overrides.active!.id },
          ADMIN_ACCOUNT_ID,
        ),
      );
      for (const example of examples) {
        const secretAt = example.argv[example.argv.indexOf('--secret-file') + 1]!;
        let out = '';
        const run = await main(example.argv, {
          readFile: (path) => (path === secretAt ? secret : ''),
          stdout: (t) => (out += t),
          stderr: () => undefined,
          sleep: () => Promise.resolve(),
          git: repo.git,
        });
        expect(run).toBe(8);
        expect(out).toContain(`HELD    ${plain} (feature)`);
      }
    } finally {
      readSecret = () => `${secret}\n`;
      repo.remove();
    }
  });

  it('is exit 7 when the app cannot be reached, or 0 with --fail-open', async () => {
    const away = ['gate', 'check', '--target', 'http://127.0.0.1:9/x1/ballast-gate-check'];
    const rest = ['--secret-file', secretFile(), '--project', 'SHOP', '--keys', plain];
    const closed = await ballast([...away, ...rest]);
    expect(closed.code).toBe(7);
    expect(closed.stderr).toContain('the gate check failed after 5 tries');
    expect(closed.stderr).toContain(
      'the app could not be reached; the release waits (--fail-closed, the default)',
    );
    const explicit = await ballast([...away, ...rest, '--fail-closed']);
    expect(explicit.code).toBe(7);
    const open = await ballast([...away, ...rest, '--fail-open', '--json']);
    expect(open.code).toBe(0);
    expect(open.stderr).toContain('--fail-open lets the release go unchecked');
    expect(JSON.parse(open.stdout)).toMatchObject({ ok: false, unreachable: true, allowed: true });
    const both = await ballast([...away, ...rest, '--fail-open', '--fail-closed']);
    expect(both.code).toBe(2);
  });
});

describe('with the demo seed (AT_RISK, then HEALTHY)', () => {
  let sandbox: AppSandbox;
  let closeListener: () => Promise<void>;
  let url: string;
  let feature: string;

  beforeAll(async () => {
    sandbox = await startAppSandbox();
    const listener = await sandbox.host.listen();
    closeListener = () => listener.close();
    url = `${listener.url}/x1/ballast-gate-check`;
    await seedApp(sandbox.host, { variant: 'demo', postmortems: false });
    const rotated = await settingsCaller(sandbox.host, ADMIN_ACCOUNT_ID)<RotatedSecretView>(
      'push/rotateSecret',
      {},
    );
    readSecret = () => rotated.secret;
    const story = sandbox.jira.state.issueTypes.find((t) => t.name === 'Story')!;
    feature = sandbox.jira.state.issues.find(
      (i) => i.issueTypeId === story.id && i.labels.length === 0 && !i.parentId,
    )!.key;
  }, 2 * APP_SEED_TIMEOUT_MS);
  afterAll(async () => {
    await closeListener();
    await sandbox.close();
  });

  const check = () =>
    ballast([
      'gate',
      'check',
      '--target',
      url,
      '--secret-file',
      secretFile(),
      '--project',
      'SHOP',
      '--keys',
      feature,
    ]);

  it('lets a release go while AT_RISK, saying the gate holds none', async () => {
    const run = await check();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^SHOP: AT_RISK since \S+ — not frozen, the gate holds no release\.$/m,
    );
    expect(run.stdout).toContain(
      'Effect: Reliability gets a larger share of the sprint and feature work is capped.',
    );
  });

  it('lets it go while HEALTHY', async () => {
    const invoke = settingsCaller(sandbox.host, ADMIN_ACCOUNT_ID);
    const view = await invoke<{
      version: number;
      config: { errorBudget: Record<string, unknown> };
    }>('settings/get', {});
    await invoke('settings/save', {
      config: { ...view.config, errorBudget: { ...view.config.errorBudget, atRiskBelow: 0.1 } },
      version: view.version,
    });
    await sandbox.host.runScheduled('ballast-slo-refresh');
    const run = await check();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('SHOP: HEALTHY — not frozen, the gate holds no release.');
    expect(run.stdout).toContain('Effect: Planning runs on the normal split.');
  });
});
