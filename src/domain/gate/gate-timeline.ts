/**
 * The project's gate over a span of time, from each linked SLO's policy state changes (replay.ts):
 * at every instant the project is in the worst state of its SLOs (project-gate.ts, PRODUCT.md §4),
 * so the timeline is the merge of the SLOs' changes, keeping only the instants where the worst
 * state moves. The sprint review shows it, with the targets each state set (effective-targets.ts).
 */
import { isoOf } from '../slo/duration';
import { worseState, type GateState } from './gate-state';

export interface SloStateChange {
  readonly at: string;
  readonly from: GateState | null;
  readonly to: GateState;
}

export interface GateSegment {
  /** ISO-8601, inclusive. */
  readonly from: string;
  /** ISO-8601, exclusive. */
  readonly to: string;
  readonly state: GateState;
}

/**
 * The project gate's segments over [from, to). Each SLO's changes are oldest first and must reach
 * back to `from` (its first change, `from: null`, at or before `from`); an SLO whose history starts
 * later counts as NO_DATA until then, as the gate counts an SLO without rolled-up data. With no SLO
 * the project has no gate to follow: one NO_DATA segment.
 */
export function gateTimeline(
  slos: readonly (readonly SloStateChange[])[],
  from: number,
  to: number,
): GateSegment[] {
  if (!(to > from)) return [];
  const stateAt = (changes: readonly SloStateChange[], t: number): GateState => {
    let state: GateState = 'NO_DATA';
    for (const change of changes) {
      if (Date.parse(change.at) > t) break;
      state = change.to;
    }
    return state;
  };
  const worstAt = (t: number): GateState =>
    slos.length === 0
      ? 'NO_DATA'
      : slos.map((changes) => stateAt(changes, t)).reduce(worseState, 'HEALTHY');
  const instants = [
    ...new Set(
      slos.flatMap((changes) =>
        changes.map((c) => Date.parse(c.at)).filter((t) => t > from && t < to),
      ),
    ),
  ].sort((a, b) => a - b);
  const segments: GateSegment[] = [];
  let start = from;
  let state = worstAt(from);
  for (const t of instants) {
    const next = worstAt(t);
    if (next === state) continue;
    segments.push({ from: isoOf(start), to: isoOf(t), state });
    start = t;
    state = next;
  }
  segments.push({ from: isoOf(start), to: isoOf(to), state });
  return segments;
}
