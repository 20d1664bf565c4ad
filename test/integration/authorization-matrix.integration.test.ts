/**
 * Who may do what (issue #11), over every entry point the platform can call:
 *
 * - every resolver of the contract × five callers — the project admin (also Jira admin), a plain
 *   member, a user without browse permission on SHOP, an anonymous caller (no accountId), and a
 *   SHOP member whose context or payload names a project they cannot browse (OPS): each answer is
 *   right or a refusal with the right code, and no answer carries data of a project the caller
 *   cannot browse. A new resolver key fails this test until it is listed here;
 * - the web triggers (no authentication on Forge): unsigned, wrongly signed or stale requests are
 *   refused with 401 whatever the method, and nothing is stored. A new web trigger fails until listed;
 * - the workflow validators (run as the app, no user): they apply Ballast's own check whatever the
 *   event's configuration says, judge only the issue they were called for, and never throw;
 * - the code (src/): every `asApp()` use is in a validator, trigger, job, consumer or field function,
 *   where Forge offers no user — listed with why; resolvers only use `asUser()`;
 * - manifest.yml: its scopes are exactly those of the Jira routes the adapter calls (Atlassian's
 *   OpenAPI `x-atlassian-oauth2-scopes`/security) plus `storage:app`, for a stated reason.
 *
 * Runs the real handlers, with Jira's own permission answers from the emulator.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSigned } from '../../sandbox/app-seed/signed-push';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
  addProjectLike,
  type JiraEmulator,
} from '../../sandbox/jira';
import type { ErrorCode } from '../../src/contract/envelope';
import { signedHeaders } from '../../src/cli/push/sign';
import { findOperation } from '../contract/openapi';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { manifestScopes, requiredScopes } from '../support/manifest-scopes';
import {
  callResolver,
  contractKeys,
  fullExtension,
  kvsSnapshot,
  sloFormFixture,
} from '../support/resolver-calls';

/**
 * `anyone`: even without an account (the app greeting). `signedIn`: any signed-in person, who gets
 * only the projects they may browse (the portfolio). `browse`: project members. `admin`: project
 * admins.
 */
type Access = 'anyone' | 'signedIn' | 'browse' | 'admin';

interface Entry {
  readonly access: Access;
  readonly payload: () => unknown;
  /**
   * What the admin's well-formed call may answer instead of ok, for a reason of the use case (not
   * of permissions): e.g. a gate override is refused while the gate is not FROZEN.
   */
  readonly adminRefusal?: ErrorCode;
}

let sandbox: AppSandbox;
let jira: JiraEmulator;
let issueKey: string;
/** Issues of OPS, a project only the admin may browse (its summaries start with "Ops Platform:"). */
let opsKeys: string[];
const OPS_MARKER = 'Ops Platform:';

/** Every resolver key with a well-formed payload and who may use it. */
function matrix(): Record<string, Entry> {
  const sprint = { boardId: 1, sprintId: 9 };
  return {
    'meta/about': { access: 'anyone', payload: () => ({}) },
    'issue/get': { access: 'browse', payload: () => ({ issueKey }) },
    'issue/setWorkType': { access: 'browse', payload: () => ({ issueKey, workType: 'debt' }) },
    'issue/tickDodItem': {
      access: 'browse',
      payload: () => ({ issueKey, itemId: 'code-reviewed', done: true }),
    },
    'settings/get': { access: 'browse', payload: () => ({}) },
    'settings/save': { access: 'admin', payload: () => ({ config: {}, version: 0 }) },
    'settings/testRules': { access: 'browse', payload: () => ({ issueKey }) },
    // The override log with people's names (any project member).
    'settings/auditLog': { access: 'browse', payload: () => ({}) },
    'slo/list': { access: 'browse', payload: () => ({}) },
    'slo/export': { access: 'browse', payload: () => ({}) },
    'slo/import': {
      access: 'admin',
      payload: () => ({
        yaml: readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'),
        version: 0,
      }),
    },
    'slo/save': {
      access: 'admin',
      payload: async () => ({ originalName: null, slo: SLO_FORM, version: await sloVersion() }),
    },
    'slo/delete': {
      access: 'admin',
      payload: async () => ({ name: SLO_FORM.name, version: await sloVersion() }),
    },
    'push/get': { access: 'browse', payload: () => ({}) },
    'push/rotateSecret': { access: 'admin', payload: () => ({}) },
    'planner/board': { access: 'browse', payload: () => ({ boardId: 1 }) },
    'planner/evaluate': { access: 'browse', payload: () => sprint },
    'planner/audit': { access: 'browse', payload: () => ({}) },
    'planner/apply': {
      access: 'browse',
      payload: () => ({
        ...sprint,
        fingerprint: 'stale',
        moves: [{ key: issueKey, direction: 'out' }],
      }),
    },
    'planner/undo': { access: 'browse', payload: () => sprint },
    'planner/override': {
      access: 'browse',
      payload: () => ({ ...sprint, reason: 'release train', fingerprint: 'stale' }),
    },
    'project/overview': { access: 'browse', payload: () => ({}) },
    'project/capacity': { access: 'browse', payload: () => ({}) },
    'project/delivery': { access: 'browse', payload: () => ({}) },
    'project/toilDebt': { access: 'browse', payload: () => ({}) },
    'project/incidents': { access: 'browse', payload: () => ({}) },
    'project/review': { access: 'browse', payload: () => ({}) },
    'project/reviewCsv': { access: 'browse', payload: () => ({}) },
    'project/slos': { access: 'browse', payload: () => ({}) },
    'project/refresh': { access: 'browse', payload: () => ({}) },
    // Error-budget gate overrides: any project member reads them, only project admins change them.
    'gate/overrides': { access: 'browse', payload: () => ({}) },
    'gate/recordOverride': {
      access: 'admin',
      payload: () => ({ reason: 'hotfix release agreed with the SRE lead', hours: 4 }),
      // SHOP's gate is not FROZEN here: nothing to override.
      adminRefusal: 'BAD_REQUEST',
    },
    'gate/endOverride': {
      access: 'admin',
      payload: () => ({ id: 'no-such-override' }),
      adminRefusal: 'NOT_FOUND',
    },
    // The portfolio (issue #23): anyone signed in; each row only for a project they may browse.
    'portfolio/list': { access: 'signedIn', payload: () => ({}) },
    // A project's Ballast data (issue #24): project admins only; the list of projects using Ballast
    // for Jira admins only (the sandbox's admin is both).
    'projectData/get': { access: 'admin', payload: () => ({}) },
    'projectData/export': { access: 'admin', payload: () => ({}) },
    'projectData/projects': { access: 'admin', payload: () => ({}) },
    'projectData/delete': {
      access: 'admin',
      // A wrong confirmation, so the matrix never deletes SHOP's data: refused for that reason.
      payload: () => ({ confirm: 'NOT-SHOP' }),
      adminRefusal: 'BAD_REQUEST',
    },
    // Notifications (issue #22): members read where notices go, only project admins change it.
    'notify/get': { access: 'browse', payload: () => ({}) },
    'notify/save': {
      access: 'admin',
      payload: () => ({
        version: 0,
        events: { gate: true, alert: true, buffer: true, postmortem: true },
        jira: { enabled: false, issueKey: null, watchers: true, accountIds: [], groups: [] },
        webhook: { action: 'none' },
      }),
    },
    'notify/test': {
      access: 'admin',
      payload: () => ({}),
      // Nothing configured yet: nowhere to send a test.
      adminRefusal: 'BAD_REQUEST',
    },
  };
}

/** A well-formed SLO as the settings form sends it. */
const SLO_FORM = { ...sloFormFixture('matrix-latency'), displayName: 'Matrix latency' };

async function sloVersion(): Promise<number> {
  const list = await call('slo/list', ADMIN_ACCOUNT_ID, {});
  return list.ok ? (list.data as { version: number }).version : 0;
}

const call = (key: string, accountId: string | undefined, payload: unknown) =>
  callResolver(sandbox.host, key, accountId, payload, fullExtension(issueKey));

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  issueKey = jira.state.issues.find((i) => i.sprintIds.includes(9))!.key;
  opsKeys = addProjectLike(jira.store, 'SHOP', {
    key: 'OPS',
    name: 'Ops Platform',
    roles: { [ADMIN_ACCOUNT_ID]: 'Administrators' },
    issueCount: 5,
  });
});
afterAll(() => sandbox.close());

describe('the authorization matrix', () => {
  it('lists every resolver of the contract', () => {
    expect(Object.keys(matrix()).sort()).toEqual(contractKeys());
  });

  it('gives a user without browse permission nothing from any project resolver', async () => {
    const summaries = jira.state.issues
      .filter((i) => i.key.startsWith('SHOP-'))
      .map((i) => i.summary);
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      const answer = await call(key, OUTSIDER_ACCOUNT_ID, await payload());
      if (access === 'anyone') {
        expect(answer.ok, key).toBe(true);
        continue;
      }
      if (access === 'signedIn') {
        // Answered, with nothing of SHOP: the outsider may browse no project.
        expect(answer.ok, key).toBe(true);
        expect(JSON.stringify(answer), key).not.toContain('SHOP');
        continue;
      }
      expect(answer.ok, `${key} answered the outsider`).toBe(false);
      if (!answer.ok) {
        expect(['FORBIDDEN', 'NOT_FOUND'], key).toContain(answer.error.code);
        expect(answer.error.retryable, key).toBe(false);
        // The refusal tells nothing about the project's work.
        const text = JSON.stringify(answer);
        expect(
          summaries.filter((s) => text.includes(s)),
          key,
        ).toEqual([]);
      }
    }
  });

  it('refuses an anonymous caller (no accountId) everything but the app greeting, as FORBIDDEN', async () => {
    const before = kvsSnapshot(sandbox.host);
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      const answer = await call(key, undefined, await payload());
      if (access === 'anyone') {
        expect(answer, key).toMatchObject({ ok: true, data: { app: 'Ballast' } });
        continue;
      }
      expect(answer, key).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', retryable: false },
      });
    }
    expect(kvsSnapshot(sandbox.host)).toBe(before);
  });

  it('never shows a SHOP member anything of a project they cannot browse, whatever the context or payload names', async () => {
    const opsProperty = () =>
      JSON.stringify(
        jira.state.issues.filter((i) => opsKeys.includes(i.key)).map((i) => i.properties),
      );
    const propertiesBefore = opsProperty();
    const opsIssue = opsKeys[0]!;
    // A forged Forge context (the platform never sends one, but the app must not rely on that).
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      if (access === 'anyone') continue;
      const forged = JSON.parse(
        JSON.stringify(await payload()).replaceAll(issueKey, opsIssue),
      ) as unknown;
      const answer = await callResolver(sandbox.host, key, MEMBER_ACCOUNT_ID, forged, {
        ...fullExtension(opsIssue, 'OPS'),
      });
      expect(JSON.stringify(answer), key).not.toContain(OPS_MARKER);
      if (key.startsWith('issue/') || key.startsWith('settings/') || key.startsWith('slo/'))
        expect(answer.ok, `${key} answered about OPS`).toBe(false);
    }
    // A SHOP context whose payload names an OPS issue (the payload is what a browser can forge).
    const shopPage = { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } };
    for (const [key, payload] of [
      ['issue/get', { issueKey: opsIssue }],
      ['issue/setWorkType', { issueKey: opsIssue, workType: 'toil' }],
      ['issue/tickDodItem', { issueKey: opsIssue, itemId: 'code-reviewed', done: true }],
      ['settings/testRules', { issueKey: opsIssue }],
    ] as const) {
      const answer = await callResolver(sandbox.host, key, MEMBER_ACCOUNT_ID, payload, shopPage);
      expect(answer, key).toMatchObject({ ok: false });
      if (!answer.ok)
        expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'], key).toContain(answer.error.code);
      expect(JSON.stringify(answer), key).not.toContain(OPS_MARKER);
    }
    const move = await callResolver(
      sandbox.host,
      'planner/apply',
      MEMBER_ACCOUNT_ID,
      {
        boardId: 1,
        sprintId: 9,
        fingerprint: 'stale',
        moves: [{ key: opsIssue, direction: 'in' }],
      },
      fullExtension(issueKey),
    );
    expect(move.ok).toBe(false);
    expect(jira.state.issues.find((i) => i.key === opsIssue)!.sprintIds).toEqual([]);
    expect(opsProperty()).toBe(propertiesBefore);
  });

  it("refuses a member every change of the project's policy, SLOs, push secret and gate", async () => {
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      if (access !== 'admin') continue;
      const answer = await call(key, MEMBER_ACCOUNT_ID, await payload());
      expect(answer, key).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('lets a member use every resolver open to project members', async () => {
    for (const [key, { access, payload }] of Object.entries(matrix())) {
      if (access !== 'browse') continue;
      const answer = await call(key, MEMBER_ACCOUNT_ID, await payload());
      // Answered, or refused for a reason of the request itself (a stale plan), never permissions.
      if (!answer.ok)
        expect(['CONFLICT', 'BAD_REQUEST', 'NOT_FOUND'], key).toContain(answer.error.code);
      if (!answer.ok && answer.error.code !== 'CONFLICT')
        expect(answer.error.message, key).not.toMatch(/permission/i);
    }
  });

  it("lets only Jira administrators rotate the site's push secret, not a project admin", async () => {
    const ada = jira.state.users.find((u) => u.accountId === ADMIN_ACCOUNT_ID)!;
    ada.siteAdmin = false;
    try {
      const answer = await call('push/rotateSecret', ADMIN_ACCOUNT_ID, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const view = await call('push/get', ADMIN_ACCOUNT_ID, {});
      expect(view).toMatchObject({ ok: true, data: { canEdit: false } });
    } finally {
      ada.siteAdmin = true;
    }
  });

  it('lets the admin make those changes', async () => {
    for (const [key, { access, payload, adminRefusal }] of Object.entries(matrix())) {
      if (access !== 'admin') continue;
      const answer = await call(key, ADMIN_ACCOUNT_ID, await payload());
      if (adminRefusal !== undefined && !answer.ok) {
        expect(answer.error.code, `${key}: ${JSON.stringify(answer)}`).toBe(adminRefusal);
        continue;
      }
      expect(answer.ok, `${key}: ${JSON.stringify(answer)}`).toBe(true);
    }
  });
});

interface ManifestModule {
  key: string;
  function?: string;
}
const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
  modules: Record<string, ManifestModule[]>;
  permissions: { scopes: string[] };
};

describe('the web triggers (no authentication on Forge: the app checks every request)', () => {
  const WEB_TRIGGERS = [
    'ballast-deployment-push',
    'ballast-gate-check',
    'ballast-incident-push',
    'ballast-sli-push',
  ];
  let secret: string;

  beforeAll(async () => {
    const rotated = await call('push/rotateSecret', ADMIN_ACCOUNT_ID, {});
    if (!rotated.ok) throw new Error(rotated.error.message);
    secret = (rotated.data as { secret: string }).secret;
  });

  it('lists every web trigger of the manifest', () => {
    expect((manifest.modules.webtrigger ?? []).map((m) => m.key).sort()).toEqual(WEB_TRIGGERS);
  });

  it('refuses unsigned, wrongly signed and stale requests with 401 whatever the method, storing nothing', async () => {
    const before = kvsSnapshot(sandbox.host);
    const body = JSON.stringify({
      batchId: 'b-1',
      points: [
        {
          slo: 'checkout-availability',
          start: '2026-11-20T10:00:00Z',
          end: '2026-11-20T10:01:00Z',
          good: 1,
          total: 1,
        },
      ],
    });
    let refused = 0;
    for (const trigger of WEB_TRIGGERS) {
      for (const method of ['POST', 'GET', 'PUT', 'DELETE']) {
        const raw = method === 'GET' ? '' : body;
        const variants: Record<string, string[]>[] = [
          {},
          { 'x-ballast-timestamp': [String(Math.floor(Date.now() / 1000))] },
          toHeaders(signedHeaders(`${secret}x`, Date.now(), raw)),
          toHeaders(signedHeaders(secret, Date.now() - 3_600_000, raw)),
          // Signed over another body than the one sent.
          toHeaders(signedHeaders(secret, Date.now(), `${raw} `)),
        ];
        for (const headers of variants) {
          const answer = await sandbox.host.callWebTrigger(trigger, { method, headers, body: raw });
          expect(answer.statusCode, `${trigger} ${method} ${JSON.stringify(headers)}`).toBe(401);
          expect(JSON.parse(answer.body ?? '')).toMatchObject({ ok: false });
          refused += 1;
        }
      }
    }
    expect(refused).toBe(WEB_TRIGGERS.length * 4 * 5);
    expect(kvsSnapshot(sandbox.host)).toBe(before);
    // The same request, signed with the secret, is accepted: the refusals above were the signature's.
    const signed = await callSigned(sandbox.host, 'ballast-deployment-push', deployment(), secret);
    expect(signed.statusCode, signed.body).toBe(200);
  });
});

function toHeaders(headers: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
}

function deployment(): string {
  return JSON.stringify({
    id: 'auth-matrix-deploy-1',
    service: 'checkout',
    environment: 'production',
    finishedAt: '2026-11-20T09:00:00Z',
    status: 'success',
  });
}

describe('the workflow validators (run as the app, with no user)', () => {
  const VALIDATORS = ['ballast-dod-validator', 'ballast-gate-validator'];

  it('lists every validator of the manifest', () => {
    expect((manifest.modules['jira:workflowValidator'] ?? []).map((m) => m.key).sort()).toEqual(
      VALIDATORS,
    );
  });

  /**
   * An open Story nobody tagged, whose feature DoD has five required items open, put in In Review:
   * Jira calls a validator while the issue is in the transition's source status, and Done is
   * reached from there.
   */
  function openStory(): string {
    const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
    const done = new Set(jira.state.statuses.filter((s) => s.category === 'done').map((s) => s.id));
    const inReview = jira.state.statuses.find((s) => s.name === 'In Review')!;
    const found = jira.state.issues.find(
      (i) =>
        i.key.startsWith('SHOP-') &&
        i.issueTypeId === story.id &&
        !done.has(i.statusId) &&
        !i.properties.ballast &&
        !i.parentId &&
        i.labels.length === 0,
    )!;
    found.statusId = inReview.id;
    return found.key;
  }

  it("applies Ballast's own DoD check whatever the event's configuration claims, naming only that issue", async () => {
    const key = openStory();
    const issue = jira.state.issues.find((i) => i.key === key)!;
    const doneStatus = jira.state.statuses.find((s) => s.category === 'done')!;
    for (const configuration of [
      {},
      { enforce: false, skip: true, allowed: true, result: true },
      { projectKey: 'OPS', issueKey: opsKeys[0], workType: 'toil' },
    ]) {
      // Jira sends neither (the documented argument is issue and transition only): forged extras.
      const answer = await sandbox.host.runValidatorEvent('ballast-dod-validator', {
        issue: { key },
        transition: { from: { id: issue.statusId }, to: { id: doneStatus.id } },
        configuration,
        modifiedFields: { labels: ['toil'] },
      });
      expect(answer.result, JSON.stringify(configuration)).toBe(false);
      expect(answer.errorMessage).toContain(`${key} cannot be done yet`);
      // Only the issue being moved is named.
      const named = answer.errorMessage!.match(/[A-Z][A-Z0-9_]*-\d+/g) ?? [];
      expect(new Set(named)).toEqual(new Set([key]));
    }
  });

  it('answers a clean yes/no to forged or broken events, never throwing, never naming another project’s work', async () => {
    for (const validator of VALIDATORS) {
      for (const event of [
        { issueKey: 'NOPE-1', fromStatusId: '1', toStatusId: '3' },
        { issueKey: opsKeys[0]!, fromStatusId: '1', toStatusId: '3' },
        { issueKey: 'SHOP-999999', fromStatusId: '1', toStatusId: '3' },
        { issueKey: '../../rest/api/3/myself', fromStatusId: '1', toStatusId: '3' },
      ]) {
        const answer = await sandbox.host.runValidator(validator, event);
        expect(typeof answer.result, `${validator} ${event.issueKey}`).toBe('boolean');
        // "Validator … failed" is the host's words for a function that threw.
        expect(answer.errorMessage ?? '', validator).not.toMatch(/failed/);
        expect(answer.errorMessage ?? '', validator).not.toContain(OPS_MARKER);
      }
    }
  });
});

/** Every TypeScript file under src/, without tests. */
function sourceFiles(dir = 'src'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** A file's code without its comments. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

describe("asApp(): only where Forge offers no user, and then with the app's own check", () => {
  /**
   * Every file that calls Jira as the app, and why Forge requires it there. Each reads or writes
   * only what the event names (or, for jobs, the projects Ballast already serves) and returns
   * nothing to a person except a validator's yes/no about their own issue; data computed as the app
   * reaches people only through resolvers that check BROWSE_PROJECTS as the person first.
   */
  const AS_APP: Record<string, string> = {
    'src/adapters/forge/jira/forge-transport.ts': 'defines jiraAsApp()',
    'src/entry/validators/dod-validator.ts':
      'workflow validator: no user; Jira already checked the transition; reads only that issue',
    'src/entry/validators/gate-validator.ts':
      'workflow validator: no user; reads only that issue and the stored gate',
    'src/entry/fields/work-type-value.ts':
      'custom field value function: no user; returns only the work type of the issues Jira asked for',
    'src/entry/triggers/issue-changed.ts':
      "product trigger: no user; refreshes only the changed issue's Ballast property",
    'src/entry/triggers/sprint-lifecycle.ts':
      'product trigger: no user; snapshots/enforces only the started or closed sprint',
    'src/entry/scheduled/issue-refresh.ts': 'scheduled job: no user; projects Ballast serves',
    'src/entry/scheduled/personal-data.ts':
      "scheduled job: no user; reads and rewrites only Ballast's own issue property, for the personal data report",
    'src/entry/scheduled/postmortems.ts':
      "scheduled job: no user; opens postmortems in the SLO's own project",
    'src/entry/scheduled/suggestion-model.ts':
      'scheduled job: no user; trains models of projects that have one',
    'src/entry/consumers/metrics-consumer.ts':
      'async consumer: no user; project page snapshot, served only after a BROWSE_PROJECTS check',
    'src/entry/consumers/notice-consumer.ts':
      "async consumer: no user; sends a stored notice about the project's own notices issue, chosen by a project admin (Jira checks Browse Projects on it)",
    'src/entry/webtriggers/gate-check.ts':
      "release gate web trigger (issue #22): no user; signed with the site's push secret, which only Jira admins create; reads only the items the release names and answers their category and the gate's verdict, no summary or other field",
    'src/entry/webtriggers/deployment-push.ts':
      "deployment web trigger: no user; signed; reads the deployment's items only while a gate is FROZEN, to mark the release (issue #22); answers only accepted/duplicate",
  };

  it('is used only in the listed validators, triggers, jobs, consumers, field functions and signed web triggers', () => {
    const users = sourceFiles()
      .filter((file) => /\basApp\(|\bjiraAsApp\(/.test(code(file)))
      .sort();
    expect(users).toEqual(Object.keys(AS_APP).sort());
    for (const file of users.filter((f) => f.startsWith('src/entry/')))
      expect(file).toMatch(
        /^src\/entry\/(validators|triggers|scheduled|consumers|fields|webtriggers)\//,
      );
  });

  it('is never reachable from a resolver: the resolver layer and the use cases call Jira as the person', () => {
    for (const file of sourceFiles('src/entry/resolvers'))
      expect(code(file), file).not.toMatch(/asApp|jiraAsApp/);
    for (const file of sourceFiles('src/app'))
      expect(code(file), file).not.toMatch(/@forge\/api|asApp\(/);
  });

  it("serves data computed as the app only after checking the person's browse permission", () => {
    // The project page snapshot (computed by the consumer as the app) and the stored SLO statuses.
    const serve = readFileSync('src/app/metrics/serve-project-page.ts', 'utf8');
    expect(serve).toMatch(/myPermissions\(\{ projectKey \}, \['BROWSE_PROJECTS'\]\)/);
  });
});

describe('manifest scopes', () => {
  /** Scopes that no Jira route needs, and why the app holds them. */
  const NON_JIRA_SCOPES: Record<string, string> = {
    'storage:app':
      'Forge KVS and secret storage (@forge/kvs): project configuration, SLOs, SLI data, push secret',
    // "report:personal-data — Enables the User privacy API"
    // (developer.atlassian.com/platform/forge/manifest-reference/scopes-forge/).
    'report:personal-data':
      'the personal data report (privacy.reportPersonalData, src/adapters/forge/privacy/report-accounts.ts)',
  };
  /**
   * Scopes an adapter route does not need yet but Jira's spec says it will: for POST
   * /rest/api/3/app/field/value the current requirement is empty and the description announces
   * write:app-data:jira as eventually mandatory (test/manifest/runs-on-atlassian.test.ts).
   */
  const ANNOUNCED_SCOPES: Record<string, string> = {
    'write:app-data:jira': 'POST /rest/api/3/app/field/value',
  };

  /** "METHOD /templated/path" of every `route` call in the Jira adapter, found by reading it. */
  function adapterRoutes(): string[] {
    const dir = 'src/adapters/forge/jira';
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => code(join(dir, f)))
      .join('\n');
    const routes = new Set<string>();
    for (const match of text.matchAll(
      /'(GET|POST|PUT|DELETE)',\s*(?:\([^)]*\)\s*=>\s*)?route`([^`?]+)/g,
    )) {
      const path = match[2]!.replace(/\$\{[^}]+\}/g, 'X');
      routes.add(`${match[1]} ${path}`);
    }
    // Paged reads pass the route as a function: `(query) => route\`…\``.
    for (const match of text.matchAll(/\(query\)\s*=>\s*route`([^`?]+)/g))
      routes.add(`GET ${match[1]!.replace(/\$\{[^}]+\}/g, 'X')}`);
    // Every `route` template written in the adapter was found with its method by the patterns.
    const templates = new Set(
      [...text.matchAll(/route`([^`?]+)/g)].map((m) => m[1]!.replace(/\$\{[^}]+\}/g, 'X')),
    );
    expect(new Set([...routes].map((r) => r.split(' ')[1]))).toEqual(templates);
    return [...routes].sort();
  }

  it("are exactly the scopes of the adapter's Jira routes plus storage", () => {
    const routes = adapterRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const needed = new Set<string>();
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const found = findOperation(method, path);
      expect(found, `${route} is not in Jira's OpenAPI specs`).toBeDefined();
      for (const scope of requiredScopes(method, found!.path)) needed.add(scope);
    }
    for (const route of Object.values(ANNOUNCED_SCOPES)) expect(routes).toContain(route);
    expect(manifestScopes().sort()).toEqual(
      [...needed, ...Object.keys(NON_JIRA_SCOPES), ...Object.keys(ANNOUNCED_SCOPES)].sort(),
    );
    expect(manifest.permissions.scopes.length).toBe(new Set(manifest.permissions.scopes).size);
  });
});

// Last: it changes settings and runs every job, which the tests above must not see.
describe('background jobs computing from admin-supplied settings', () => {
  /** Everything Ballast stores, as text (plain keys, documents). */
  const storedText = () => JSON.stringify(sandbox.host.kvs.store.state);
  const opsIssues = () => JSON.stringify(jira.state.issues.filter((i) => opsKeys.includes(i.key)));
  const PROJECT_SECTIONS = [
    'project/overview',
    'project/capacity',
    'project/delivery',
    'project/toilDebt',
    'project/incidents',
    'project/review',
    'project/reviewCsv',
    'project/slos',
  ];

  // The admin may browse OPS, so JQL naming it is valid for her and saved; the jobs run as the app,
  // which can read OPS too. What they compute and store must still hold SHOP's work only.
  it.each([
    ['project = OPS'],
    ['issuekey in (OPS-1, OPS-2)'],
    ['project in (SHOP, OPS)'],
    ['issuetype = Incident OR project = OPS'],
    ['issuetype = Incident) OR (project = OPS'],
  ])(
    'incident JQL %s: the recompute, postmortems, SLO roll-up and issue refresh store and show nothing of OPS and change no OPS issue',
    { timeout: 90_000 },
    async (jql) => {
      // OPS issues that any incident JQL would find, with their summaries as the marker.
      const incident = jira.state.issueTypes.find((t) => t.name === 'Incident')!;
      for (const issue of jira.state.issues.filter((i) => opsKeys.includes(i.key))) {
        issue.issueTypeId = incident.id;
        issue.resolutiondate ??= issue.updated;
      }
      const hideJql = (text: string) =>
        text.split(JSON.stringify(jql).slice(1, -1)).join('<the saved JQL>');
      const opsBefore = opsIssues();
      const issueCount = jira.state.issues.length;
      const current = await call('settings/get', ADMIN_ACCOUNT_ID, {});
      if (!current.ok) throw new Error(current.error.message);
      const { config, version } = current.data as { config: object; version: number };
      const saved = await call('settings/save', ADMIN_ACCOUNT_ID, {
        config: { ...config, incidentJql: jql },
        version,
      });
      if (!saved.ok) {
        // Refused at save, naming the field: nothing reaches the jobs.
        expect(saved.error).toMatchObject({ code: 'BAD_REQUEST', field: 'incidentJql' });
      }
      const outcomes = await sandbox.host.deliverEvent('ballast-metrics-refresh', {
        projectKey: 'SHOP',
      });
      expect(
        outcomes.every((o) => o.ok),
        JSON.stringify(outcomes).slice(0, 400),
      ).toBe(true);
      await sandbox.host.runScheduled('ballast-postmortems');
      await sandbox.host.runScheduled('ballast-slo-refresh');
      await sandbox.host.runScheduled('ballast-issue-refresh');
      await sandbox.host.idle();
      // The admin's own text names OPS; what the jobs stored must not.
      const stored = hideJql(storedText());
      expect(stored, 'an OPS summary was stored').not.toContain(OPS_MARKER);
      for (const key of opsKeys)
        expect(stored, `${key} was stored`).not.toMatch(new RegExp(`\\b${key}\\b`));
      for (const key of PROJECT_SECTIONS) {
        // The section names the saved JQL itself (the admin's setting, not OPS's data).
        const answer = hideJql(JSON.stringify(await call(key, MEMBER_ACCOUNT_ID, {})));
        expect(answer, key).not.toContain(OPS_MARKER);
        for (const opsKey of opsKeys)
          expect(answer, key).not.toMatch(new RegExp(`\\b${opsKey}\\b`));
      }
      // No job wrote an OPS issue's property or created an issue (a postmortem) for OPS's work.
      expect(opsIssues()).toBe(opsBefore);
      expect(jira.state.issues.slice(issueCount).filter((i) => i.key.startsWith('OPS-'))).toEqual(
        [],
      );
    },
  );
});
