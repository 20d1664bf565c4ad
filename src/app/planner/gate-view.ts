/**
 * The gate banner's words: the project's gate state (the worst stored state of its linked SLOs) and
 * why — each SLO that is not healthy with its reason — plus what the state does to the split.
 */
import type { GateView } from '../../contract/planner';
import type { ExemptionRules } from '../../domain/capacity';
import { gateInForce, type ProjectGate } from '../../domain/gate';

/** What each state does to the split; FROZEN names the project's own exemption rules. */
const EFFECT: Readonly<Record<GateView['state'], (exempt: string) => string>> = {
  HEALTHY: () => 'Every linked SLO is within its error budget: the normal split applies.',
  AT_RISK: () =>
    'Reliability gets a larger share and feature work is capped until the budget recovers.',
  FROZEN: (exempt) =>
    `No feature work except exempt items (${exempt}) until the service is back within its objective.`,
  NO_DATA: () => 'The normal split applies until SLI data arrives.',
};

/** While an admin's override lifts the freeze (domain/gate/gate-in-force.ts). */
const OVERRIDDEN = 'An override lets feature work start: the normal split applies until it ends.';

/** The project's own exemption rules, as the validator applies them (domain/capacity/exemption.ts). */
const exemptWords = (rules: ExemptionRules): string =>
  [
    rules.priorities.length > 0 ? `priority ${rules.priorities.join('/')}` : '',
    rules.labels.length > 0 ? `label ${rules.labels.join('/')}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ') || 'none set';

export function gateView(gate: ProjectGate, exemption: ExemptionRules): GateView {
  const inForce = gateInForce(gate);
  const shown = inForce.override ?? inForce.notCounting?.override ?? null;
  const override =
    shown === null
      ? null
      : {
          accountId: shown.by,
          until: new Date(shown.until).toISOString(),
          reason: shown.reason,
          counts: inForce.override !== null,
        };
  if (gate.state === 'NO_DATA' && gate.reasons.some((r) => r.rule === 'no-slos')) {
    return {
      state: gate.state,
      override,
      reason:
        'No SLO is linked to this project, so the error-budget gate has no data and the normal split applies. Link SLOs in the project settings to let the gate adjust the split.',
    };
  }
  const why = gate.reasons
    .filter((r) => r.state === gate.state)
    .map((r) => `${r.slo}${r.service ? ` (${r.service})` : ''}: ${r.message}`);
  return {
    state: gate.state,
    override,
    reason: [
      why.length > 0 ? `${why.join('; ')}.` : '',
      inForce.override ? OVERRIDDEN : EFFECT[gate.state](exemptWords(exemption)),
    ]
      .filter((part) => part !== '')
      .join(' '),
  };
}
