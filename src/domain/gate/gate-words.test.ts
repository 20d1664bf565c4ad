import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../slo/duration';
import { budgetPercent, gateStatement, holdWords, type SloGateFigures } from './gate-words';
import { DEFAULT_POLICY } from './policy';

const AT = Date.UTC(2026, 10, 20, 12);

const figures = (over: Partial<SloGateFigures> = {}): SloGateFigures => ({
  slo: 'checkout-availability',
  state: 'FROZEN',
  since: AT - 6 * HOUR_MS,
  budgetRemaining: 0.032,
  recoveringSince: null,
  firingAlerts: [],
  dataCoverage: 1,
  policy: DEFAULT_POLICY,
  staleMinutes: null,
  ...over,
});

describe('the gate in true words', () => {
  it('states the freeze rule and the exit rule with the figure now, never "back within its objective"', () => {
    const statement = gateStatement('FROZEN', [figures()], AT);
    expect(statement.since).toBe(AT - 6 * HOUR_MS);
    expect(statement.sentences).toEqual([
      'The error budget of checkout-availability reached 0% (policy: freeze at or below 0%). Planning unfreezes when the budget is back at or above 5% for 24 hours — now 3.2%.',
    ]);
    expect(statement.effect).toBe(
      'No feature work starts, except exempt items or under a freeze override a project admin records.',
    );
  });

  it('uses the project’s own policy figures', () => {
    const policy = {
      ...DEFAULT_POLICY,
      freezeAtOrBelow: 0.1,
      unfreezeAtOrAbove: 0.2,
      unfreezeHold: 6 * HOUR_MS,
    };
    const [sentence] = gateStatement('FROZEN', [figures({ policy, budgetRemaining: 0.153 })], AT)
      .sentences;
    expect(sentence).toBe(
      'The error budget of checkout-availability reached 10% (policy: freeze at or below 10%). Planning unfreezes when the budget is back at or above 20% for 6 hours — now 15.3%.',
    );
  });

  it('counts the hold while the budget recovers', () => {
    const [sentence] = gateStatement(
      'FROZEN',
      [figures({ budgetRemaining: 0.061, recoveringSince: AT - 3 * HOUR_MS })],
      AT,
    ).sentences;
    expect(sentence).toBe(
      'The error budget of checkout-availability reached 0% (policy: freeze at or below 0%). Planning unfreezes when the budget is back at or above 5% for 24 hours — now 6.1%, held for 3 hours so far, 21 hours to go.',
    );
  });

  it('says a frozen SLO without data stays frozen', () => {
    const [sentence] = gateStatement('FROZEN', [figures({ budgetRemaining: null })], AT).sentences;
    expect(sentence).toMatch(/— no data now, and missing data cannot show a recovery\.$/);
  });

  it('names the at-risk cause, the rule and the way out', () => {
    const statement = gateStatement(
      'AT_RISK',
      [
        figures({ slo: 'checkout-latency', state: 'AT_RISK', budgetRemaining: 0.182 }),
        figures({ slo: 'search', state: 'HEALTHY', budgetRemaining: 0.9 }),
      ],
      AT,
    );
    expect(statement.sentences).toEqual([
      'checkout-latency is at risk: its error budget is 18.2% (policy: at risk below 25% or while a ticket or page burn-rate alert fires). It is healthy again at 25% or more with no ticket or page alert firing — now 18.2%; it freezes at or below 0%.',
    ]);
  });

  it('names a firing alert as the at-risk cause', () => {
    const [sentence] = gateStatement(
      'AT_RISK',
      [figures({ state: 'AT_RISK', budgetRemaining: 0.6, firingAlerts: ['ticket'] })],
      AT,
    ).sentences;
    expect(sentence).toBe(
      'checkout-availability is at risk: a ticket burn-rate alert is firing (policy: at risk below 25% or while a ticket or page burn-rate alert fires). It is healthy again at 25% or more with no ticket or page alert firing — now 60%, ticket alert firing; it freezes at or below 0%.',
    );
  });

  it('names the lowest budget when healthy', () => {
    const statement = gateStatement(
      'HEALTHY',
      [
        figures({ slo: 'a', state: 'HEALTHY', budgetRemaining: 0.9 }),
        figures({ slo: 'b', state: 'HEALTHY', budgetRemaining: 0.301 }),
      ],
      AT,
    );
    expect(statement.since).toBeNull();
    expect(statement.sentences).toEqual([
      'Every linked SLO is within its error budget; the lowest is b at 30.1% (policy: at risk below 25% or while a ticket or page burn-rate alert fires, freeze at or below 0%).',
    ]);
  });

  it('says what no data means, and when no SLO is linked', () => {
    expect(
      gateStatement('NO_DATA', [figures({ state: 'NO_DATA', since: null })], AT).sentences,
    ).toEqual([
      'checkout-availability has no SLI data rolled up yet; the gate counts it as no data, never as healthy.',
    ]);
    expect(gateStatement('NO_DATA', [], AT).sentences[0]).toMatch(/^No SLO is linked/);
  });

  it('tells a stale status apart', () => {
    const { sentences } = gateStatement('FROZEN', [figures({ staleMinutes: 23 })], AT);
    expect(sentences[1]).toBe(
      'The status of checkout-availability was last computed 23 minutes ago; its state holds until the roll-up catches up.',
    );
  });

  it('takes the earliest SLO to enter the state as the project’s since', () => {
    const statement = gateStatement(
      'FROZEN',
      [figures({ slo: 'b', since: AT - HOUR_MS }), figures({ slo: 'a', since: AT - 2 * HOUR_MS })],
      AT,
    );
    expect(statement.since).toBe(AT - 2 * HOUR_MS);
    expect(statement.sentences.map((s) => s.slice(0, 25))).toEqual([
      'The error budget of a rea',
      'The error budget of b rea',
    ]);
  });

  it.each([
    [0, '0%'],
    [0.05, '5%'],
    [0.032, '3.2%'],
    [-1.35555, '-135.6%'],
    [-0.0001, '0%'],
    [0.08966667, '9%'],
  ])('writes the budget share %s as %s', (share, text) => {
    expect(budgetPercent(share)).toBe(text);
  });

  it.each([
    [24 * HOUR_MS, '24 hours'],
    [HOUR_MS, '1 hour'],
    [1.5 * HOUR_MS, '1.5 hours'],
    [30 * 60_000, '30 minutes'],
  ])('writes a hold of %s ms as %s', (ms, text) => {
    expect(holdWords(ms)).toBe(text);
  });
});
