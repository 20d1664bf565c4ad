/**
 * A rebalance hit by Jira failures at each step (issue #11): deterministic fault rules in the
 * emulator fail one exact Jira call (all four attempts) — moving items out, pulling items in, or the
 * read after the moves. The sprint must end as it was or as planned, and the answer must say which.
 * Fresh sandbox per test (~2 s each).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, type FaultRule } from '../../sandbox/jira';
import type { SprintEvaluation } from '../../src/contract/planner';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import {
  ACTIVE_SPRINT,
  dataOf,
  plannerCaller,
  sprintOf,
  useTeamPolicy,
} from '../integration/planner-support';

let sandbox: AppSandbox;
let call: ReturnType<typeof plannerCaller>;

beforeEach(async () => {
  sandbox = await startAppSandbox();
  call = plannerCaller(sandbox.host);
  // A policy under which sprint 9's rebalance moves items both ways (planner-support.ts).
  await useTeamPolicy(sandbox.host, ADMIN_ACCOUNT_ID);
});
afterEach(async () => {
  sandbox.jira.faults.clearRules();
  await sandbox.close();
});

const unavailable: FaultRule['fault'] = { kind: '5xx', status: 503 };

async function proposal(): Promise<{
  fingerprint: string;
  moves: { key: string; direction: 'out' | 'in' }[];
}> {
  const view: SprintEvaluation = dataOf(
    await call(
      'planner/evaluate',
      { sprintId: ACTIVE_SPRINT, withProposal: true },
      MEMBER_ACCOUNT_ID,
    ),
  );
  const moves = (view.proposal?.moves ?? []).map(({ key, direction }) => ({ key, direction }));
  expect(moves.some((m) => m.direction === 'out')).toBe(true);
  expect(moves.some((m) => m.direction === 'in')).toBe(true);
  return { fingerprint: view.fingerprint, moves };
}

/** Where each moved item is: 'before' (as it was), 'planned', or 'mixed'. */
function placeOf(
  moves: { key: string; direction: 'out' | 'in' }[],
): 'before' | 'planned' | 'mixed' {
  const where = moves.map((m) => {
    const inSprint = sprintOf(sandbox.jira, m.key) === ACTIVE_SPRINT;
    const planned = m.direction === 'in' ? inSprint : !inSprint;
    return planned ? 'planned' : 'before';
  });
  if (where.every((w) => w === 'before')) return 'before';
  if (where.every((w) => w === 'planned')) return 'planned';
  return 'mixed';
}

async function apply(plan: Awaited<ReturnType<typeof proposal>>) {
  return call('planner/apply', { sprintId: ACTIVE_SPRINT, ...plan }, MEMBER_ACCOUNT_ID);
}

describe('a rebalance when Jira fails mid-way', () => {
  it('moving out fails: nothing moved, the answer is retryable, and the retry applies the plan', async () => {
    const plan = await proposal();
    sandbox.jira.faults.addRule({
      method: 'POST',
      path: /^\/rest\/agile\/1\.0\/backlog\/issue$/,
      count: 4,
      fault: unavailable,
    });
    const answer = await apply(plan);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE', retryable: true },
    });
    expect(placeOf(plan.moves)).toBe('before');
    const retried = await apply(plan);
    expect(retried.ok, JSON.stringify(retried).slice(0, 300)).toBe(true);
    expect(placeOf(plan.moves)).toBe('planned');
  });

  it('pulling in fails: the answer names what moved and what did not, and Undo puts the sprint back', async () => {
    const plan = await proposal();
    sandbox.jira.faults.addRule({
      method: 'POST',
      path: /^\/rest\/agile\/1\.0\/sprint\/9\/issue$/,
      count: 4,
      fault: unavailable,
    });
    const answer = await apply(plan);
    expect(answer).toMatchObject({ ok: false, error: { retryable: true } });
    expect(placeOf(plan.moves)).toBe('mixed');
    const message = answer.ok ? '' : answer.error.message;
    for (const m of plan.moves) expect(message).toContain(m.key);
    expect(message).toMatch(/Moved .* to the backlog, but pulling .* failed/);
    expect(message).toMatch(/Undo/);
    sandbox.jira.faults.clearRules();
    const undo = await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID);
    expect(undo.ok, JSON.stringify(undo).slice(0, 300)).toBe(true);
    expect(placeOf(plan.moves)).toBe('before');
  });

  // After every move went through and was recorded for undo, the read for the answer fails: the
  // answer must say the rebalance was applied (a retry would only be refused as a stale proposal).
  it('the read after the moves fails: the sprint is as planned, and the answer says so', async () => {
    const plan = await proposal();
    sandbox.jira.faults.addRule({
      method: 'GET',
      path: /^\/rest\/agile\/1\.0\/board\/1\/configuration$/,
      skip: 1,
      count: 4,
      fault: unavailable,
    });
    const answer = await apply(plan);
    expect(placeOf(plan.moves)).toBe('planned');
    expect(answer).toMatchObject({ ok: false, error: { retryable: true } });
    if (answer.ok) return;
    expect(answer.error.message).toMatch(
      /^Applied the rebalance: moved .+ to the backlog and .+ into SHOP Sprint 9, and Undo can put them back\. Reading the sprint again failed: .+ Reload the planner to see the plan\.$/,
    );
  });

  it('the read after the moves fails: the sprint is as planned and Undo still restores it', async () => {
    const plan = await proposal();
    sandbox.jira.faults.addRule({
      method: 'GET',
      path: /^\/rest\/agile\/1\.0\/board\/1\/configuration$/,
      skip: 1,
      count: 4,
      fault: unavailable,
    });
    const answer = await apply(plan);
    expect(answer).toMatchObject({ ok: false, error: { retryable: true } });
    expect(placeOf(plan.moves)).toBe('planned');
    sandbox.jira.faults.clearRules();
    const undo = await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID);
    expect(undo.ok, JSON.stringify(undo).slice(0, 300)).toBe(true);
    expect(placeOf(plan.moves)).toBe('before');
  });
  it('returning the moved-out items fails mid-undo: the answer says to undo again, which finishes it and keeps the whole rebalance on record', async () => {
    const plan = await proposal();
    const applied = await apply(plan);
    expect(applied.ok, JSON.stringify(applied).slice(0, 300)).toBe(true);
    sandbox.jira.faults.addRule({
      method: 'POST',
      path: /^\/rest\/agile\/1\.0\/sprint\/9\/issue$/,
      count: 4,
      fault: unavailable,
    });
    const half = await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID);
    expect(half).toMatchObject({ ok: false, error: { retryable: true } });
    if (half.ok) return;
    expect(half.error.message).toMatch(
      /^Moved .+ back to the backlog, but returning .+ failed: .+ Undo again to finish\.$/,
    );
    sandbox.jira.faults.clearRules();
    const outs = plan.moves.filter((m) => m.direction === 'out');
    // The planner offers what is left to undo: the moved-out items.
    const view: SprintEvaluation = dataOf(
      await call('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
    );
    expect(view.undo?.moves).toEqual(outs);
    const again = await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID);
    expect(again.ok, JSON.stringify(again).slice(0, 300)).toBe(true);
    expect(placeOf(plan.moves)).toBe('before');
    // The record says what the rebalance was, as an undo that never failed leaves it.
    const stored =
      sandbox.host.kvs.store.state.entities['ballast-document']?.['planner-undo:SHOP.9'];
    const body = (stored?.value as { body: Record<string, unknown> }).body;
    // Apply records the moves in the order it made them: out of the sprint first, then in.
    const ins = plan.moves.filter((m) => m.direction === 'in');
    expect(body).toMatchObject({ status: 'undone', moves: [...outs, ...ins] });
    expect(body).not.toHaveProperty('appliedMoves');
  });
});
