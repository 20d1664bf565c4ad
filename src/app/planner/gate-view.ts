/**
 * The gate banner's words: the state and why, with what it does to the split. The SLO status store
 * is not wired in yet (issue #7), so today the state is NO_DATA; the sentences say what would change it.
 */
import type { GateView } from '../../contract/planner';
import type { GateState } from '../../domain/gate/gate-state';

export function gateView(state: GateState, sloIds: readonly string[]): GateView {
  switch (state) {
    case 'NO_DATA':
      return {
        state,
        reason:
          sloIds.length === 0
            ? 'No SLO is linked to this project, so the error-budget gate has no data and the normal split applies. Link SLOs in the project settings to let the gate adjust the split.'
            : `No status has arrived yet for the linked SLOs (${sloIds.join(', ')}), so the normal split applies. Send SLI data to let the gate adjust the split.`,
      };
    case 'HEALTHY':
      return {
        state,
        reason: 'Every linked SLO is within its error budget: the normal split applies.',
      };
    case 'AT_RISK':
      return {
        state,
        reason:
          'An SLO is burning its error budget fast: reliability gets a larger share and feature work is capped.',
      };
    case 'FROZEN':
      return {
        state,
        reason:
          'An SLO has spent its error budget: no feature work except exempt items until it is back within its objective.',
      };
  }
}
