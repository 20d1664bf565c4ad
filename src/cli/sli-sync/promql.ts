/**
 * Which PromQL the connector runs for an SLO, and over which range (src/cli/README.md, "What
 * `sli sync` asks Prometheus"). The OpenSLO queries are sent exactly as written — no wrapping,
 * no rewriting — and evaluated with `query_range` at a 60 s step on whole minutes:
 *
 * - `counter: true` (OpenSLO's default): the query is a counter such as
 *   `sum(http_requests_total{code!~"5.."})`; the minute [t − 1m, t) gets value(t) − value(t − 1m),
 *   so the range starts one step early to have the first minute's base value.
 * - `counter: false`: the query already gives the events of the minute ending at its evaluation
 *   time, e.g. `sum(increase(http_requests_total[1m]))` or a recording rule of it; the minute
 *   [t − 1m, t) gets value(t).
 * - a `thresholdMetric` (latency) SLI: one query whose value at t is the data point of the minute
 *   [t − 1m, t), typically `histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))`, the φ-quantile
 *   of the observations in the rate's window (Prometheus docs, "Query functions",
 *   histogram_quantile). The value is pushed as it is; the app compares it with the SLO's `op` and
 *   `value` (src/domain/slo/threshold.ts), so one definition judges data from every sender. OpenSLO's
 *   `timeSliceWindow` "ascertains the frequency at which to run the queries" (README "Notes
 *   (Objectives)"): Ballast's slices are one minute, hence the one-minute step.
 */
import {
  MINUTE_MS,
  isThresholdIndicator,
  metricSourceType,
  type MetricSource,
  type SloSpec,
} from '../../domain/slo';

export interface SliQueries {
  readonly slo: string;
  /** Whether the first query counts good or bad events (OpenSLO `good` or `bad`). */
  readonly counts: 'good' | 'bad';
  readonly counter: boolean;
  readonly numerator: string;
  readonly total: string;
}

/** A threshold (latency) SLI's one query: its value per minute is that minute's data point. */
export interface ThresholdQuery {
  readonly slo: string;
  readonly kind: 'threshold';
  readonly query: string;
}

/** What the connector runs for one SLO. */
export type SyncQueries = SliQueries | ThresholdQuery;

export const isThresholdQuery = (q: SyncQueries): q is ThresholdQuery =>
  'kind' in q && q.kind === 'threshold';

export type QueriesResult =
  | { readonly ok: true; readonly queries: SyncQueries }
  | { readonly ok: false; readonly reason: string };

const isPrometheus = (type: string | null): boolean => type?.toLowerCase() === 'prometheus';

/** A source's PromQL, or why it has none the connector can run. */
function promqlOf(
  role: string,
  source: MetricSource,
): { ok: true; query: string } | { ok: false; reason: string } {
  const type = metricSourceType(source);
  if (!isPrometheus(type))
    return {
      ok: false,
      reason:
        type === null
          ? `its ${role} metric source names DataSource ${source.metricSourceRef ?? ''}, which is not in the file, so its type is unknown`
          : `its ${role} metric source is ${type}, not Prometheus`,
    };
  const query = source.spec.query;
  if (typeof query !== 'string' || query.trim() === '')
    return {
      ok: false,
      reason: `its ${role} metric source has no spec.query (the PromQL expression)`,
    };
  return { ok: true, query: query.trim() };
}

/** The SLO's Prometheus queries (two for a ratio SLI, one for a threshold SLI), or why not. */
export function prometheusQueries(spec: SloSpec): QueriesResult {
  const { indicator } = spec;
  if (isThresholdIndicator(indicator)) {
    const read = promqlOf('threshold', indicator.source);
    if (!read.ok) return read;
    return { ok: true, queries: { slo: spec.name, kind: 'threshold', query: read.query } };
  }
  const sources = [
    [indicator.counts, indicator.numerator],
    ['total', indicator.total],
  ] as const;
  const queries: string[] = [];
  for (const [role, source] of sources) {
    const read = promqlOf(role, source);
    if (!read.ok) return read;
    queries.push(read.query);
  }
  return {
    ok: true,
    queries: {
      slo: spec.name,
      counts: indicator.counts,
      counter: indicator.counter,
      numerator: queries[0]!,
      total: queries[1]!,
    },
  };
}

/**
 * The `query_range` start and end (inclusive, whole minutes) that give the minutes of
 * [from, to): a counter needs its value at `from` too, a per-minute gauge only from `from + 1m`.
 */
export function queryRangeFor(
  counter: boolean,
  from: number,
  to: number,
): { readonly start: number; readonly end: number } {
  return { start: counter ? from : from + MINUTE_MS, end: to };
}
