/**
 * When each multiwindow burn-rate alert fired over a span (the sprint review's "alerts that
 * fired", issue #23): the alert's own definition (alerts.ts `evaluateAlerts`, SRE Workbook ch. 5
 * §6: long and short window both above the factor) evaluated at the policy replay's steps (every
 * 5 minutes, replay.ts), consecutive firing steps joined into one episode. An episode already
 * firing at `from` starts there; one still firing at `to` ends there, marked `ongoing`.
 */
import { evaluateAlerts } from './alerts';
import { alertRulesOf } from './status';
import { formatDuration, isoOf, MINUTE_MS, type DurationMs, type Instant } from './duration';
import type { SliSeries } from './sli-series';
import type { SloSpec } from './spec';
import { windowAt } from './window';
import type { AlertSeverity } from './alert-table';

export interface AlertEpisode {
  readonly severity: AlertSeverity;
  /** e.g. `1h`. */
  readonly longWindow: string;
  /** e.g. `5m`. */
  readonly shortWindow: string;
  /** First step the alert was firing at (ISO-8601). */
  readonly from: string;
  /** The step after the last firing one, or `to` when still firing then (ISO-8601). */
  readonly to: string;
  /** Still firing at the end of the span. */
  readonly ongoing: boolean;
}

export const ALERT_STEP: DurationMs = 5 * MINUTE_MS;

export function alertEpisodes(
  spec: SloSpec,
  series: SliSeries,
  from: Instant,
  to: Instant,
  step: DurationMs = ALERT_STEP,
): AlertEpisode[] {
  if (!(step > 0)) throw new Error(`alert step must be positive, got ${step}`);
  const rules = alertRulesOf(spec);
  const open: (number | null)[] = rules.map(() => null);
  const episodes: AlertEpisode[] = [];
  const close = (i: number, end: Instant, ongoing: boolean) => {
    const rule = rules[i]!;
    episodes.push({
      severity: rule.severity,
      longWindow: formatDuration(rule.longWindow),
      shortWindow: formatDuration(rule.shortWindow),
      from: isoOf(open[i]!),
      to: isoOf(end),
      ongoing,
    });
    open[i] = null;
  };
  for (let t = from; t < to; t += step) {
    const statuses = evaluateAlerts(
      series,
      t,
      windowAt(spec.window, t).period,
      spec.target,
      spec.budgeting,
      rules,
    );
    statuses.forEach((status, i) => {
      if (status.firing && open[i] === null) open[i] = t;
      else if (!status.firing && open[i] !== null) close(i, t, false);
    });
  }
  rules.forEach((_rule, i) => {
    if (open[i] !== null) close(i, to, true);
  });
  return episodes.sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
}
