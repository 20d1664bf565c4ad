import type { SloSummary } from '../../../src/contract/slo';

const GATE_LABEL: Record<SloSummary['state'], string> = {
  HEALTHY: 'Healthy',
  AT_RISK: 'At risk',
  FROZEN: 'Frozen',
  NO_DATA: 'No data',
};

export function GateLozenge({ state }: { state: SloSummary['state'] }) {
  return <span className={`lozenge lozenge-gate-${state.toLowerCase()}`}>{GATE_LABEL[state]}</span>;
}
