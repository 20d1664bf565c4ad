import { describe, expect, it } from 'vitest';
import type { ResolverKey, RequestOf, ResponseOf } from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/resolver-failure';
import { formatAmount, readableNumbers, violationText } from './amounts';
import { overrideReasonProblem as reasonProblem } from './OverrideForm';
import { plannerActions, type Call } from './planner-actions';
import { plannerFrameOf } from './planner-frame';
import {
  initialPlannerState,
  plannerReducer,
  type PlannerAction,
  type PlannerState,
} from './planner-state';
import { COMPLIANT, plannerBoard, plannerView } from './testing/planner-view';

/** A fake `call` answering from a table and recording every request. */
function fakeCall(
  answers: Partial<{ [K in ResolverKey]: (payload: RequestOf<K>) => ResponseOf<K> }>,
) {
  const calls: { key: ResolverKey; payload: unknown }[] = [];
  const call: Call = async (key, payload) => {
    calls.push({ key, payload });
    await Promise.resolve();
    const answer = answers[key] as ((p: unknown) => unknown) | undefined;
    if (!answer) throw new Error(`unexpected call ${key}`);
    return answer(payload) as never;
  };
  return { call, calls };
}

function run(call: Call) {
  let state: PlannerState = initialPlannerState;
  const seen: PlannerAction['type'][] = [];
  const actions = plannerActions(call, (action) => {
    seen.push(action.type);
    state = plannerReducer(state, action);
  });
  return { actions, state: () => state, seen };
}

const conflict = new ResolverFailure({
  code: 'CONFLICT',
  message: 'SHOP Sprint 9 changed since this proposal was computed.',
  retryable: false,
});

describe('planner actions', () => {
  it('loads the board, then the selected sprint with its proposal', async () => {
    const fake = fakeCall({
      'planner/board': () => plannerBoard(),
      'planner/evaluate': () => plannerView(),
    });
    const { actions, state } = run(fake.call);
    await actions.loadBoard();
    expect(fake.calls).toEqual([
      { key: 'planner/board', payload: {} },
      { key: 'planner/evaluate', payload: { sprintId: 9, withProposal: true } },
    ]);
    expect(state()).toMatchObject({ status: 'ready', sprintId: 9, sprint: { status: 'ready' } });
  });

  it('applies exactly the moves the person chose, with the proposal fingerprint, and announces the outcome', async () => {
    const fake = fakeCall({
      'planner/board': () => plannerBoard(),
      'planner/evaluate': () => plannerView(),
      'planner/apply': () => ({
        moved: [{ key: 'SHOP-207', direction: 'out' }],
        view: plannerView({ evaluation: COMPLIANT }),
      }),
    });
    const { actions, state } = run(fake.call);
    await actions.loadBoard();
    await actions.apply(plannerView(), [{ key: 'SHOP-207', direction: 'out' }]);
    expect(fake.calls[2]).toEqual({
      key: 'planner/apply',
      payload: {
        sprintId: 9,
        fingerprint: 'abc123',
        moves: [{ key: 'SHOP-207', direction: 'out' }],
      },
    });
    expect(state()).toMatchObject({
      busy: null,
      notice: 'Applied 1 move: the sprint now keeps the split and fits the capacity.',
      sprint: { view: { evaluation: { verdict: { status: 'compliant' } } } },
    });
  });

  it('after a CONFLICT keeps the alert and reloads the sprint so the new proposal shows', async () => {
    const fake = fakeCall({
      'planner/board': () => plannerBoard(),
      'planner/evaluate': () => plannerView({ fingerprint: 'new' }),
      'planner/apply': () => {
        throw conflict;
      },
    });
    const { actions, state } = run(fake.call);
    await actions.loadBoard();
    await actions.apply(plannerView(), [{ key: 'SHOP-207', direction: 'out' }]);
    expect(fake.calls.map((c) => c.key)).toEqual([
      'planner/board',
      'planner/evaluate',
      'planner/apply',
      'planner/evaluate',
    ]);
    expect(state()).toMatchObject({
      busy: null,
      actionError: { code: 'CONFLICT' },
      sprint: { status: 'ready', view: { fingerprint: 'new' } },
    });
  });

  it('reports whether an override was stored, so the form can clear', async () => {
    const fake = fakeCall({
      'planner/board': () => plannerBoard(),
      'planner/evaluate': () => plannerView(),
      'planner/override': () => {
        throw new ResolverFailure({
          code: 'BAD_REQUEST',
          message: 'The reason is required.',
          retryable: false,
          field: 'reason',
        });
      },
    });
    const { actions, state } = run(fake.call);
    await actions.loadBoard();
    expect(await actions.override(plannerView(), 'Because')).toBe(false);
    expect(state()).toMatchObject({ actionError: { field: 'reason' } });
  });

  it('shows a failed board load with the backend error', async () => {
    const fake = fakeCall({
      'planner/board': () => {
        throw new ResolverFailure({
          code: 'NOT_FOUND',
          message: 'Project SHOP does not exist or you cannot see it.',
          retryable: false,
        });
      },
    });
    const { actions, state } = run(fake.call);
    await actions.loadBoard();
    expect(state()).toEqual({
      status: 'failed',
      error: {
        code: 'NOT_FOUND',
        message: 'Project SHOP does not exist or you cannot see it.',
        retryable: false,
      },
    });
  });
});

describe('planner reducer', () => {
  it('drops the answer for a sprint that is no longer chosen', () => {
    let state = plannerReducer(initialPlannerState, { type: 'boardLoaded', board: plannerBoard() });
    state = plannerReducer(state, { type: 'chooseSprint', sprintId: 10 });
    state = plannerReducer(state, { type: 'sprintLoaded', view: plannerView() });
    expect(state).toMatchObject({ sprintId: 10, sprint: { status: 'loading' } });
  });
});

describe('planner frame', () => {
  it('reads the board and the sprint of a sprint action', () => {
    expect(
      plannerFrameOf({ accountId: 'a', extension: { board: { id: 1 }, sprint: { id: '9' } } }),
    ).toEqual({ boardId: 1, sprintId: 9, accountId: 'a' });
  });

  it('refuses a context with no board, saying where to open the planner', () => {
    expect(() => plannerFrameOf({ extension: {} })).toThrow('The Forge context names no board');
  });
});

describe('planner formatting', () => {
  it.each([
    [40, 'storyPoints', '40 pts'],
    [1, 'storyPoints', '1 pt'],
    [50.233333, 'storyPoints', '50.2 pts'],
    [3, 'issueCount', '3 items'],
    [27000, 'originalEstimate', '7.5 h'],
  ] as const)('writes %d in %s as %s', (amount, basis, text) => {
    expect(formatAmount(amount, basis)).toBe(text);
  });

  it('rounds the engine’s six-decimal amounts in its sentences, leaving keys and whole numbers', () => {
    expect(
      readableNumbers(
        'feature is over its maximum of 59.366667 points: makes room for SHOP-243 (3 points)',
      ),
    ).toBe('feature is over its maximum of 59.4 points: makes room for SHOP-243 (3 points)');
  });

  it('writes a share violation from its fields', () => {
    const violation = plannerView().evaluation.violations[0]!;
    expect(violationText(violation, 'storyPoints')).toBe(
      'Feature is 10.2 pts under its minimum of 50.2 pts (55% of capacity).',
    );
  });

  it.each([
    ['', 'Enter the reason for the override: it is required.'],
    ['   ', 'Enter the reason for the override: it is required.'],
    ['x'.repeat(501), 'Keep the reason to 500 characters (it has 501).'],
  ])('refuses the reason %j before sending it', (reason, problem) => {
    expect(reasonProblem(reason)).toBe(problem);
  });

  it('accepts a reason of 500 characters once trimmed', () => {
    expect(reasonProblem(` ${'x'.repeat(500)} `)).toBeUndefined();
  });
});
