/** An `slo/list` answer as the backend sends it, for the SLO section's component and state tests. */
import type { SloDefinition, SloListView, SloSummary } from '../../../../src/contract/slo';

export const CHECKOUT: SloDefinition = {
  name: 'checkout-availability',
  displayName: 'Checkout availability',
  description: '99.9% of checkout requests succeed',
  service: 'checkout',
  counts: 'good',
  numerator: { type: 'Prometheus', query: 'sum(http_requests_total{code!~"5.."})' },
  total: { type: 'Prometheus', query: 'sum(http_requests_total)' },
  counter: true,
  targetPercent: 99.9,
  window: { kind: 'rolling', days: 28 },
  budgetingMethod: 'Occurrences',
  timeSlicePercent: null,
  alertTable: 'sloth',
};

export function sloSummary(overrides: Partial<SloSummary> = {}): SloSummary {
  return {
    name: CHECKOUT.name,
    displayName: CHECKOUT.displayName,
    service: 'checkout',
    target: 0.999,
    window: '28d',
    status: null,
    state: 'FROZEN',
    dataUntil: null,
    objective: null,
    definition: CHECKOUT,
    ...overrides,
  };
}

export function sloList(overrides: Partial<SloListView> = {}): SloListView {
  return { projectKey: 'SHOP', version: 1, canEdit: true, slos: [sloSummary()], ...overrides };
}
