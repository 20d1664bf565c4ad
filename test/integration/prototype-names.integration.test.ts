/**
 * Every name is just a name (issue #19, item 3): names that are also JavaScript's own
 * (`constructor`, `__proto__`, `toString`, `hasOwnProperty`, every member of Object.prototype) go
 * through the real handlers — SLO import, the SLO form, the signed SLI push, the roll-up job and the
 * project page — as names. Before the fix the SLO directory was a plain object: a push for
 * `constructor` (no such SLO) was accepted and stored, and saving a real SLO named `constructor`
 * was refused with the message `function Object() { [native code] }`.
 *
 * OpenSLO names are RFC 1123 labels (lower-case letters, digits, `-`), so of these only
 * `constructor` can be an SLO; the others are refused at import and save as badly formed names —
 * with the field named and nothing stored — and pushes naming them are refused as unknown.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { SloListView, RotatedSecretView } from '../../src/contract/slo';
import type { SlosData, SnapshotAnswer } from '../../src/contract/project-page';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';
import { kvsSnapshot, sloFormFixture } from '../support/resolver-calls';

const MINUTE = 60_000;
/** Every own member of Object.prototype (constructor, __proto__, toString, hasOwnProperty, …). */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Words that would show that an internal value, not a name, reached a message. */
const INTERNALS = /native code|\[object |function |undefined|prototype/;

let sandbox: AppSandbox;
let sliUrl: string;
let closeListener: () => Promise<void>;
let secret: string;

function call<T>(
  functionKey: string,
  accountId: string,
  payload: unknown = {},
  module = 'settings',
) {
  return sandbox.host.invokeResolver({
    moduleKey: module === 'page' ? 'ballast-project-page' : 'ballast-issue-panel',
    functionKey,
    payload,
    accountId,
    extension:
      module === 'page'
        ? { type: 'jira:projectPage', project: { key: 'SHOP' } }
        : { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
  }) as Promise<Envelope<T>>;
}

function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

const list = async () => data(await call<SloListView>('slo/list', ADMIN_ACCOUNT_ID));

function minutePoints(slo: string, count: number, bad: number) {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  return Array.from({ length: count }, (_, i) => ({
    slo,
    start: new Date(end - (count - i) * MINUTE).toISOString(),
    end: new Date(end - (count - 1 - i) * MINUTE).toISOString(),
    good: 1000 - bad,
    total: 1000,
  }));
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  sliUrl = `${listener.url}/x1/ballast-sli-push`;
  const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
  data(await call('slo/import', ADMIN_ACCOUNT_ID, { yaml, version: 0 }));
  ({ secret } = data(await call<RotatedSecretView>('push/rotateSecret', ADMIN_ACCOUNT_ID)));
}, 60_000);
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('a push naming an SLO that does not exist', () => {
  it.each(PROTOTYPE_NAMES)(
    '%s is refused as unknown, naming the field, storing nothing',
    async (name) => {
      const before = kvsSnapshot(sandbox.host);
      const answer = await push(sliUrl, secret, {
        batchId: `proto-${name}`,
        points: minutePoints(name, 1, 0),
      });
      expect([400, 404]).toContain(answer.status);
      expect(JSON.stringify(answer.body)).toContain('points[0].slo');
      expect(JSON.stringify(answer.body)).not.toMatch(INTERNALS);
      expect(kvsSnapshot(sandbox.host)).toBe(before);
    },
  );

  it('whatever Object.prototype name is mixed into an otherwise valid batch (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PROTOTYPE_NAMES),
        fc.nat({ max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        async (name, at, size) => {
          const points = minutePoints('checkout-availability', size, 0);
          const index = Math.min(at, size - 1);
          points[index] = { ...points[index]!, slo: name };
          const before = kvsSnapshot(sandbox.host);
          const answer = await push(sliUrl, secret, {
            batchId: `mix-${name}-${at}-${size}`,
            points,
          });
          expect([400, 404]).toContain(answer.status);
          expect(JSON.stringify(answer.body)).toContain(`points[${index}].slo`);
          expect(JSON.stringify(answer.body)).not.toMatch(INTERNALS);
          expect(kvsSnapshot(sandbox.host)).toBe(before);
        },
      ),
      { numRuns: 40, seed: 19 },
    );
  }, 60_000);
});

describe('an SLO named constructor', () => {
  it('is saved by the form, pushed to, rolled up and shown on the project page', async () => {
    const { version } = await list();
    const saved = await call<SloListView>('slo/save', ADMIN_ACCOUNT_ID, {
      originalName: null,
      slo: sloFormFixture('constructor'),
      version,
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect((await list()).slos.map((s) => s.name)).toContain('constructor');

    const pushed = await push(sliUrl, secret, {
      batchId: 'constructor-1',
      points: minutePoints('constructor', 30, 200),
    });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(pushed.body).toMatchObject({ accepted: 30, duplicate: false });
    await sandbox.host.runScheduled('ballast-slo-refresh');

    const page = data(
      await call<SnapshotAnswer<SlosData>>('project/slos', MEMBER_ACCOUNT_ID, {}, 'page'),
    );
    expect(JSON.stringify(page)).not.toMatch(/native code/);
    expect(JSON.stringify(page)).toContain('"constructor"');
  }, 60_000);

  it('is imported from OpenSLO (the directory keeps it as a plain name)', async () => {
    const { version } = await list();
    const exported = data(await call<{ yaml: string }>('slo/export', ADMIN_ACCOUNT_ID));
    const imported = await call<SloListView>('slo/import', ADMIN_ACCOUNT_ID, {
      yaml: exported.yaml,
      version,
    });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    expect(data(imported).slos.map((s) => s.name)).toContain('constructor');
    // And still the one SLO of that name: a push for it keeps being accepted.
    const pushed = await push(sliUrl, secret, {
      batchId: 'constructor-2',
      points: minutePoints('constructor', 1, 0),
    });
    expect(pushed.status).toBe(200);
  });
});

describe('names that cannot be OpenSLO names', () => {
  it.each(['__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'the form refuses %s as a name, naming the field, storing nothing',
    async (name) => {
      const { version } = await list();
      const before = kvsSnapshot(sandbox.host);
      const answer = await call<SloListView>('slo/save', ADMIN_ACCOUNT_ID, {
        originalName: null,
        slo: sloFormFixture(name),
        version,
      });
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error).toMatchObject({ code: 'BAD_REQUEST', field: 'name' });
      expect(answer.error.message).not.toMatch(INTERNALS);
      expect(kvsSnapshot(sandbox.host)).toBe(before);
    },
  );

  it.each(['__proto__', 'toString', 'hasOwnProperty'])(
    'an import naming an SLO %s is refused at its line, storing nothing',
    async (name) => {
      const { version } = await list();
      const exported = data(await call<{ yaml: string }>('slo/export', ADMIN_ACCOUNT_ID));
      const yaml = exported.yaml.replace('name: constructor', `name: ${name}`);
      expect(yaml).not.toBe(exported.yaml);
      const before = kvsSnapshot(sandbox.host);
      const answer = await call<SloListView>('slo/import', ADMIN_ACCOUNT_ID, { yaml, version });
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('BAD_REQUEST');
      expect(answer.error.message).toMatch(/line \d+/);
      expect(answer.error.message).not.toMatch(INTERNALS);
      expect(kvsSnapshot(sandbox.host)).toBe(before);
    },
  );
});

describe('rules whose ids, labels and keywords are JavaScript’s own names', () => {
  it('are saved and match as plain text (settings/save, settings/testRules)', async () => {
    const issue = sandbox.jira.state.issues.find((i) => i.key === 'SHOP-1')!;
    issue.labels = ['toString'];
    const rules = [
      { id: 'constructor', type: 'toil', when: { field: 'label', anyOf: ['__proto__'] } },
      { id: 'hasownproperty', type: 'debt', when: { field: 'label', anyOf: ['toString'] } },
    ];
    const view = data(
      await call<{ config: object; version: number }>('settings/get', ADMIN_ACCOUNT_ID),
    );
    const saved = await call('settings/save', ADMIN_ACCOUNT_ID, {
      config: { ...view.config, rules },
      version: view.version,
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const answer = data(
      await call<{ type: string; rule: { id: string } | null; reason: string }>(
        'settings/testRules',
        ADMIN_ACCOUNT_ID,
        { issueKey: 'SHOP-1' },
      ),
    );
    expect(answer).toMatchObject({ type: 'debt', rule: { id: 'hasownproperty' } });
    expect(answer.reason).toContain('label is "toString"');
    expect(answer.reason).not.toMatch(INTERNALS);
  });
});
