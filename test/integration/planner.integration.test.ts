/**
 * The sprint planner's evaluation end to end on the seeded SHOP board: the active sprint against the
 * default policy, with capacity from the velocity of the last three closed sprints, and a rebalance
 * proposal drawn from the backlog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForgeHost } from '../../sandbox/forge/host';
import { SEARCH_MODES, startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import { dataOf, plannerCaller } from './planner-support';
import type { Envelope } from '../../src/contract/envelope';
import type { SprintEvaluation } from '../../src/contract/planner';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let host: ForgeHost;

// In both search modes: the planner must see its own writes without Jira's search index.
describe.each(SEARCH_MODES)('with %s search', (searchConsistency) => {
  beforeAll(async () => {
    sandbox = await startAppSandbox({ searchConsistency });
    ({ jira, host } = sandbox);
  });
  afterAll(() => sandbox.close());

  async function evaluate(payload: unknown): Promise<Envelope<SprintEvaluation>> {
    return (await host.invokeResolver({
      moduleKey: 'ballast-issue-panel',
      functionKey: 'planner/evaluate',
      payload,
      accountId: MEMBER_ACCOUNT_ID,
      extension: { type: 'jira:sprintAction', project: { key: 'SHOP' } },
    })) as Envelope<SprintEvaluation>;
  }

  describe('planner/evaluate', () => {
    it('evaluates the active sprint with capacity from the velocity of three closed sprints, items added after the start against the buffer', async () => {
      const active = jira.state.sprints.find((s) => s.state === 'active')!;
      const envelope = await evaluate({ boardId: 1, sprintId: active.id, withProposal: true });
      if (!envelope.ok) throw new Error(envelope.error.message);
      const { evaluation, proposal, gateState } = envelope.data;
      expect(gateState).toBe('NO_DATA');
      const inSprint = jira.state.issues.filter((i) => i.sprintIds.at(-1) === active.id);
      const points = inSprint.reduce(
        (sum, i) =>
          sum + (typeof i.custom.customfield_10016 === 'number' ? i.custom.customfield_10016 : 0),
        0,
      );
      // Five items joined sprint 9 after it started (the seed's late additions, 17 pts): they count
      // against the buffer, which they overspend, not against the split (PRODUCT.md §2).
      expect(points).toBe(86);
      expect(evaluation.used).toBe(69);
      // Capacity = velocity of sprints 6–8 as Jira's velocity chart counts it (done when each
      // closed): (75 + 78 + 83) / 3 = 78.666667, so the 10% buffer is 7.866667 (issue 17; it was
      // 9.133333 when velocity counted items done now).
      expect(evaluation.capacity.amount).toBe(78.666667);
      expect(evaluation.buffer).toMatchObject({ reserved: 7.866667, used: 17, spent: true });
      expect([...evaluation.buffer.unplannedKeys].sort()).toEqual([
        'SHOP-194',
        'SHOP-198',
        'SHOP-199',
        'SHOP-201',
        'SHOP-205',
      ]);
      // In the order they were added, none fits the 7.87-point buffer once SHOP-201 is in.
      expect(evaluation.buffer.overflowKeys).toEqual([
        'SHOP-201',
        'SHOP-199',
        'SHOP-194',
        'SHOP-198',
        'SHOP-205',
      ]);
      expect(evaluation.capacity.amount).toBeGreaterThan(0);
      expect(evaluation.capacity.sprintsUsed).toHaveLength(3);
      expect(proposal).toBeDefined();
      expect(proposal!.moves.every((m) => m.reason.length > 0)).toBe(true);
    });

    it('refuses a payload without a sprint id, naming the field', async () => {
      expect(await evaluate({ boardId: 1 })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', field: 'sprintId' },
      });
    });
  });

  describe('planner/board', () => {
    it('lists the open sprints, active first, with the enforcement mode and what the member may do', async () => {
      const board = dataOf(await plannerCaller(host)('planner/board', {}, MEMBER_ACCOUNT_ID));
      expect(board).toEqual({
        projectKey: 'SHOP',
        boardId: 1,
        sprints: [
          expect.objectContaining({ id: 9, name: 'SHOP Sprint 9', state: 'active' }),
          expect.objectContaining({ id: 10, name: 'SHOP Sprint 10', state: 'future' }),
        ],
        selectedSprintId: 9,
        enforcement: 'advise',
        canSchedule: true,
        canOverride: true,
      });
    });

    it('refuses the outsider, who cannot see SHOP', async () => {
      expect(await plannerCaller(host)('planner/board', {}, OUTSIDER_ACCOUNT_ID)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('explains the NO_DATA gate: no SLO is linked yet, so the normal split applies', async () => {
      const view = dataOf(
        await plannerCaller(host)('planner/evaluate', { sprintId: 10 }, MEMBER_ACCOUNT_ID),
      );
      expect(view.gate.state).toBe('NO_DATA');
      expect(view.gate.statement.sentences[0]).toContain('No SLO is linked to this project');
      expect(view.sprint).toMatchObject({ id: 10, state: 'future' });
      expect(view.undo).toBeNull();
      expect(view.override).toBeNull();
    });
  });
});
