/**
 * Whether a Product Owner's override of the split still covers the sprint (PRODUCT.md §2: "Every
 * override records who, when and why"; §4: the gate changes the targets). An override is a decision
 * about one plan under one gate state: it covers the sprint only while its items are those it was
 * recorded on (the fingerprint) and the gate is in the state it was recorded under. Otherwise it is
 * still shown, as recorded then, with why it no longer counts.
 */
import type { OverrideEntry, OverrideView } from '../../contract/planner';
import { GATE_STATE_WORDS, type GateState } from '../../domain/gate';

export function overrideCoverage(
  entry: OverrideEntry,
  now: { readonly fingerprint: string; readonly gateState: GateState },
): OverrideView {
  const recordedUnder = entry.overridden.gateState;
  const because =
    recordedUnder !== now.gateState
      ? `it was recorded while the gate was ${GATE_STATE_WORDS[recordedUnder]}, and the gate is ${GATE_STATE_WORDS[now.gateState]} now`
      : entry.overridden.fingerprint !== now.fingerprint
        ? 'the sprint’s items changed since it was recorded'
        : null;
  return { ...entry, counts: because === null, notCountingBecause: because };
}
