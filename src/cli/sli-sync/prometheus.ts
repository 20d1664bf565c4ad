/**
 * The Prometheus HTTP API as the connector uses it: `GET /api/v1/query_range` of one expression
 * at a one-minute step (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries),
 * with basic or bearer auth, retries on 429/5xx/network errors and one mapping of failures to
 * exit codes (3 unreachable, 4 bad query, 5 auth).
 */
import { CliFailure, EXIT } from '../exit-codes';
import { DEFAULT_RETRY, fetchOnce, retryAfterMs, withRetries, type RetryPolicy } from '../http';
import type { NetIo } from '../io';

export type PrometheusAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'basic'; readonly user: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string };

export interface PrometheusSource {
  /** Base URL, e.g. `http://prometheus:9090` or `https://example.org/prometheus/`. */
  readonly url: string;
  readonly auth: PrometheusAuth;
  readonly retry?: RetryPolicy;
  readonly limit?: () => Promise<void>;
  readonly onRetry?: (reason: string, delayMs: number) => void;
}

/** One sample: epoch ms and value (NaN and ±Inf are dropped: they are not counts). */
export type Sample = readonly [number, number];

interface ApiAnswer {
  status?: string;
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: { metric?: object; values?: [number, string][] }[] };
}

export function rangeUrl(base: string, query: string, startMs: number, endMs: number): string {
  const url = new URL('api/v1/query_range', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('query', query);
  url.searchParams.set('start', String(startMs / 1000));
  url.searchParams.set('end', String(endMs / 1000));
  url.searchParams.set('step', '60');
  return url.toString();
}

function authHeader(auth: PrometheusAuth): Record<string, string> {
  if (auth.kind === 'basic')
    return {
      authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`,
    };
  if (auth.kind === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return {};
}

/**
 * The samples of `query` at every whole minute in [startMs, endMs]. `what` names the query in
 * errors (`SLO checkout-availability, total`). The query must return at most one series.
 */
export async function queryRange(
  io: NetIo,
  source: PrometheusSource,
  query: string,
  startMs: number,
  endMs: number,
  what: string,
): Promise<Sample[]> {
  const policy = source.retry ?? DEFAULT_RETRY;
  const url = rangeUrl(source.url, query, startMs, endMs);
  const result = await withRetries(
    io,
    policy,
    async () => {
      await source.limit?.();
      const response = await fetchOnce(
        io,
        url,
        { headers: { accept: 'application/json', ...authHeader(source.auth) } },
        policy.timeoutMs,
      );
      if ('networkError' in response) return { done: false, reason: response.networkError };
      const text = await response.text();
      const answer = parse(text);
      if (response.status === 401 || response.status === 403) {
        throw new CliFailure(
          EXIT.auth,
          `${source.url}: Prometheus refused the credentials (HTTP ${response.status}); check --basic-auth-file or --bearer-token-file`,
        );
      }
      if (response.status === 429 || response.status >= 500) {
        return {
          done: false,
          reason: `HTTP ${response.status}${answer?.error ? `: ${answer.error}` : ''}`,
          retryAfterMs: retryAfterMs(response.headers.get('retry-after'), io.now()),
        };
      }
      if (answer?.status === 'error' || response.status === 400 || response.status === 422) {
        throw new CliFailure(
          EXIT.prometheusQuery,
          `${what}: Prometheus refused the query ${query}\n  ${answer?.errorType ?? `HTTP ${response.status}`}: ${answer?.error ?? text.trim().slice(0, 300)}`,
        );
      }
      if (!response.ok || answer === null) {
        throw new CliFailure(
          response.status === 404 ? EXIT.prometheusUnavailable : EXIT.prometheusQuery,
          `${source.url}: no Prometheus query API there (HTTP ${response.status} for ${new URL(url).pathname}); check --prometheus, e.g. http://prometheus:9090`,
        );
      }
      return { done: true, value: samples(answer, query, what) };
    },
    (reason, delay) =>
      source.onRetry?.(`Prometheus ${source.url}: ${reason}; retrying in ${delay / 1000} s`, delay),
  );
  if (result.done) return result.value;
  throw new CliFailure(
    EXIT.prometheusUnavailable,
    `${source.url}: Prometheus unreachable after ${policy.attempts} tries: ${result.reason}`,
  );
}

function parse(text: string): ApiAnswer | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

function samples(answer: ApiAnswer, query: string, what: string): Sample[] {
  const result = answer.data?.result;
  if (answer.data?.resultType !== 'matrix' || !Array.isArray(result)) {
    throw new CliFailure(
      EXIT.prometheusQuery,
      `${what}: Prometheus answered without a matrix for ${query}`,
    );
  }
  if (result.length > 1) {
    const labels = result.slice(0, 3).map((s) => JSON.stringify(s.metric ?? {}));
    throw new CliFailure(
      EXIT.prometheusQuery,
      `${what}: the query returns ${result.length} series (${labels.join(', ')}…), not one: aggregate it, e.g. sum(${query})`,
    );
  }
  const out: Sample[] = [];
  for (const [t, v] of result[0]?.values ?? []) {
    const value = Number(v);
    if (Number.isFinite(value)) out.push([Math.round(t * 1000), value]);
  }
  return out;
}
