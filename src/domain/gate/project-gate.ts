/**
 * The project's gate: the worst state among its SLOs (gate-state.ts orders them), with every
 * non-healthy SLO's reasons, and whether feature work may start.
 */
import { exemptionMatcher, type ExemptionRules } from '../capacity/exemption';
import { isoOf, type Instant } from '../slo/duration';
import type { GateReason, GateRule } from './evaluate';
import { gateInForce } from './gate-in-force';
import { GATE_SEVERITY, worseState, type GateState } from './gate-state';
import { activeOverride, type GateOverride } from './override';

export interface SloGateInput {
  readonly slo: string;
  readonly service: string;
  readonly state: GateState;
  readonly reasons: readonly GateReason[];
  /** The SLO's recent state changes, oldest first (kept with its status), for `frozenSince`. */
  readonly changes?: readonly {
    readonly at: Instant;
    readonly from: GateState | null;
    readonly to: GateState;
  }[];
}

export interface ProjectGateReason {
  readonly slo: string;
  readonly service: string;
  readonly state: GateState;
  readonly rule: GateRule;
  readonly message: string;
}

export interface ProjectGate {
  readonly state: GateState;
  /** Reasons of the SLOs that are not HEALTHY, worst first. */
  readonly reasons: readonly ProjectGateReason[];
  /**
   * The newest override within its time box, whatever the state: it counts only while FROZEN and
   * only in the freeze it was recorded in (gateInForce decides), and is shown as not counting
   * otherwise.
   */
  readonly override: GateOverride | null;
  /** While FROZEN: when this freeze began, if the SLOs' kept changes show it; else null. */
  readonly frozenSince: Instant | null;
}

/**
 * When the project's gate last became FROZEN, from the SLOs' state changes merged in time: the
 * project is FROZEN while any SLO is, so a freeze begins when the first SLO freezes and ends when
 * the last one leaves FROZEN. Null when not FROZEN now, or when the freeze began before the oldest
 * change kept (not known: an override is then not refused for it).
 */
export function frozenSince(slos: readonly SloGateInput[]): Instant | null {
  if (!slos.some((s) => s.state === 'FROZEN')) return null;
  const states: (GateState | null)[] = slos.map((s) => s.changes?.[0]?.from ?? null);
  const events = slos
    .flatMap((s, i) => (s.changes ?? []).map((change) => ({ i, at: change.at, to: change.to })))
    .sort((a, b) => a.at - b.at);
  let frozen = states.includes('FROZEN');
  let since: Instant | null = null;
  for (const event of events) {
    states[event.i] = event.to;
    const now = states.includes('FROZEN');
    if (now && !frozen) since = event.at;
    frozen = now;
  }
  return frozen ? since : null;
}

export function projectGate(
  slos: readonly SloGateInput[],
  overrides: readonly GateOverride[],
  at: Instant,
): ProjectGate {
  const override = activeOverride(overrides, at);
  if (slos.length === 0) {
    const reason = {
      slo: '',
      service: '',
      state: 'NO_DATA' as const,
      rule: 'no-slos' as const,
      message: 'no SLO is linked to the project',
    };
    return { state: 'NO_DATA', reasons: [reason], override, frozenSince: null };
  }
  const state = slos.reduce<GateState>((worst, s) => worseState(worst, s.state), 'HEALTHY');
  const reasons = slos
    .filter((s) => s.state !== 'HEALTHY')
    .sort((a, b) => GATE_SEVERITY[b.state] - GATE_SEVERITY[a.state] || a.slo.localeCompare(b.slo))
    .flatMap((s) =>
      s.reasons.map((r) => ({
        slo: s.slo,
        service: s.service,
        state: s.state,
        rule: r.rule,
        message: r.message,
      })),
    );
  return { state, reasons, override, frozenSince: state === 'FROZEN' ? frozenSince(slos) : null };
}

/** The parts of a Jira item the gate looks at. */
export interface GateWorkItem {
  readonly key: string;
  /** Ballast work type; only `feature` work is held by a freeze. */
  readonly workType: string;
  readonly priority?: string;
  readonly labels?: readonly string[];
}

export interface WorkDecision {
  readonly allowed: boolean;
  readonly rule:
    'not-frozen' | 'not-feature-work' | 'exempt-priority' | 'exempt-label' | 'override' | 'frozen';
  readonly message: string;
  /** While blocked: what would unblock it. */
  readonly wayOut: string | null;
}

/**
 * Whether `item` may start under `gate` (PRODUCT.md §4: while FROZEN, no feature work except exempt
 * items; an override lets it start). `exemptions` are the project's rules (`capacity.exemption`).
 */
export function checkWorkStart(
  item: GateWorkItem,
  gate: ProjectGate,
  exemptions: ExemptionRules,
): WorkDecision {
  const allow = (rule: WorkDecision['rule'], message: string): WorkDecision => ({
    allowed: true,
    rule,
    message,
    wayOut: null,
  });
  const inForce = gateInForce(gate);
  if (gate.state !== 'FROZEN') return allow('not-frozen', `the project gate is ${gate.state}`);
  if (item.workType !== 'feature')
    return allow('not-feature-work', `${item.key} is ${item.workType} work, not held by a freeze`);
  const match = exemptionMatcher(exemptions)(item);
  if (match?.by === 'priority')
    return allow('exempt-priority', `${item.key} has exempt priority ${match.value}`);
  if (match?.by === 'label')
    return allow('exempt-label', `${item.key} has exempt label ${match.value}`);
  if (inForce.override) {
    return allow(
      'override',
      `feature work may start until ${isoOf(inForce.override.until)} under an override by ${inForce.override.by}: ${inForce.override.reason}`,
    );
  }
  const frozen = gate.reasons
    .filter((r) => r.state === 'FROZEN')
    .map((r) => `${r.slo} (${r.message})`);
  const exempt = [
    exemptions.priorities.length > 0 ? `mark the item ${exemptions.priorities.join('/')}` : '',
    exemptions.labels.length > 0 ? `label it ${exemptions.labels.join('/')}` : '',
  ].filter((part) => part !== '');
  return {
    allowed: false,
    rule: 'frozen',
    message: `feature work is frozen: error budget spent for ${frozen.join('; ')}`,
    wayOut: [
      'work on reliability until the budget recovers',
      ...(exempt.length > 0 ? [exempt.join(' or ')] : []),
      'or ask a project admin to record a time-boxed override with a reason',
    ].join(', '),
  };
}
