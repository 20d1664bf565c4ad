/**
 * Every instant at which a roll-up's figures cut the SLI data: the ends and starts of the windows
 * computeSloStatus measures at `at` (the SLO window, the seven burn-rate windows, the exhaustion
 * window, each alert rule's long and short window) and those policyInputAt measures at each replay
 * step. A stored day that no edge falls strictly inside may enter the series as its sums
 * (sli-blocks.ts) with every figure unchanged. Keep this in step with status.ts and replay.ts:
 * test/property/roll-up-days.test.ts compares the roll-up against reading every minute.
 */
import { BURN_RATE_WINDOWS } from '../slo/burn-rate';
import { HOUR_MS, type DurationMs, type Instant } from '../slo/duration';
import type { SloSpec } from '../slo/spec';
import { alertRulesOf } from '../slo/status';
import { windowAt } from '../slo/window';

/** The window lengths measured back from an evaluation instant. */
export function measuredWindows(spec: SloSpec, exhaustionWindow: DurationMs = HOUR_MS): number[] {
  const windows = new Set<number>([...Object.values(BURN_RATE_WINDOWS), exhaustionWindow]);
  for (const rule of alertRulesOf(spec)) {
    windows.add(rule.longWindow);
    windows.add(rule.shortWindow);
  }
  return [...windows];
}

/** The edges of every window measured at `instants`, sorted ascending. */
export function evaluationEdges(spec: SloSpec, instants: readonly Instant[]): Float64Array {
  const windows = measuredWindows(spec);
  const edges = new Float64Array(instants.length * (windows.length + 2));
  let i = 0;
  for (const t of instants) {
    edges[i++] = t;
    edges[i++] = windowAt(spec.window, t).start;
    for (const w of windows) edges[i++] = t - w;
  }
  return edges.sort();
}
