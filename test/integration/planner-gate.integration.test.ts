/**
 * The planner reads the project's error-budget gate from the rolled-up SLO status: before any SLI
 * data the imported SLOs are NO_DATA (said as such, never healthy); after an outage pushed through
 * the real signed API and rolled up by the real job, the gate is FROZEN and the sprint's feature work
 * breaks the split under the gate's targets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import { budgetPercent } from '../../src/domain/gate';
import { SEARCH_MODES, startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { prepareCheckout, pushOutage } from '../support/checkout-outage';
import { ACTIVE_SPRINT, dataOf, plannerCaller } from './planner-support';

let sandbox: AppSandbox;
let call: ReturnType<typeof plannerCaller>;
let closeListener: () => Promise<void>;
let listenerUrl: string;
let secret: string;

// In both search modes: the planner must see its own writes without Jira's search index.
describe.each(SEARCH_MODES)('with %s search', (searchConsistency) => {
  beforeAll(async () => {
    sandbox = await startAppSandbox({ searchConsistency });
    call = plannerCaller(sandbox.host);
    const listener = await sandbox.host.listen();
    closeListener = () => listener.close();
    listenerUrl = listener.url;
    secret = await prepareCheckout(sandbox);
  });
  afterAll(async () => {
    await closeListener();
    await sandbox.close();
  });

  describe('the planner and the error-budget gate', () => {
    it('says NO_DATA, naming the SLOs without data, while nothing has been rolled up', async () => {
      const view = dataOf(
        await call('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
      );
      expect(view.gateState).toBe('NO_DATA');
      expect(view.gate.statement.sentences).toContain(
        'checkout-availability has no SLI data rolled up yet; the gate counts it as no data, never as healthy.',
      );
      expect(view.gate.statement.effect).toBe(
        'Planning runs on the normal split until SLI data arrives.',
      );
      expect(view.evaluation.targets.gateState).toBe('NO_DATA');
      // Nothing is frozen, so there is nothing to override.
      const override = await call(
        'gate/recordOverride',
        { reason: 'launch', hours: 4 },
        ADMIN_ACCOUNT_ID,
      );
      expect(override).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(override.ok || override.error.message).toContain('not FROZEN');
    });

    it('is FROZEN after an outage spends the budget: feature work breaks the split', async () => {
      await pushOutage(sandbox, listenerUrl, secret);

      const view = dataOf(
        await call(
          'planner/evaluate',
          { sprintId: ACTIVE_SPRINT, withProposal: true },
          MEMBER_ACCOUNT_ID,
        ),
      );
      expect(view.gateState).toBe('FROZEN');
      expect(view.gate.state).toBe('FROZEN');
      // The words state the policy's rule and agree with the figure the project page shows.
      const slos = await call('project/slos', {}, MEMBER_ACCOUNT_ID);
      const row = (slos.ok && slos.data.status === 'ready' ? slos.data.data.slos : []).find(
        (s) => s.name === 'checkout-availability',
      )!;
      expect(view.gate.statement.sentences[0]).toBe(
        `The error budget of checkout-availability reached 0% (policy: freeze at or below 0%). Planning unfreezes when the budget is back at or above 5% for 24 hours — now ${budgetPercent(row.budgetRemaining!)}.`,
      );
      expect(view.gate.statement.since).not.toBeNull();
      expect(view.gate.statement.effect).toContain('No feature work starts, except exempt items');
      const feature = view.evaluation.byType.find((t) => t.type === 'feature')!;
      expect(feature.target.maxShare).toBe(0);
      expect(feature.status).toBe('over');
      expect(view.evaluation.verdict.status).toBe('nonCompliant');
      // The proposal moves feature work out and pulls no feature in.
      expect(
        view.proposal!.moves.filter((m) => m.type === 'feature' && m.direction === 'in'),
      ).toEqual([]);
      expect(view.proposal!.moves.some((m) => m.type === 'feature' && m.direction === 'out')).toBe(
        true,
      );
    });
  });
});
