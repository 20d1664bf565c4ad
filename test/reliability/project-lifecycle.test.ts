/**
 * Uninstall/reinstall and a project deleted in Jira (issue #11): the app's handlers meet Jira data
 * they did not write, or Ballast data about a project Jira no longer has. Every resolver, scheduled
 * job, consumer, trigger, validator and web trigger answers with data, an empty state or a clear
 * error — never INTERNAL, never an exception out of a handler.
 *
 * - Reinstall: a first install tags issues, ticks DoD items, imports SLOs and makes a push secret;
 *   it is uninstalled (Forge deletes the app's storage; Jira keeps the issue properties), and a new
 *   install on a fresh storage runs everything against that Jira.
 * - Deleted project: with SHOP's configuration, SLOs, SLI data, snapshot and undo entries stored,
 *   SHOP is deleted in the emulator (issues, boards, sprints gone: Jira answers 404, JQL naming it
 *   is a 400), and everything runs again.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSigned } from '../../sandbox/app-seed/signed-push';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  createJiraEmulator,
  deleteProject,
  type JiraEmulator,
} from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import {
  APP_SEED_TIMEOUT_MS,
  SEED_ANCHOR,
  startHostOn,
  type AppSandbox,
} from '../support/app-sandbox';
import {
  callResolver,
  contractKeys,
  fullExtension,
  sloFormFixture,
} from '../support/resolver-calls';

const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
  modules: Record<string, { key: string }[]>;
};
const keysOf = (type: string) => (manifest.modules[type] ?? []).map((m) => m.key);

let jira: JiraEmulator;
let issueKey: string;
const tally = { resolverCalls: 0, refusals: {} as Record<string, number>, jobs: 0 };

/** A well-formed payload per resolver; `{}` for those that take none. */
function payloadOf(key: string, version: number): unknown {
  const sprint = { boardId: 1, sprintId: 9 };
  const table: Record<string, unknown> = {
    'issue/get': { issueKey },
    'issue/setWorkType': { issueKey, workType: 'toil' },
    'issue/tickDodItem': { issueKey, itemId: 'code-reviewed', done: true },
    'settings/save': { config: {}, version },
    'settings/testRules': { issueKey },
    'slo/import': {
      yaml: readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'),
      version,
    },
    'slo/save': {
      originalName: null,
      slo: sloFormFixture('lifecycle-latency'),
      version,
    },
    'slo/delete': { name: 'checkout-availability', version },
    'planner/board': { boardId: 1 },
    'planner/evaluate': { ...sprint, withProposal: true },
    'planner/apply': {
      ...sprint,
      fingerprint: '0123456789abcdef',
      moves: [{ key: issueKey, direction: 'out' }],
    },
    'planner/undo': sprint,
    'planner/override': { ...sprint, reason: 'release', fingerprint: '0123456789abcdef' },
    'gate/recordOverride': { reason: 'hotfix', hours: 2 },
    'gate/endOverride': { id: 'x' },
  };
  return table[key] ?? {};
}

/** Every resolver as the admin and as a member: data or a clear refusal, never INTERNAL. */
async function everyResolver(sb: AppSandbox): Promise<Map<string, Envelope<unknown>>> {
  const answers = new Map<string, Envelope<unknown>>();
  for (const accountId of [ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID]) {
    for (const key of contractKeys()) {
      for (const version of [0, 1]) {
        let answer: Envelope<unknown>;
        try {
          answer = await callResolver(
            sb.host,
            key,
            accountId,
            payloadOf(key, version),
            fullExtension(issueKey),
          );
        } catch (error) {
          throw new Error(`${key} threw: ${String(error)}`, { cause: error });
        }
        tally.resolverCalls += 1;
        expect(typeof answer.ok, key).toBe('boolean');
        if (!answer.ok) {
          tally.refusals[answer.error.code] = (tally.refusals[answer.error.code] ?? 0) + 1;
          expect(answer.error.code, `${key}: ${answer.error.message}`).not.toBe('INTERNAL');
          expect(answer.error.message.length, key).toBeGreaterThan(10);
        }
        if (accountId === ADMIN_ACCOUNT_ID) answers.set(`${key}@${version}`, answer);
      }
    }
  }
  await sb.host.idle();
  return answers;
}

/** Every scheduled job and the metrics consumer: none may throw. */
async function everyJob(sb: AppSandbox): Promise<void> {
  for (const key of keysOf('scheduledTrigger')) {
    await expect(sb.host.runScheduled(key), key).resolves.not.toThrow();
    tally.jobs += 1;
  }
  const outcomes = await sb.host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' });
  tally.jobs += 1;
  for (const outcome of outcomes)
    expect(outcome.ok, outcome.ok ? '' : String(outcome.error)).toBe(true);
  await sb.host.idle();
}

/** The product triggers, the validators and the web triggers on SHOP's ids. */
async function everyEventHandler(sb: AppSandbox, secret: string | null): Promise<void> {
  for (const outcome of [
    ...(await sb.host.runProductEvent('avi:jira:updated:issue', {
      issue: { key: issueKey, fields: { project: { key: 'SHOP' } } },
      atlassianId: MEMBER_ACCOUNT_ID,
    })),
    ...(await sb.host.runProductEvent('avi:jira-software:started:sprint', {
      sprint: { id: 9, originBoardId: 1 },
    })),
    ...(await sb.host.runProductEvent('avi:jira-software:closed:sprint', {
      sprint: { id: 9, originBoardId: 1 },
    })),
  ])
    expect(outcome.ok, `${outcome.moduleKey}: ${outcome.ok ? '' : String(outcome.error)}`).toBe(
      true,
    );
  for (const validator of keysOf('jira:workflowValidator')) {
    const answer = await sb.host.runValidator(validator, {
      issueKey,
      fromStatusId: '1',
      toStatusId: '3',
    });
    expect(answer.errorMessage ?? '', validator).not.toMatch(/failed/);
  }
  const body = JSON.stringify({
    batchId: `lifecycle-${Date.now()}`,
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
  for (const trigger of keysOf('webtrigger')) {
    const answer = await callSigned(sb.host, trigger, body, secret);
    expect(answer.statusCode, `${trigger}: ${answer.body}`).toBeLessThan(500);
  }
}

async function data<T>(sb: AppSandbox, key: string, payload: unknown): Promise<T> {
  const answer = await callResolver(
    sb.host,
    key,
    ADMIN_ACCOUNT_ID,
    payload,
    fullExtension(issueKey),
  );
  if (!answer.ok) throw new Error(`${key}: ${answer.error.message}`);
  return answer.data as T;
}

beforeAll(async () => {
  jira = await createJiraEmulator({ seed: { anchor: SEED_ANCHOR }, now: () => SEED_ANCHOR });
  issueKey = jira.state.issues.find((i) => i.sprintIds.includes(9) && !i.parentId)!.key;
});
afterAll(async () => {
  console.info(`project lifecycle: ${JSON.stringify(tally)}`);
  await jira.close();
});

describe('uninstall and install again', () => {
  it(
    'a fresh install on a Jira with the old install’s data answers everything cleanly',
    { timeout: APP_SEED_TIMEOUT_MS },
    async () => {
      const first = startHostOn(jira);
      let oldSecret: string;
      try {
        await data(first, 'issue/setWorkType', { issueKey, workType: 'debt' });
        await data(first, 'issue/tickDodItem', { issueKey, itemId: 'code-reviewed', done: true });
        await data(first, 'slo/import', payloadOf('slo/import', 0));
        oldSecret = (await data<{ secret: string }>(first, 'push/rotateSecret', {})).secret;
        await first.host.runScheduled('ballast-issue-refresh');
      } finally {
        await first.close();
      }
      const second = startHostOn(jira);
      try {
        // The issue's own data lives in Jira and survives: the panel shows the old choice and tick.
        const view = await data<{
          workType: { type: string };
          dod: { items: { id: string; state: string }[] };
        }>(second, 'issue/get', { issueKey });
        expect(view.workType.type).toBe('debt');
        expect(view.dod.items.find((i) => i.id === 'code-reviewed')?.state).toBe('done');
        // The old secret went with the storage: pushes signed with it are refused, not stored.
        const refused = await callSigned(second.host, 'ballast-deployment-push', '{}', oldSecret);
        expect(refused.statusCode).toBe(401);
        await everyResolver(second);
        await everyJob(second);
        await everyEventHandler(second, null);
      } finally {
        await second.close();
      }
    },
  );
});

describe('a project deleted in Jira', () => {
  it(
    'every resolver, job, trigger, validator and web trigger answers cleanly about it',
    { timeout: APP_SEED_TIMEOUT_MS },
    async () => {
      const sb = startHostOn(jira);
      try {
        const settings = await data<{ config: Record<string, unknown>; version: number }>(
          sb,
          'settings/get',
          {},
        );
        await data(sb, 'settings/save', {
          config: { ...settings.config, board: { boardId: 1, estimationFieldId: null } },
          version: settings.version,
        });
        await data(sb, 'slo/import', payloadOf('slo/import', 0));
        const secret = (await data<{ secret: string }>(sb, 'push/rotateSecret', {})).secret;
        const plan = await data<{
          fingerprint: string;
          proposal: { moves: { key: string; direction: string }[] } | null;
        }>(sb, 'planner/evaluate', { boardId: 1, sprintId: 9, withProposal: true });
        await data(sb, 'planner/apply', {
          boardId: 1,
          sprintId: 9,
          fingerprint: plan.fingerprint,
          moves: (plan.proposal?.moves ?? []).map(({ key, direction }) => ({ key, direction })),
        });
        await data(sb, 'project/refresh', {});
        await sb.host.idle();
        await everyEventHandler(sb, secret);
        await sb.host.runScheduled('ballast-slo-refresh');

        deleteProject(jira.store, 'SHOP');
        expect(jira.state.issues.filter((i) => i.key.startsWith('SHOP-'))).toEqual([]);

        const answers = await everyResolver(sb);
        // Nothing about the deleted project's work is served from Ballast's storage to anyone.
        for (const key of [
          'issue/get',
          'planner/evaluate',
          'settings/testRules',
          'project/overview',
        ])
          expect(answers.get(`${key}@0`)?.ok, key).toBe(false);
        await everyJob(sb);
        await everyEventHandler(sb, secret);
      } finally {
        await sb.close();
      }
    },
  );
});
