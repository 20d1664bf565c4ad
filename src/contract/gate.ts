/**
 * Time-boxed overrides of the error-budget gate (PRODUCT.md §4: "Overrides need a reason and are
 * audited"): while the project is FROZEN, a project admin may let feature work start again for a
 * stated time, with a reason. The workflow validator, the issue panel, the planner and the project
 * page all read the same overrides.
 */
import type { GateState } from '../domain/gate/gate-state';

/** The longest an override may last: a freeze is the policy agreed in advance, so an exception is short. */
export const GATE_OVERRIDE_MAX_HOURS = 7 * 24;
export const GATE_OVERRIDE_REASON_MAX = 500;

export interface GateOverrideView {
  readonly id: string;
  readonly accountId: string;
  /** ISO-8601: when it was recorded. */
  readonly at: string;
  /** ISO-8601: when it stops applying, as recorded. */
  readonly until: string;
  readonly reason: string;
  /** ISO-8601 when someone ended it early, else null. */
  readonly endedAt: string | null;
  readonly endedBy: string | null;
  /** Whether it lets feature work start right now. */
  readonly inForce: boolean;
}

export interface GateOverridesView {
  readonly projectKey: string;
  readonly gateState: GateState;
  /** The override in force now, if any (also the first of `history`). */
  readonly active: GateOverrideView | null;
  /** Every override recorded for the project, newest first. */
  readonly history: readonly GateOverrideView[];
  /** Project admins may record and end overrides. */
  readonly canRecord: boolean;
  readonly maxHours: number;
}

export interface GateContract {
  'gate/overrides': { request: Record<string, never>; response: GateOverridesView };
  'gate/recordOverride': {
    request: { reason: string; hours: number };
    response: GateOverridesView;
  };
  'gate/endOverride': { request: { id: string }; response: GateOverridesView };
}
