/**
 * The error-budget gate states (PRODUCT.md §4). The project's gate is the worst state of the SLOs
 * linked to it; NO_DATA is its own state, never read as healthy.
 */
export const GATE_STATES = ['HEALTHY', 'AT_RISK', 'FROZEN', 'NO_DATA'] as const;

export type GateState = (typeof GATE_STATES)[number];

export function isGateState(value: unknown): value is GateState {
  return typeof value === 'string' && (GATE_STATES as readonly string[]).includes(value);
}

/**
 * How bad each state is, for "the worst state": FROZEN > AT_RISK > NO_DATA > HEALTHY. NO_DATA
 * outranks HEALTHY so missing data never shows as healthy, but not AT_RISK or FROZEN, which are
 * known problems that need action.
 */
export const GATE_SEVERITY: Readonly<Record<GateState, number>> = {
  HEALTHY: 0,
  NO_DATA: 1,
  AT_RISK: 2,
  FROZEN: 3,
};

export function worseState(a: GateState, b: GateState): GateState {
  return GATE_SEVERITY[b] > GATE_SEVERITY[a] ? b : a;
}

/** A state inside a sentence people read: "the gate is at risk now". */
export const GATE_STATE_WORDS: Readonly<Record<GateState, string>> = {
  HEALTHY: 'healthy',
  AT_RISK: 'at risk',
  FROZEN: 'frozen',
  NO_DATA: 'without SLI data',
};
