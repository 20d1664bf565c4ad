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
 */
import { MINUTE_MS, isThresholdIndicator, metricSourceType, type SloSpec } from '../../domain/slo';

export interface SliQueries {
  readonly slo: string;
  /** Whether the first query counts good or bad events (OpenSLO `good` or `bad`). */
  readonly counts: 'good' | 'bad';
  readonly counter: boolean;
  readonly numerator: string;
  readonly total: string;
}

export type QueriesResult =
  | { readonly ok: true; readonly queries: SliQueries }
  | { readonly ok: false; readonly reason: string };

const isPrometheus = (type: string | null): boolean => type?.toLowerCase() === 'prometheus';

/** The SLO's two Prometheus queries, or why the connector cannot sync it. */
export function prometheusQueries(spec: SloSpec): QueriesResult {
  const { indicator } = spec;
  if (isThresholdIndicator(indicator))
    return {
      ok: false,
      reason:
        'its SLI is a thresholdMetric; sli sync reads ratio SLIs (good/total counts) only for now',
    };
  const sources = [
    [indicator.counts, indicator.numerator],
    ['total', indicator.total],
  ] as const;
  const queries: string[] = [];
  for (const [role, source] of sources) {
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
    queries.push(query.trim());
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
