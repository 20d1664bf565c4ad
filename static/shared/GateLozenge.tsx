import type { GateStateName as GateState } from '../../src/contract/project-page';

const GATE_LABEL: Readonly<Record<GateState, string>> = {
  HEALTHY: 'Healthy',
  AT_RISK: 'At risk',
  FROZEN: 'Frozen',
  NO_DATA: 'No data',
};

/** A gate state inside a sentence: "the gate is at risk now". */
export const GATE_STATE_WORDS: Readonly<Record<GateState, string>> = {
  HEALTHY: 'healthy',
  AT_RISK: 'at risk',
  FROZEN: 'frozen',
  NO_DATA: 'without SLI data',
};

/** An error-budget gate state as a lozenge (ui.css `.lozenge-gate-*`); NO_DATA is its own state. */
export function GateLozenge({ state }: { state: GateState }) {
  return <span className={`lozenge lozenge-gate-${state.toLowerCase()}`}>{GATE_LABEL[state]}</span>;
}
