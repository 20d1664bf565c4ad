/**
 * The error-budget gate states (PRODUCT.md §4). The project's gate is the worst state of the SLOs
 * linked to it; NO_DATA is its own state, never read as healthy.
 */
export const GATE_STATES = ['HEALTHY', 'AT_RISK', 'FROZEN', 'NO_DATA'] as const;

export type GateState = (typeof GATE_STATES)[number];

export function isGateState(value: unknown): value is GateState {
  return typeof value === 'string' && (GATE_STATES as readonly string[]).includes(value);
}
