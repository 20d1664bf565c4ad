/**
 * Jira faults (issue #11): two sandboxes from the same seed — "calm" (Jira never fails) and "rough"
 * (the emulator answers a seeded share of calls with 429 + Retry-After or 5xx) — get the same calls.
 *
 * - Every resolver of the contract, in an order that reads, writes and reads again: under faults
 *   each answer is the calm answer, or a refusal with `retryable: true`; a person retrying then gets
 *   the calm answer. At the end the two Jiras (issues' Ballast properties, sprints, statuses, field
 *   values) and the two app storages are the same: no fault lost or corrupted anything.
 * - The jobs: the bulk issue refresh and the metrics consumer, interrupted by faults and run again,
 *   end with what a fault-free run wrote.
 * A new resolver key fails this test until it has a call here. Timeouts (a Jira call that never
 * answers) and rebalances hit mid-way are in jira-timeouts.test.ts and rebalance-faults.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, NO_FAULTS } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import { TEAM_POLICY } from '../integration/planner-support';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import {
  callResolver,
  contractKeys,
  fullExtension,
  sloFormFixture,
} from '../support/resolver-calls';

/**
 * Round 1, mild: 5% of calls 429 (Retry-After: 1 s), 10% 500/502/503 — the client's retries should
 * hide them all. Round 2, severe: 30% 429 (Retry-After: 0, to keep the test short) and 20% 5xx —
 * about 6% of calls fail all four attempts, so resolvers must refuse retryably.
 */
const ROUND_FAULTS = [
  { rate429: 0.05, retryAfterSeconds: 1, rate5xx: 0.1 },
  { rate429: 0.3, retryAfterSeconds: 0, rate5xx: 0.2 },
];
const ROUNDS = ROUND_FAULTS.length;

let rough: AppSandbox;
let issueKey: string;
const outcomes = {
  same: 0,
  retryable: 0,
  retried: 0,
  movedButAnsweredError: 0,
  halfDoneAndSaidSo: 0,
  jiraCalls: 0,
};

type Step = {
  readonly key: string;
  readonly as?: string;
  readonly payload: (sb: AppSandbox) => unknown;
};

async function data<T>(sb: AppSandbox, key: string, payload: unknown = {}): Promise<T> {
  const answer = await callResolver(
    sb.host,
    key,
    ADMIN_ACCOUNT_ID,
    payload,
    fullExtension(issueKey),
  );
  if (!answer.ok) throw new Error(`${key}: ${answer.error.code} ${answer.error.message}`);
  return answer.data as T;
}

const SLO_FORM = { ...sloFormFixture('faults-latency'), displayName: 'Latency' };
const sloVersion = async (sb: AppSandbox) =>
  (await data<{ version: number }>(sb, 'slo/list')).version;

/** Every resolver, reads around writes. */
const STEPS: Step[] = [
  { key: 'meta/about', payload: () => ({}) },
  { key: 'settings/get', payload: () => ({}) },
  {
    key: 'settings/save',
    payload: async (sb) => {
      const view = await data<{ config: Record<string, unknown>; version: number }>(
        sb,
        'settings/get',
      );
      return {
        config: {
          ...view.config,
          board: { boardId: 1, estimationFieldId: null },
          // A policy under which sprint 9's rebalance moves items both ways (planner-support.ts).
          capacity: { ...(view.config.capacity as object), ...TEAM_POLICY },
        },
        version: view.version,
      };
    },
  },
  { key: 'settings/testRules', payload: () => ({ issueKey }) },
  { key: 'issue/get', payload: () => ({ issueKey }) },
  { key: 'issue/setWorkType', payload: () => ({ issueKey, workType: 'toil' }) },
  {
    key: 'issue/tickDodItem',
    as: MEMBER_ACCOUNT_ID,
    payload: () => ({ issueKey, itemId: 'runbook-updated', done: true }),
  },
  { key: 'issue/setWorkType', payload: () => ({ issueKey, workType: 'debt' }) },
  {
    key: 'slo/import',
    payload: async (sb) => ({
      yaml: readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'),
      version: await sloVersion(sb),
    }),
  },
  {
    key: 'slo/save',
    payload: async (sb) => ({ originalName: null, slo: SLO_FORM, version: await sloVersion(sb) }),
  },
  {
    key: 'slo/delete',
    payload: async (sb) => ({ name: SLO_FORM.name, version: await sloVersion(sb) }),
  },
  { key: 'slo/list', payload: () => ({}) },
  { key: 'slo/export', payload: () => ({}) },
  { key: 'push/get', payload: () => ({}) },
  { key: 'push/rotateSecret', payload: () => ({}) },
  { key: 'planner/board', payload: () => ({ boardId: 1 }) },
  { key: 'planner/evaluate', payload: () => ({ boardId: 1, sprintId: 9, withProposal: true }) },
  {
    key: 'planner/override',
    payload: async (sb) => {
      const view = await data<{ fingerprint: string }>(sb, 'planner/evaluate', {
        boardId: 1,
        sprintId: 9,
      });
      return { boardId: 1, sprintId: 9, reason: 'release train', fingerprint: view.fingerprint };
    },
  },
  { key: 'planner/audit', payload: () => ({}) },
  { key: 'settings/auditLog', payload: () => ({}) },
  {
    key: 'planner/apply',
    payload: async (sb) => {
      const view = await data<{
        fingerprint: string;
        proposal: { moves: { key: string; direction: string }[] } | null;
      }>(sb, 'planner/evaluate', { boardId: 1, sprintId: 9, withProposal: true });
      return {
        boardId: 1,
        sprintId: 9,
        fingerprint: view.fingerprint,
        moves: (view.proposal?.moves ?? []).map(({ key, direction }) => ({ key, direction })),
      };
    },
  },
  { key: 'planner/undo', payload: () => ({ boardId: 1, sprintId: 9 }) },
  { key: 'project/overview', payload: () => ({}) },
  { key: 'project/capacity', payload: () => ({}) },
  { key: 'project/delivery', payload: () => ({}) },
  { key: 'project/toilDebt', payload: () => ({}) },
  { key: 'project/incidents', payload: () => ({}) },
  { key: 'project/slos', payload: () => ({}) },
  { key: 'project/refresh', payload: () => ({}) },
  { key: 'project/review', payload: () => ({}) },
  { key: 'project/reviewCsv', payload: () => ({}) },
  { key: 'portfolio/list', payload: () => ({}) },
  { key: 'notify/get', payload: () => ({}) },
  {
    key: 'notify/save',
    payload: () => ({
      version: 0,
      events: { gate: true, alert: true, buffer: true, postmortem: true },
      jira: { enabled: false, issueKey: null, watchers: true, accountIds: [], groups: [] },
      webhook: { action: 'none' },
    }),
  },
  // Nowhere to send a test yet: the same refusal with and without faults.
  { key: 'notify/test', payload: () => ({}) },
  { key: 'projectData/get', payload: () => ({}) },
  { key: 'projectData/export', payload: () => ({}) },
  { key: 'projectData/projects', payload: () => ({}) },
  // A wrong confirmation: refused before anything is deleted, with and without faults.
  { key: 'projectData/delete', payload: () => ({ confirm: 'NOT-SHOP' }) },
  { key: 'gate/overrides', payload: () => ({}) },
  { key: 'gate/recordOverride', payload: () => ({ reason: 'hotfix', hours: 2 }) },
  { key: 'gate/endOverride', payload: () => ({ id: 'none' }) },
];

/** An answer without what differs between two correct runs: times, random secrets and ids. */
function normalize(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\b[0-9a-f]{64}\b/g, '<secret>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
    // How long the portfolio took to answer (a measurement, not a figure of the data).
    .replace(/"serveMs":\d+(\.\d+)?/g, '"serveMs":"<ms>"');
}

async function callAs(sb: AppSandbox, step: Step, payload: unknown): Promise<Envelope<unknown>> {
  return callResolver(
    sb.host,
    step.key,
    step.as ?? ADMIN_ACCOUNT_ID,
    payload,
    fullExtension(issueKey),
  );
}

/** What Jira holds that the app may change. */
function jiraState(sb: AppSandbox): string {
  return normalize(
    sb.jira.state.issues.map((i) => [i.key, i.properties, i.sprintIds, i.statusId, i.custom]),
  );
}

function sprintState(sb: AppSandbox): string {
  return JSON.stringify(sb.jira.state.issues.map((i) => [i.key, i.sprintIds]));
}

/**
 * When Jira fails the read that follows the moves, the moves are done (and recorded for Undo) and
 * the answer says so — "Applied the rebalance: moved … Reading the sprint again failed: …" (or
 * "Undid the rebalance: …") — so the person reloads instead of retrying a proposal that is now stale
 * (src/app/planner/apply-rebalance.ts, undo-rebalance.ts; rebalance-faults.test.ts holds the
 * deterministic case). These messages are checked here for every such answer.
 */
const MOVED_THEN_READ_FAILED: Record<string, RegExp> = {
  'planner/apply':
    /^Applied the rebalance: moved .+ to the backlog and .+ into .+, and Undo can put them back\. Reading the sprint again failed: .+ Reload the planner to see the plan\.$/,
  'planner/undo':
    /^Undid the rebalance: .+ back to the backlog and .+ back into .+\. Reading the sprint again failed: .+ Reload the planner to see the plan\.$/,
};
const MOVES_THEN_READS = new Set(Object.keys(MOVED_THEN_READ_FAILED));

/**
 * Derived caches, recomputed by background work a resolver may queue (the project page snapshot,
 * the suggestion model): a recompute that Jira's faults make fail leaves the previous cache and says
 * so, which differs from the calm run without anything people entered being lost. The metrics
 * consumer test below checks that cache on its own.
 */
const DERIVED_CACHE = /^(metrics:|metrics-projects$|suggestion-)/;

interface AuditEntry {
  kind?: string;
  sprint?: { id: number };
  moves?: { key: string; direction: string; amount?: number }[];
}

/**
 * The audit log with the person's recovery steps folded into their net effect. A half-applied
 * rebalance is undone and applied again, and a half-undone one is undone a second time (see the
 * test below); the log records each of those truthfully, so it holds more entries than the calm
 * run's: an apply whose undo is followed by another apply of the sprint is dropped with that undo,
 * and consecutive undos of one sprint are one undo of all their moves.
 */
function netRebalances(body: unknown): unknown {
  const entries = (body as { entries?: AuditEntry[] }).entries;
  if (!Array.isArray(entries)) return body;
  const net: AuditEntry[] = [];
  entries.forEach((entry, i) => {
    const previous = net.at(-1);
    const next = entries[i + 1];
    if (
      entry.kind === 'rebalanceUndone' &&
      previous?.kind === 'rebalanceApplied' &&
      next?.kind === 'rebalanceApplied' &&
      next.sprint?.id === entry.sprint?.id
    ) {
      net.pop();
      return;
    }
    if (
      entry.kind === 'rebalanceUndone' &&
      previous?.kind === entry.kind &&
      previous.sprint?.id === entry.sprint?.id
    ) {
      net[net.length - 1] = {
        ...entry,
        moves: [...(previous.moves ?? []), ...(entry.moves ?? [])],
      };
      return;
    }
    net.push(entry);
  });
  const sortedMoves = net.map((e) =>
    e.moves === undefined
      ? e
      : { ...e, moves: [...e.moves].sort((a, b) => a.key.localeCompare(b.key)) },
  );
  return { ...(body as object), entries: sortedMoves };
}

/** The app's storage without the push secret (random), derived caches and times. */
function appState(sb: AppSandbox): string {
  const { kv, entities } = sb.host.kvs.store.state;
  const values = (space: Record<string, { value: unknown }>) =>
    Object.fromEntries(
      Object.entries(space)
        .filter(([k]) => !DERIVED_CACHE.test(k))
        .map(([k, item]) => [k, item.value]),
    );
  return (
    normalize({
      kv: values(kv),
      // Documents by their content: how many writes led there (the version counter) may differ
      // when a person had to undo and re-apply a half-applied rebalance.
      entities: Object.fromEntries(
        Object.entries(entities).map(([name, space]) => [
          name,
          Object.fromEntries(
            Object.entries(values(space)).map(([k, v]) => {
              const body = (v as { body?: unknown }).body ?? v;
              return [k, k.startsWith('planner-audit:') ? netRebalances(body) : body];
            }),
          ),
        ]),
      ),
    })
      // Metrics snapshot generations and compute times differ between runs.
      .replace(/"generation":"\d+"/g, '"generation":"<gen>"')
      .replace(/chunk:\d+:/g, 'chunk:<gen>:')
      .replace(/\\"computeMs\\":\d+/g, '\\"computeMs\\":0')
  );
}

/** What the calm run saw, step by step (two Forge hosts cannot run in one process at once). */
const seen = {
  answers: [] as string[],
  /** Where every issue is (its sprints) after each step. */
  sprints: [] as string[],
  jiraAfterSteps: '',
  appAfterSteps: '',
  jiraAfterRefresh: '',
  sections: [] as string[],
};

const SECTIONS = [
  'project/overview',
  'project/capacity',
  'project/delivery',
  'project/toilDebt',
  'project/incidents',
];
async function readSections(sb: AppSandbox): Promise<string[]> {
  const answers: string[] = [];
  for (const key of SECTIONS)
    answers.push(
      normalize(await callResolver(sb.host, key, ADMIN_ACCOUNT_ID, {}, fullExtension(issueKey))),
    );
  return answers;
}

beforeAll(async () => {
  const calm = await startAppSandbox();
  try {
    issueKey = calm.jira.state.issues.find((i) => i.sprintIds.includes(9) && !i.parentId)!.key;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const step of STEPS) {
        const answer = await callAs(calm, step, await step.payload(calm));
        await calm.host.idle();
        seen.answers.push(normalize(answer));
        seen.sprints.push(sprintState(calm));
      }
    }
    seen.jiraAfterSteps = jiraState(calm);
    seen.appAfterSteps = appState(calm);
    await calm.host.runScheduled('ballast-issue-refresh');
    seen.jiraAfterRefresh = jiraState(calm);
    const outcomes = await calm.host.deliverEvent('ballast-metrics-refresh', {
      projectKey: 'SHOP',
    });
    if (!outcomes.every((o) => o.ok)) throw new Error('the calm metrics recompute failed');
    seen.sections = await readSections(calm);
  } finally {
    await calm.close();
  }
  // Which calls fail also depends on the order of concurrent calls, which load changes, so runs
  // differ anyway; JIRA_FAULTS_SEED explores other fault patterns on purpose.
  rough = await startAppSandbox({ faultSeed: Number(process.env.JIRA_FAULTS_SEED ?? 2026) });
}, 120_000);
afterAll(async () => {
  console.info(`jira faults: ${JSON.stringify(outcomes)}`);
  await rough.close();
});

describe('every resolver while Jira fails a share of calls', () => {
  it('has a call for every key of the contract', () => {
    expect([...new Set(STEPS.map((s) => s.key))].sort()).toEqual(contractKeys());
  });

  it(
    'answers as without faults, or retryably; a retry answers as without faults; nothing diverges',
    { timeout: 180_000 },
    async () => {
      let index = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const step of STEPS) {
          const expected = seen.answers[index]!;
          index += 1;
          const payload = await step.payload(rough);
          rough.jira.stats.reset();
          rough.jira.faults.update(ROUND_FAULTS[round]!);
          let answer: Envelope<unknown>;
          try {
            answer = await callAs(rough, step, payload);
          } finally {
            rough.jira.faults.update(NO_FAULTS);
          }
          await rough.host.idle();
          outcomes.jiraCalls += Object.values(rough.jira.stats.snapshot().byRoute).reduce(
            (a, b) => a + b,
            0,
          );
          const label = `${step.key} (round ${round + 1}): ${JSON.stringify(answer).slice(0, 400)}`;
          if (answer.ok || !answer.error.retryable || normalize(answer) === expected) {
            expect(normalize(answer), label).toBe(expected);
            outcomes.same += 1;
            continue;
          }
          outcomes.retryable += 1;
          expect(answer.error.code, label).not.toBe('INTERNAL');
          expect(answer.error.message, label).toMatch(/try again|retry|later|shortly|minute/i);
          if (MOVES_THEN_READS.has(step.key) && sprintState(rough) === seen.sprints[index - 1]) {
            // Every move went through and was recorded; only the read after them failed: the
            // answer must say it was done.
            expect(answer.error.message, label).toMatch(MOVED_THEN_READ_FAILED[step.key]!);
            outcomes.movedButAnsweredError += 1;
            continue;
          }
          if (
            step.key === 'planner/apply' &&
            /Undo puts the moved items back/.test(answer.error.message)
          ) {
            // Half applied, and the answer says so: the person undoes, then applies afresh.
            const undo = await callAs(
              rough,
              { key: 'planner/undo', payload: () => ({}) },
              { boardId: 1, sprintId: 9 },
            );
            expect(undo.ok, JSON.stringify(undo).slice(0, 300)).toBe(true);
            const again = await callAs(rough, step, await step.payload(rough));
            await rough.host.idle();
            outcomes.halfDoneAndSaidSo += 1;
            expect(normalize(again), `${step.key} re-applied`).toBe(expected);
            continue;
          }
          if (step.key === 'planner/undo' && /Undo again to finish/.test(answer.error.message)) {
            // Half undone, and the answer says so: undoing again finishes it.
            const again = await callAs(rough, step, payload);
            await rough.host.idle();
            outcomes.halfDoneAndSaidSo += 1;
            expect(again.ok, JSON.stringify(again).slice(0, 300)).toBe(true);
            expect(sprintState(rough)).toBe(seen.sprints[index - 1]);
            continue;
          }
          // The person retries (same payload) once Jira is back.
          const retried = await callAs(rough, step, payload);
          await rough.host.idle();
          outcomes.retried += 1;
          expect(
            normalize(retried),
            `${step.key} retried: ${JSON.stringify(retried).slice(0, 400)}`,
          ).toBe(expected);
        }
      }
      expect(outcomes.retryable, 'the faults never hit a resolver').toBeGreaterThan(0);
      expect(jiraState(rough)).toBe(seen.jiraAfterSteps);
      expect(appState(rough)).toBe(seen.appAfterSteps);
    },
  );
});

describe('jobs interrupted by faults and run again', () => {
  it(
    'the bulk issue refresh, failed mid-pass, resumes where it stopped and ends with what a fault-free run wrote',
    { timeout: 120_000 },
    async () => {
      expect(jiraState(rough)).toBe(seen.jiraAfterSteps);
      // Jira fails the 31st property write of the pass, all four attempts.
      rough.jira.faults.addRule({
        method: 'PUT',
        path: /\/properties\/ballast$/,
        skip: 30,
        count: 4,
        fault: { kind: '5xx', status: 503 },
      });
      try {
        // The job logs the project it could not finish and ends.
        await rough.host.runScheduled('ballast-issue-refresh');
      } finally {
        rough.jira.faults.clearRules();
      }
      expect(jiraState(rough), 'the faults did not interrupt the refresh').not.toBe(
        seen.jiraAfterRefresh,
      );
      // The progress says where it stopped: at the issue whose write failed, not at the start.
      const progress = rough.host.kvs.store.state.kv['issue-refresh:SHOP']?.value as {
        offset: number;
        written: number;
        finishedAt: string | null;
      };
      expect(progress).toMatchObject({ written: 30, finishedAt: null });
      expect(progress.offset).toBeGreaterThanOrEqual(30);
      // The next run resumes there: it writes only the issues from that point on.
      rough.jira.stats.reset();
      await rough.host.runScheduled('ballast-issue-refresh');
      expect(jiraState(rough)).toBe(seen.jiraAfterRefresh);
      const writes = Object.entries(rough.jira.stats.snapshot().byRoute)
        .filter(([route]) => /^PUT .*\/properties\//.test(route))
        .reduce((sum, [, count]) => sum + count, 0);
      const total = (
        rough.host.kvs.store.state.kv['issue-refresh:SHOP']?.value as { written: number }
      ).written;
      expect(writes).toBe(total - 30);
      // And it is done: a third run the same day writes nothing.
      rough.jira.stats.reset();
      await rough.host.runScheduled('ballast-issue-refresh');
      expect(
        Object.keys(rough.jira.stats.snapshot().byRoute).filter((r) =>
          /^(PUT|POST) .*(properties|app\/field)/.test(r),
        ),
      ).toEqual([]);
    },
  );

  it(
    'the metrics consumer keeps the last good snapshot on failure and, run again, computes what a fault-free run does',
    { timeout: 120_000 },
    async () => {
      await rough.host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' });
      const before = await readSections(rough);
      rough.jira.faults.update({ rate5xx: 1 });
      let failed;
      try {
        failed = await rough.host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' });
      } finally {
        rough.jira.faults.update(NO_FAULTS);
      }
      expect(
        failed.some((o) => !o.ok),
        'the faults did not interrupt the recompute',
      ).toBe(true);
      // The page still serves the previous snapshot, saying the last recompute failed.
      const during = await readSections(rough);
      for (const answer of during) expect(answer).toMatch(/^\{"ok":true/);
      const withoutError = (a: string) =>
        a.replace(/"lastError":(null|"(?:[^"\\]|\\.)*")/g, '"lastError":X');
      expect(during.map(withoutError)).toEqual(before.map(withoutError));
      expect(during.join()).toMatch(/"lastError":"The last recompute failed/);
      const again = await rough.host.deliverEvent('ballast-metrics-refresh', {
        projectKey: 'SHOP',
      });
      expect(again.every((o) => o.ok)).toBe(true);
      expect(await readSections(rough)).toEqual(seen.sections);
    },
  );
});
