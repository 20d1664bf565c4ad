/**
 * The one mapping from an error-budget gate state to its colour, used by every app (planner
 * banner, issue panel and context, project page, settings, chart threshold lines): the class sets
 * the state's Atlassian colour tokens (static/shared/ui.css `.gate-tone-*`), so FROZEN is the
 * same danger red everywhere and AT_RISK the same warning amber.
 */
import type { GateState } from '../../src/contract/planner';

export function gateTone(state: GateState): string {
  return `gate-tone-${state.toLowerCase()}`;
}

/** The state as people read it, the same words in every app. */
export const GATE_LABEL: Readonly<Record<GateState, string>> = {
  HEALTHY: 'Healthy',
  AT_RISK: 'At risk',
  FROZEN: 'Frozen',
  NO_DATA: 'No data',
};
