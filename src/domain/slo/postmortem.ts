/**
 * The postmortem rule: an incident that consumed more than 20% of the window's error budget needs a
 * postmortem ("Example Error Budget Policy", SRE Workbook appendix: "If a single incident consumes
 * more than 20% of error budget over four weeks, then the team must conduct a postmortem").
 */
import { budgetOver } from './budget';
import { MINUTE_MS, isoOf, type DurationMs, type Instant } from './duration';
import { sumsOver, type SliSeries } from './sli-series';
import type { SloSpec } from './spec';
import { windowAt } from './window';

export const POSTMORTEM_BUDGET_SHARE = 0.2;

export interface IncidentSpan {
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * Share of the window's budget (at `at`) that [start, end) consumed, counting only the part inside
 * the window; null when the window allows no bad units (no data).
 */
export function incidentBudgetShare(
  spec: SloSpec,
  series: SliSeries,
  incident: IncidentSpan,
  at: Instant,
): number | null {
  const { start } = windowAt(spec.window, at);
  const allowed = budgetOver(sumsOver(series, start, at), spec.target, spec.budgeting).allowed;
  if (allowed <= 0) return null;
  const from = Math.max(incident.start, start);
  const to = Math.min(incident.end, at);
  if (to <= from) return 0;
  return budgetOver(sumsOver(series, from, to), spec.target, spec.budgeting).consumed / allowed;
}

export interface PostmortemCandidate {
  readonly start: string;
  readonly end: string;
  readonly budgetShare: number;
}

export interface PostmortemOptions {
  /** Minimum share of the budget, exclusive; default 0.2. */
  readonly threshold?: number;
  /** Burning intervals separated by at most this much quiet time are one incident; default 30m. */
  readonly mergeGap?: DurationMs;
}

/**
 * Finds incidents in the data: runs of intervals burning faster than the budget allows (error ratio
 * above 1 − target, i.e. burn rate above 1; for Timeslices, minutes below the slice target), merged
 * across short gaps, whose budget share exceeds the threshold.
 */
export function findPostmortemCandidates(
  spec: SloSpec,
  series: SliSeries,
  at: Instant,
  options: PostmortemOptions = {},
): readonly PostmortemCandidate[] {
  const threshold = options.threshold ?? POSTMORTEM_BUDGET_SHARE;
  const mergeGap = options.mergeGap ?? 30 * MINUTE_MS;
  const { start } = windowAt(spec.window, at);
  const spans: IncidentSpan[] = [];
  for (let k = 0; k < series.starts.length; k += 1) {
    const s = Math.max(series.starts[k]!, start);
    const e = Math.min(series.ends[k]!, at);
    if (e <= s || !isBurning(series, k, spec)) continue;
    const last = spans[spans.length - 1];
    if (last && s - last.end <= mergeGap) spans[spans.length - 1] = { start: last.start, end: e };
    else spans.push({ start: s, end: e });
  }
  return spans.flatMap((span) => {
    const share = incidentBudgetShare(spec, series, span, at);
    return share !== null && share > threshold
      ? [{ start: isoOf(span.start), end: isoOf(span.end), budgetShare: share }]
      : [];
  });
}

function isBurning(series: SliSeries, k: number, spec: SloSpec): boolean {
  const total = series.prefixTotal[k + 1]! - series.prefixTotal[k]!;
  if (total <= 0) return false;
  if (spec.budgeting.method === 'Timeslices') {
    return series.prefixGoodMinutes[k + 1]! - series.prefixGoodMinutes[k]! === 0;
  }
  const bad = series.prefixBad[k + 1]! - series.prefixBad[k]!;
  return bad / total > 1 - spec.target;
}
