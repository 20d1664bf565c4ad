/**
 * Time-boxed overrides of the error-budget gate (PRODUCT.md §4: "Overrides need a reason and are
 * audited"): while the project is FROZEN, a project admin may let feature work start again for a
 * stated time, with a reason. The workflow validator, the issue panel, the planner and the project
 * page all read the same overrides.
 */
import type { GateState } from '../domain/gate/gate-state';
import { LIMITS } from '../domain/limits';

/** The longest an override may last: a freeze is the policy agreed in advance, so an exception is short. */
export const GATE_OVERRIDE_MAX_HOURS = 7 * 24;
export const GATE_OVERRIDE_REASON_MAX = LIMITS.overrideReason.limit;

/**
 * What the gate says, the same on every screen (src/domain/gate/gate-words.ts): each sentence is the
 * policy's rule with the current figures; the UI leads with the state and `since` written in the
 * viewer's locale and time zone.
 */
export interface GateStatement {
  readonly state: GateState;
  /** ISO-8601: since when the project is in `state`; null when unknown (or HEALTHY). */
  readonly since: string | null;
  /** Whole sentences: the rule each SLO met, with its figures, and the rule that ends the state. */
  readonly sentences: readonly string[];
  /** What the state does to planning. */
  readonly effect: string;
}

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
  /** Display names of the account ids in `history`, as Jira gives them to the viewer. */
  readonly people: Readonly<Record<string, string>>;
}

export interface GateContract {
  'gate/overrides': { request: Record<string, never>; response: GateOverridesView };
  'gate/recordOverride': {
    request: { reason: string; hours: number };
    response: GateOverridesView;
  };
  'gate/endOverride': { request: { id: string }; response: GateOverridesView };
}
