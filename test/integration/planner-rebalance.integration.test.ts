/**
 * planner/apply and planner/undo end to end on the seeded SHOP board: the active sprint (9) breaks
 * the default split (feature and toil under their minimum; 69 points planned at the start, and 17
 * points added after it that overspend the buffer), its rebalance moves 4 items out and pulls 6 in,
 * the sprint then keeps the split — the pulled-in items are a re-plan, not unplanned work — and undo
 * puts everything back, planned as before.
 * Unhappy paths: a stale proposal, an undo after someone moved an item, no access, Jira 429/5xx.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  NO_FAULTS,
  OUTSIDER_ACCOUNT_ID,
} from '../../sandbox/jira';
import type { SprintEvaluation } from '../../src/contract/planner';
import { SEARCH_MODES, startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { ACTIVE_SPRINT, dataOf, moveByHand, plannerCaller, sprintOf } from './planner-support';

// The seeded active sprint's rebalance (default policy, velocity 78.7 of sprints 6–8: the work done
// when each closed, Jira's velocity chart — issue 17; it was 91.3 when velocity counted items done now).
const MOVED_OUT = ['SHOP-197', 'SHOP-196', 'SHOP-204'];
const PULLED_IN = ['SHOP-292', 'SHOP-299', 'SHOP-242', 'SHOP-243'];
// Joined sprint 9 after it started: against the buffer before and after any rebalance.
const ADDED_LATE = ['SHOP-194', 'SHOP-198', 'SHOP-199', 'SHOP-201', 'SHOP-205'];

let sandbox: AppSandbox;
let call: ReturnType<typeof plannerCaller>;

// Each test in both search modes: in `eventual` the app must see its own moves without the index.
describe.each(SEARCH_MODES)('with %s search', (searchConsistency) => {
  // A fresh emulator and app storage per test: every test starts from the seeded plan.
  beforeEach(async () => {
    sandbox = await startAppSandbox({ searchConsistency });
    call = plannerCaller(sandbox.host);
  });
  afterEach(() => sandbox.close());

  async function proposalFor(accountId = MEMBER_ACCOUNT_ID): Promise<SprintEvaluation> {
    return dataOf(
      await call('planner/evaluate', { sprintId: ACTIVE_SPRINT, withProposal: true }, accountId),
    );
  }

  const movesOf = (view: SprintEvaluation) =>
    (view.proposal?.moves ?? []).map(({ key, direction }) => ({ key, direction }));

  describe('planner/apply', () => {
    it('applies the proposal as the member: moved items change place and the sprint keeps the split', async () => {
      const before = await proposalFor();
      expect(before.evaluation.verdict.status).toBe('nonCompliant');
      expect(before.evaluation.used).toBe(69);
      expect([...before.evaluation.buffer.unplannedKeys].sort()).toEqual(ADDED_LATE);
      expect(before.proposal?.compliant).toBe(true);
      expect(
        movesOf(before)
          .filter((m) => m.direction === 'out')
          .map((m) => m.key),
      ).toEqual(MOVED_OUT);
      expect(
        movesOf(before)
          .filter((m) => m.direction === 'in')
          .map((m) => m.key),
      ).toEqual(PULLED_IN);

      const change = dataOf(
        await call(
          'planner/apply',
          { sprintId: ACTIVE_SPRINT, fingerprint: before.fingerprint, moves: movesOf(before) },
          MEMBER_ACCOUNT_ID,
        ),
      );
      expect(change.moved).toHaveLength(MOVED_OUT.length + PULLED_IN.length);
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBeNull();
      for (const key of PULLED_IN) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
      expect(change.view.evaluation.verdict.status).toBe('compliant');
      expect(change.view.evaluation.used).toBe(before.proposal?.after.used);
      // Within the 70.8 points left after the buffer of capacity 78.7 (it was 82 of 82.2 at 91.3).
      expect(change.view.evaluation.used).toBe(61);
      expect([...change.view.evaluation.buffer.unplannedKeys].sort()).toEqual(ADDED_LATE);
      expect(change.view.proposal?.moves).toEqual([]);
      expect(change.view.undo).toMatchObject({ appliedBy: MEMBER_ACCOUNT_ID });
      expect(change.view.undo?.moves).toHaveLength(MOVED_OUT.length + PULLED_IN.length);
    });

    it('refuses a stale proposal when an item joined the sprint since, and moves nothing', async () => {
      const before = await proposalFor();
      await moveByHand(sandbox.jira, ['SHOP-300'], ACTIVE_SPRINT, ADMIN_ACCOUNT_ID);
      // Someone else's move is found by search only once Jira indexed it (the app cannot reconcile
      // an id it does not know): here it happened a while before the apply.
      sandbox.jira.searchIndex.catchUp();
      const envelope = await call(
        'planner/apply',
        { sprintId: ACTIVE_SPRINT, fingerprint: before.fingerprint, moves: movesOf(before) },
        MEMBER_ACCOUNT_ID,
      );
      expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT', retryable: false } });
      if (!envelope.ok) expect(envelope.error.message).toContain('changed since this proposal');
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
      for (const key of PULLED_IN) expect(sprintOf(sandbox.jira, key)).toBeNull();
    });

    it('refuses moves that are not the proposal for the current sprint', async () => {
      const before = await proposalFor();
      const envelope = await call(
        'planner/apply',
        {
          sprintId: ACTIVE_SPRINT,
          fingerprint: before.fingerprint,
          moves: [{ key: 'SHOP-1', direction: 'in' }],
        },
        MEMBER_ACCOUNT_ID,
      );
      expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(sprintOf(sandbox.jira, 'SHOP-1')).not.toBe(ACTIVE_SPRINT);
    });

    it('refuses the outsider, who cannot see SHOP, and moves nothing', async () => {
      const before = await proposalFor();
      const envelope = await call(
        'planner/apply',
        { sprintId: ACTIVE_SPRINT, fingerprint: before.fingerprint, moves: movesOf(before) },
        OUTSIDER_ACCOUNT_ID,
      );
      expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
    });

    it('refuses a payload without moves, naming the field', async () => {
      expect(
        await call(
          'planner/apply',
          { sprintId: ACTIVE_SPRINT, fingerprint: 'x' },
          MEMBER_ACCOUNT_ID,
        ),
      ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'moves' } });
    });

    it('refuses a board other than the one the action was opened on', async () => {
      expect(
        await call('planner/evaluate', { boardId: 2, sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
      ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'boardId' } });
    });

    it('gets through a Jira that answers 429 to a third of the calls (Retry-After honoured)', async () => {
      const before = await proposalFor();
      sandbox.jira.faults.update({ rate429: 0.3, retryAfterSeconds: 0 });
      const change = dataOf(
        await call(
          'planner/apply',
          { sprintId: ACTIVE_SPRINT, fingerprint: before.fingerprint, moves: movesOf(before) },
          MEMBER_ACCOUNT_ID,
        ),
      );
      sandbox.jira.faults.update(NO_FAULTS);
      expect(change.view.evaluation.verdict.status).toBe('compliant');
      for (const key of PULLED_IN) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
    });

    it('says Jira is unavailable, retryably, when every call fails with 5xx, and moves nothing', async () => {
      const before = await proposalFor();
      sandbox.jira.faults.update({ rate5xx: 1 });
      const envelope = await call(
        'planner/apply',
        { sprintId: ACTIVE_SPRINT, fingerprint: before.fingerprint, moves: movesOf(before) },
        MEMBER_ACCOUNT_ID,
      );
      sandbox.jira.faults.update(NO_FAULTS);
      expect(envelope).toMatchObject({
        ok: false,
        error: { code: 'JIRA_UNAVAILABLE', retryable: true },
      });
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
    }, 60_000);

    it('when Jira fails between moving out and pulling in, says so and lets undo restore the sprint', async () => {
      const before = await proposalFor();
      // The first move (out to the backlog) lands; from then on Jira answers 503.
      const stop = sandbox.jira.events.on('issue:updated', () => {
        sandbox.jira.faults.update({ rate5xx: 1 });
      });
      const envelope = await call(
        'planner/apply',
        { sprintId: ACTIVE_SPRINT, fingerprint: before.fingerprint, moves: movesOf(before) },
        MEMBER_ACCOUNT_ID,
      );
      stop();
      sandbox.jira.faults.update(NO_FAULTS);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
      if (!envelope.ok)
        expect(envelope.error.message).toContain(
          `Moved ${MOVED_OUT.join(', ')} to the backlog, but pulling ${PULLED_IN.join(', ')} into SHOP Sprint 9 failed`,
        );
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBeNull();
      for (const key of PULLED_IN) expect(sprintOf(sandbox.jira, key)).toBeNull();

      const undone = dataOf(
        await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
      );
      expect(undone.moved.map((m) => m.key)).toEqual(MOVED_OUT);
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
      expect(undone.view.evaluation.used).toBe(69);
      expect([...undone.view.evaluation.buffer.unplannedKeys].sort()).toEqual(ADDED_LATE);
    }, 60_000);
  });

  describe('planner/undo', () => {
    async function applied(): Promise<SprintEvaluation> {
      const before = await proposalFor();
      dataOf(
        await call(
          'planner/apply',
          { sprintId: ACTIVE_SPRINT, fingerprint: before.fingerprint, moves: movesOf(before) },
          MEMBER_ACCOUNT_ID,
        ),
      );
      return before;
    }

    it('puts every item back where it was and the sprint is broken again', async () => {
      const before = await applied();
      const undone = dataOf(
        await call('planner/undo', { sprintId: ACTIVE_SPRINT }, ADMIN_ACCOUNT_ID),
      );
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
      for (const key of PULLED_IN) expect(sprintOf(sandbox.jira, key)).toBeNull();
      expect(undone.view.evaluation.used).toBe(69);
      expect([...undone.view.evaluation.buffer.unplannedKeys].sort()).toEqual(ADDED_LATE);
      expect(undone.view.evaluation.verdict.status).toBe('nonCompliant');
      expect(undone.view.fingerprint).toBe(before.fingerprint);
      expect(undone.view.undo).toBeNull();
    });

    it('refuses a second undo: there is nothing left to undo', async () => {
      await applied();
      dataOf(await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID));
      const again = await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID);
      expect(again).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: 'There is no rebalance of SHOP Sprint 9 to undo.' },
      });
    });

    it('refuses when someone moved a pulled-in item out since, naming it, and moves nothing', async () => {
      await applied();
      await moveByHand(sandbox.jira, ['SHOP-292'], null, ADMIN_ACCOUNT_ID);
      const envelope = await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!envelope.ok)
        expect(envelope.error.message).toContain('SHOP-292 no longer in SHOP Sprint 9');
      for (const key of MOVED_OUT) expect(sprintOf(sandbox.jira, key)).toBeNull();
      for (const key of PULLED_IN.filter((k) => k !== 'SHOP-292'))
        expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
    });

    it('refuses when a moved-out item went into a sprint again', async () => {
      await applied();
      await moveByHand(sandbox.jira, ['SHOP-196'], 10, ADMIN_ACCOUNT_ID);
      const envelope = await call('planner/undo', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!envelope.ok) expect(envelope.error.message).toContain('SHOP-196 in a sprint again');
      expect(sprintOf(sandbox.jira, 'SHOP-196')).toBe(10);
    });

    it('refuses the outsider', async () => {
      await applied();
      expect(
        await call('planner/undo', { sprintId: ACTIVE_SPRINT }, OUTSIDER_ACCOUNT_ID),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const key of PULLED_IN) expect(sprintOf(sandbox.jira, key)).toBe(ACTIVE_SPRINT);
    });
  });
});
