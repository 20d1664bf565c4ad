import type { GateStateName as GateState } from '../../src/contract/project-page';
import { GATE_LABEL, gateTone } from './gate-tone';

/** A gate state inside a sentence: "the gate is at risk now". */
export const GATE_STATE_WORDS: Readonly<Record<GateState, string>> = {
  HEALTHY: 'healthy',
  AT_RISK: 'at risk',
  FROZEN: 'frozen',
  NO_DATA: 'without SLI data',
};

/** An error-budget gate state as a lozenge in the state's colour (gate-tone.ts); NO_DATA is its own state. */
export function GateLozenge({
  state,
  label,
  title,
}: {
  state: GateState;
  label?: string;
  title?: string;
}) {
  return (
    <span
      className={`lozenge lozenge-gate ${gateTone(state)}`}
      data-gate-tone={state}
      title={title}
    >
      {label ?? GATE_LABEL[state]}
    </span>
  );
}
