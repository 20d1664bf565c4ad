import { describe, expect, it } from 'vitest';
import { gateTimeline, type SloStateChange } from './gate-timeline';

const at = (day: number, hour = 0) => Date.UTC(2026, 10, day, hour);
const iso = (day: number, hour = 0) => new Date(at(day, hour)).toISOString();

const checkout: SloStateChange[] = [
  { at: iso(1), from: null, to: 'HEALTHY' },
  { at: iso(5, 12), from: 'HEALTHY', to: 'AT_RISK' },
  { at: iso(8), from: 'AT_RISK', to: 'FROZEN' },
  { at: iso(12), from: 'FROZEN', to: 'HEALTHY' },
];
const search: SloStateChange[] = [
  { at: iso(1), from: null, to: 'HEALTHY' },
  { at: iso(9), from: 'HEALTHY', to: 'AT_RISK' },
  { at: iso(13), from: 'AT_RISK', to: 'HEALTHY' },
];

describe('the project gate over a sprint', () => {
  it('is the worst SLO state at every instant, changing only when the worst one changes', () => {
    // search turning AT_RISK on the 9th changes nothing while checkout is FROZEN; when checkout
    // recovers on the 12th the project is still AT_RISK (search) until the 13th.
    expect(gateTimeline([checkout, search], at(3), at(15))).toEqual([
      { from: iso(3), to: iso(5, 12), state: 'HEALTHY' },
      { from: iso(5, 12), to: iso(8), state: 'AT_RISK' },
      { from: iso(8), to: iso(12), state: 'FROZEN' },
      { from: iso(12), to: iso(13), state: 'AT_RISK' },
      { from: iso(13), to: iso(15), state: 'HEALTHY' },
    ]);
  });

  it('counts an SLO as NO_DATA before its history starts, and no SLO as no gate data', () => {
    const late: SloStateChange[] = [{ at: iso(6), from: null, to: 'HEALTHY' }];
    expect(gateTimeline([late], at(3), at(10))).toEqual([
      { from: iso(3), to: iso(6), state: 'NO_DATA' },
      { from: iso(6), to: iso(10), state: 'HEALTHY' },
    ]);
    expect(gateTimeline([], at(3), at(10))).toEqual([
      { from: iso(3), to: iso(10), state: 'NO_DATA' },
    ]);
    expect(gateTimeline([checkout], at(10), at(10))).toEqual([]);
  });
});
