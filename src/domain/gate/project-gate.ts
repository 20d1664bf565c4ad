/**
 * The project's gate: the worst state among its SLOs (gate-state.ts orders them), with every
 * non-healthy SLO's reasons, and whether feature work may start.
 */
import { isoOf, type Instant } from '../slo/duration';
import type { GateReason, GateRule } from './evaluate';
import { GATE_SEVERITY, worseState, type GateState } from './gate-state';
import {
  DEFAULT_EXEMPTIONS,
  activeOverride,
  type FreezeExemptions,
  type GateOverride,
} from './override';

export interface SloGateInput {
  readonly slo: string;
  readonly service: string;
  readonly state: GateState;
  readonly reasons: readonly GateReason[];
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
  /** The override in force, if any. */
  readonly override: GateOverride | null;
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
    return { state: 'NO_DATA', reasons: [reason], override };
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
  return { state, reasons, override };
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

/** Whether `item` may start under `gate` (PRODUCT.md §4: while FROZEN, no feature work). */
export function checkWorkStart(
  item: GateWorkItem,
  gate: ProjectGate,
  exemptions: FreezeExemptions = DEFAULT_EXEMPTIONS,
): WorkDecision {
  const allow = (rule: WorkDecision['rule'], message: string): WorkDecision => ({
    allowed: true,
    rule,
    message,
    wayOut: null,
  });
  if (gate.state !== 'FROZEN') return allow('not-frozen', `the project gate is ${gate.state}`);
  if (item.workType !== 'feature')
    return allow('not-feature-work', `${item.key} is ${item.workType} work, not held by a freeze`);
  if (item.priority !== undefined && exemptions.priorities.includes(item.priority)) {
    return allow('exempt-priority', `${item.key} has exempt priority ${item.priority}`);
  }
  const label = item.labels?.find((l) => exemptions.labels.includes(l));
  if (label !== undefined) return allow('exempt-label', `${item.key} has exempt label ${label}`);
  if (gate.override) {
    return allow(
      'override',
      `feature work may start until ${isoOf(gate.override.until)} under an override by ${gate.override.by}: ${gate.override.reason}`,
    );
  }
  const frozen = gate.reasons
    .filter((r) => r.state === 'FROZEN')
    .map((r) => `${r.slo} (${r.message})`);
  return {
    allowed: false,
    rule: 'frozen',
    message: `feature work is frozen: error budget spent for ${frozen.join('; ')}`,
    wayOut: `work on reliability until the budget recovers, mark the item ${exemptions.priorities.join('/')} or label it ${exemptions.labels.join('/')}, or ask a project admin to record a time-boxed override with a reason`,
  };
}
