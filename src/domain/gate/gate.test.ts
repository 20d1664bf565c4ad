import { describe, expect, it } from 'vitest';
import { DEFAULT_EXEMPTION } from '../capacity/exemption';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../slo/duration';
import { sliSeriesFor } from '../slo/status';
import { T0, minutes, sloSpec } from '../slo/testing/generators';
import type { GateRule } from './evaluate';
import { gateInForce } from './gate-in-force';
import { GATE_STATES, isGateState, worseState } from './gate-state';
import { activeOverride, checkOverride, type GateOverride } from './override';
import { DEFAULT_POLICY } from './policy';
import {
  checkWorkStart,
  frozenSince,
  projectGate,
  type ProjectGate,
  type SloGateInput,
} from './project-gate';
import { replayPolicy } from './replay';

const slo = (
  name: string,
  state: SloGateInput['state'],
  rule: GateRule = 'within-budget',
): SloGateInput => ({
  slo: name,
  service: 'checkout',
  state,
  reasons: [{ rule, message: `${name} is ${state}` }],
});

describe('gate states', () => {
  it('keeps the shared list and guard', () => {
    expect(GATE_STATES).toEqual(['HEALTHY', 'AT_RISK', 'FROZEN', 'NO_DATA']);
    expect([isGateState('FROZEN'), isGateState('frozen')]).toEqual([true, false]);
  });

  it.each([
    ['HEALTHY', 'NO_DATA', 'NO_DATA'],
    ['NO_DATA', 'AT_RISK', 'AT_RISK'],
    ['FROZEN', 'AT_RISK', 'FROZEN'],
    ['HEALTHY', 'HEALTHY', 'HEALTHY'],
  ] as const)('the worse of %s and %s is %s', (a, b, worst) => {
    expect(worseState(a, b)).toBe(worst);
  });
});

describe('project gate', () => {
  it('is the worst SLO state, with the non-healthy SLOs as reasons, worst first', () => {
    const gate = projectGate([slo('a', 'HEALTHY'), slo('b', 'AT_RISK'), slo('c', 'FROZEN')], [], 0);
    expect(gate.state).toBe('FROZEN');
    expect(gate.reasons.map((r) => [r.slo, r.state])).toEqual([
      ['c', 'FROZEN'],
      ['b', 'AT_RISK'],
    ]);
  });

  it('is NO_DATA for a project without SLOs', () => {
    expect(projectGate([], [], 0).reasons.map((r) => r.rule)).toEqual(['no-slos']);
  });
});

describe('overrides and exemptions', () => {
  const override: GateOverride = { by: 'ana', at: 10, reason: 'launch agreed with SRE', until: 20 };

  it.each([
    [9, null],
    [10, override],
    [19, override],
    [20, null],
  ])('at %i the active override is %j', (at, expected) => {
    expect(activeOverride([override], at)).toEqual(expected);
  });

  it('rejects an override without a reason or with an end before its start', () => {
    expect(checkOverride({ ...override, reason: ' ', until: 5 })).toEqual([
      'override.reason: an override needs a reason',
      'override.until (1970-01-01T00:00:00.005Z) must be after override.at (1970-01-01T00:00:00.010Z)',
    ]);
  });

  const frozen: ProjectGate = projectGate(
    [slo('checkout-availability', 'FROZEN', 'budget-exhausted')],
    [],
    0,
  );
  it.each([
    ['feature work while frozen', { key: 'B-1', workType: 'feature' }, frozen, false, 'frozen'],
    [
      'reliability work while frozen',
      { key: 'B-2', workType: 'reliability' },
      frozen,
      true,
      'not-feature-work',
    ],
    [
      'a P0 feature while frozen',
      { key: 'B-3', workType: 'feature', priority: 'P0' },
      frozen,
      true,
      'exempt-priority',
    ],
    [
      'a security feature while frozen',
      { key: 'B-4', workType: 'feature', labels: ['ui', 'security'] },
      frozen,
      true,
      'exempt-label',
    ],
    [
      'feature work under an override',
      { key: 'B-5', workType: 'feature' },
      { ...frozen, override },
      true,
      'override',
    ],
    [
      'a feature of priority highest labelled Security (case aside)',
      { key: 'B-7', workType: 'feature', priority: 'highest', labels: ['Security'] },
      frozen,
      true,
      'exempt-priority',
    ],
    [
      'a feature labelled SECURITY of priority Medium',
      { key: 'B-8', workType: 'feature', priority: 'Medium', labels: ['SECURITY'] },
      frozen,
      true,
      'exempt-label',
    ],
    [
      'feature work while at risk',
      { key: 'B-6', workType: 'feature' },
      { ...frozen, state: 'AT_RISK' as const },
      true,
      'not-frozen',
    ],
  ])('decides %s', (_, item, gate, allowed, rule) => {
    const decision = checkWorkStart(item, gate, DEFAULT_EXEMPTION);
    expect([decision.allowed, decision.rule]).toEqual([allowed, rule]);
    expect(decision.wayOut === null).toBe(allowed);
  });

  it('names the frozen SLO and the way out when it blocks', () => {
    const decision = checkWorkStart({ key: 'B-1', workType: 'feature' }, frozen, DEFAULT_EXEMPTION);
    expect(decision.message).toBe(
      'feature work is frozen: error budget spent for checkout-availability (checkout-availability is FROZEN)',
    );
    expect(decision.wayOut).toContain(
      'ask a project admin to record a time-boxed override with a reason',
    );
  });

  it("holds to the project's exemption rules, not the defaults", () => {
    const own = { priorities: ['Blocker'], labels: ['compliance'] };
    const item = { key: 'B-9', workType: 'feature', priority: 'Highest', labels: ['security'] };
    const refused = checkWorkStart(item, frozen, own);
    expect([refused.allowed, refused.rule]).toEqual([false, 'frozen']);
    expect(refused.wayOut).toContain('mark the item Blocker or label it compliance');
    const allowed = checkWorkStart({ ...item, labels: ['Compliance'] }, frozen, own);
    expect([allowed.allowed, allowed.rule]).toEqual([true, 'exempt-label']);
    const none = checkWorkStart(item, frozen, { priorities: [], labels: [] });
    expect(none.wayOut).toBe(
      'work on reliability until the budget recovers, or ask a project admin to record a time-boxed override with a reason',
    );
  });

  it('says until when and by whom an override lets feature work start', () => {
    const decision = checkWorkStart(
      { key: 'B-5', workType: 'feature' },
      { ...frozen, override },
      DEFAULT_EXEMPTION,
    );
    expect(decision.message).toBe(
      'feature work may start until 1970-01-01T00:00:00.020Z under an override by ana: launch agreed with SRE',
    );
  });
});

describe('the gate in force (validator, panel and planner alike)', () => {
  const override: GateOverride = { by: 'ana', at: 10, reason: 'launch', until: 20 };
  const frozenGate = projectGate([slo('checkout-availability', 'FROZEN')], [override], 15);
  it.each([
    ['FROZEN, no override', { ...frozenGate, override: null }, 'FROZEN', false, false],
    ['FROZEN under an override', frozenGate, 'HEALTHY', true, true],
    [
      'AT_RISK with an override in its time box',
      { ...frozenGate, state: 'AT_RISK' as const },
      'AT_RISK',
      true,
      false,
    ],
    [
      'HEALTHY with an override in its time box',
      { ...frozenGate, state: 'HEALTHY' as const },
      'HEALTHY',
      true,
      false,
    ],
  ])(
    '%s: limits of %s, feature work allowed %s, override counts %s',
    (_name, gate, limitsOf, allowed, counts) => {
      const inForce = gateInForce(gate);
      expect([inForce.limitsOf, inForce.featureWorkAllowed, inForce.override !== null]).toEqual([
        limitsOf,
        allowed,
        counts,
      ]);
    },
  );

  it('does not count an override recorded in an earlier freeze once the gate froze again', () => {
    const again = { ...frozenGate, frozenSince: 12 };
    expect(gateInForce(again)).toMatchObject({
      override: null,
      limitsOf: 'FROZEN',
      featureWorkAllowed: false,
      notCounting: {
        override,
        because: 'it was recorded during an earlier freeze; the gate has frozen again since',
      },
    });
    expect(gateInForce({ ...frozenGate, frozenSince: 10 }).override).toEqual(override);
  });

  it('says why an override recorded while FROZEN no longer counts', () => {
    expect(gateInForce({ ...frozenGate, state: 'HEALTHY' }).notCounting).toEqual({
      override,
      because: 'it was recorded while the gate was frozen, and the gate is healthy now',
    });
    expect(gateInForce(frozenGate).notCounting).toBeNull();
  });
});

describe('when the project froze: SLO changes merged in time', () => {
  const changing = (
    name: string,
    state: SloGateInput['state'],
    changes: [number, SloGateInput['state'] | null, SloGateInput['state']][],
  ): SloGateInput => ({
    ...slo(name, state),
    changes: changes.map(([at, from, to]) => ({ at, from, to })),
  });
  it.each([
    [
      'one SLO froze at 5',
      [
        changing('a', 'FROZEN', [
          [1, null, 'HEALTHY'],
          [5, 'HEALTHY', 'FROZEN'],
        ]),
      ],
      5,
    ],
    [
      'a froze at 1 and left at 7, b froze at 3: frozen since 1 without a break',
      [
        changing('a', 'HEALTHY', [
          [1, 'HEALTHY', 'FROZEN'],
          [7, 'FROZEN', 'HEALTHY'],
        ]),
        changing('b', 'FROZEN', [[3, 'AT_RISK', 'FROZEN']]),
      ],
      1,
    ],
    [
      'froze at 1, healthy at 4, froze again at 6',
      [
        changing('a', 'FROZEN', [
          [1, 'HEALTHY', 'FROZEN'],
          [4, 'FROZEN', 'HEALTHY'],
          [6, 'HEALTHY', 'FROZEN'],
        ]),
      ],
      6,
    ],
    [
      'frozen before the oldest kept change: unknown',
      [changing('a', 'FROZEN', [[2, 'FROZEN', 'FROZEN']])],
      null,
    ],
    ['not frozen now', [changing('a', 'HEALTHY', [[1, 'FROZEN', 'HEALTHY']])], null],
  ])('%s', (_name, slos, expected) => {
    expect(frozenSince(slos)).toBe(expected);
  });
});

describe('policy replay over data', () => {
  const spec = sloSpec({ window: { kind: 'rolling', days: 1 } });
  // 1,000 events a minute for 4 days. Day 2, 10:00–11:00: 50% errors (30,000 bad; a day allows
  // 1,440, so the first 5 minutes already spend it) — the budget is spent until the incident leaves the 1-day window at day 3, 11:00.
  const data = minutes(T0, 4 * 1440, (i) =>
    i >= 1440 + 600 && i < 1440 + 660 ? { good: 500, total: 1000 } : { good: 1000, total: 1000 },
  );
  const series = sliSeriesFor(spec, data);

  it('freezes during the incident and unfreezes 24h after the budget is back above 5%', () => {
    const replay = replayPolicy(spec, series, DEFAULT_POLICY, T0 + 4 * DAY_MS);
    expect(replay.changes.map((c) => [c.at, c.to])).toEqual([
      ['2026-01-01T00:05:00.000Z', 'HEALTHY'],
      ['2026-01-02T10:05:00.000Z', 'FROZEN'],
      ['2026-01-04T11:00:00.000Z', 'HEALTHY'],
    ]);
    expect(replay.decision.state).toBe('HEALTHY');
    expect(replay.steps).toBe(4 * 288);
  });

  it('is still FROZEN the moment the incident leaves the window, without the hold', () => {
    const replay = replayPolicy(spec, series, DEFAULT_POLICY, T0 + 2 * DAY_MS + 12 * HOUR_MS, {
      step: 5 * MINUTE_MS,
    });
    expect(replay.decision.state).toBe('FROZEN');
    expect(replay.decision.recoveringSince).toBe(T0 + 2 * DAY_MS + 11 * HOUR_MS);
  });
});
