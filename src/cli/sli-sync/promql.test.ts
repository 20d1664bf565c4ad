import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpenSlo, type SloSpec } from '../../domain/slo';
import { rangeUrl } from './prometheus';
import { prometheusQueries, queryRangeFor } from './promql';

const bundle = parseOpenSlo(readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8'));
if (!bundle.ok) throw new Error('fixture must parse');
const slo = (name: string): SloSpec => bundle.bundle.slos.find((s) => s.name === name)!;

describe('which PromQL the connector runs', () => {
  it('sends the good and total queries exactly as the OpenSLO file writes them', () => {
    expect(prometheusQueries(slo('checkout-availability'))).toEqual({
      ok: true,
      queries: {
        slo: 'checkout-availability',
        counts: 'good',
        counter: true,
        numerator: 'sum(http_requests_total{service="checkout",code!~"5.."})',
        total: 'sum(http_requests_total{service="checkout"})',
      },
    });
  });

  it('keeps a bad/total SLI as bad/total', () => {
    const result = prometheusQueries(slo('search-latency'));
    expect(result.ok && result.queries).toMatchObject({
      counts: 'bad',
      numerator: 'sum(search_requests_slow_total)',
    });
  });

  it('takes the type of a metricSourceRef-only source from the DataSource in the file', () => {
    const refs = parseOpenSlo(
      readFileSync('test/fixtures/slo/openslo-forms/metric-source-ref.valid.yaml', 'utf8'),
    );
    if (!refs.ok) throw new Error('fixture must parse');
    expect(prometheusQueries(refs.bundle.slos[0]!)).toEqual({
      ok: true,
      queries: {
        slo: 'api-availability',
        counts: 'good',
        counter: true,
        numerator: 'sum(api_requests_total{code!~"5.."})',
        total: 'sum(api_requests_total)',
      },
    });
  });

  it('runs a threshold SLI’s one query as written: its per-minute value is the data point', () => {
    const latency = parseOpenSlo(
      readFileSync('test/fixtures/slo/openslo-forms/threshold-metric.valid.yaml', 'utf8'),
    );
    if (!latency.ok) throw new Error('fixture must parse');
    expect(prometheusQueries(latency.bundle.slos[0]!)).toEqual({
      ok: true,
      queries: {
        slo: 'search-latency',
        kind: 'threshold',
        query: 'histogram_quantile(0.99, sum by (le) (rate(search_duration_seconds_bucket[1m])))',
      },
    });
  });

  it('says why it cannot sync a threshold SLI whose source is not Prometheus', () => {
    const spec: SloSpec = {
      ...slo('search-latency'),
      indicator: {
        kind: 'threshold',
        name: 'p99',
        source: { type: 'Datadog', spec: { query: 'x' } },
      },
      objectiveOp: 'lt',
      objectiveValue: 0.3,
    };
    expect(prometheusQueries(spec)).toEqual({
      ok: false,
      reason: 'its threshold metric source is Datadog, not Prometheus',
    });
  });

  it('says why it cannot sync a source whose DataSource is not in the file', () => {
    const spec = slo('search-latency');
    const elsewhere: SloSpec = {
      ...spec,
      indicator: { ...spec.indicator, total: { metricSourceRef: 'prom-eu', spec: { query: 'x' } } },
    };
    expect(prometheusQueries(elsewhere)).toEqual({
      ok: false,
      reason:
        'its total metric source names DataSource prom-eu, which is not in the file, so its type is unknown',
    });
  });

  it('says why it cannot sync an SLO whose source is not Prometheus or has no query', () => {
    const spec = slo('search-latency');
    const datadog: SloSpec = {
      ...spec,
      indicator: { ...spec.indicator, total: { type: 'Datadog', spec: { query: 'x' } } },
    };
    const empty: SloSpec = {
      ...spec,
      indicator: { ...spec.indicator, numerator: { type: 'Prometheus', spec: {} } },
    };
    expect([prometheusQueries(datadog), prometheusQueries(empty)]).toEqual([
      { ok: false, reason: 'its total metric source is Datadog, not Prometheus' },
      { ok: false, reason: 'its bad metric source has no spec.query (the PromQL expression)' },
    ]);
  });

  it('starts a counter range one step early for the first minute’s base value', () => {
    const from = Date.parse('2026-03-01T00:00:00Z');
    const to = from + 3 * 60_000;
    expect(queryRangeFor(true, from, to)).toEqual({ start: from, end: to });
    expect(queryRangeFor(false, from, to)).toEqual({ start: from + 60_000, end: to });
  });

  it('asks query_range at a 60 s step, in seconds, below any path prefix', () => {
    const url = new URL(
      rangeUrl('https://example.org/prom', 'sum(x{a="b"})', 1_772_323_200_000, 1_772_323_380_000),
    );
    expect([url.pathname, ...url.searchParams]).toEqual([
      '/prom/api/v1/query_range',
      ['query', 'sum(x{a="b"})'],
      ['start', '1772323200'],
      ['end', '1772323380'],
      ['step', '60'],
    ]);
  });
});
