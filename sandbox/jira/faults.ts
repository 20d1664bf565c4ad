/**
 * Fault knobs for reliability tests and benchmarks: latency on every call, and shares of calls
 * answered 429 (with Retry-After, as Jira's points-based rate limiting does), 5xx, or never
 * answered (a timeout). Decisions come from a seeded PRNG, so a test run is repeatable.
 */
import { mulberry32 } from './seed/prng';

export interface FaultSettings {
  latencyMs: number;
  /** Share (0–1) of calls answered 429 Too Many Requests. */
  rate429: number;
  /** Seconds in the Retry-After header of a 429. */
  retryAfterSeconds: number;
  /** Share (0–1) of calls answered 500/502/503. */
  rate5xx: number;
  /** Share (0–1) of calls left hanging until the client gives up. */
  rateTimeout: number;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  rate5xx: 0,
  rateTimeout: 0,
};

/** Reads SANDBOX_JIRA_LATENCY_MS, SANDBOX_JIRA_RATE_429, SANDBOX_JIRA_RETRY_AFTER_S, SANDBOX_JIRA_RATE_5XX, SANDBOX_JIRA_RATE_TIMEOUT. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<FaultSettings> {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
      throw new Error(`${name}=${raw} is not a non-negative number`);
    return n;
  };
  const entries: [keyof FaultSettings, number | undefined][] = [
    ['latencyMs', read('SANDBOX_JIRA_LATENCY_MS')],
    ['rate429', read('SANDBOX_JIRA_RATE_429')],
    ['retryAfterSeconds', read('SANDBOX_JIRA_RETRY_AFTER_S')],
    ['rate5xx', read('SANDBOX_JIRA_RATE_5XX')],
    ['rateTimeout', read('SANDBOX_JIRA_RATE_TIMEOUT')],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: '429'; retryAfterSeconds: number }
  | { kind: '5xx'; status: number }
  | { kind: 'timeout' };

/**
 * A deterministic fault for one route, ahead of the random shares: let the first `skip` matching
 * calls through, then answer the next `count` with the fault. For tests that need a failure at an
 * exact step (e.g. the second half of a rebalance).
 */
export interface FaultRule {
  readonly method: string;
  /** Matched against the request path (no query). */
  readonly path: RegExp;
  readonly skip?: number;
  readonly count: number;
  readonly fault: Exclude<FaultDecision, { kind: 'none' }>;
}

export class Faults {
  settings: FaultSettings;
  private readonly random: () => number;
  private rules: { rule: FaultRule; seen: number }[] = [];

  constructor(initial: Partial<FaultSettings>, seed: number) {
    this.settings = { ...NO_FAULTS, ...initial };
    this.random = mulberry32(seed);
  }

  update(patch: Partial<FaultSettings>): FaultSettings {
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new Error(`fault ${key} must be a non-negative number`);
      if (key.startsWith('rate') && value > 1)
        throw new Error(`fault ${key} is a share between 0 and 1`);
    }
    this.settings = { ...this.settings, ...patch };
    return this.settings;
  }

  addRule(rule: FaultRule): void {
    this.rules.push({ rule, seen: 0 });
  }

  clearRules(): void {
    this.rules = [];
  }

  /** The first matching rule's fault while it lasts, else the random draw of `decide`. */
  decideFor(method: string, path: string): FaultDecision {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.method !== method || !rule.path.test(path)) continue;
      entry.seen += 1;
      const skip = rule.skip ?? 0;
      if (entry.seen > skip && entry.seen <= skip + rule.count) return rule.fault;
    }
    return this.decide();
  }

  /** One draw per call, split into bands: [429 | 5xx | timeout | none]. */
  decide(): FaultDecision {
    const { rate429, rate5xx, rateTimeout, retryAfterSeconds } = this.settings;
    if (rate429 + rate5xx + rateTimeout === 0) return { kind: 'none' };
    const draw = this.random();
    if (draw < rate429) return { kind: '429', retryAfterSeconds };
    if (draw < rate429 + rate5xx)
      return { kind: '5xx', status: [500, 502, 503][Math.floor(this.random() * 3)] ?? 503 };
    if (draw < rate429 + rate5xx + rateTimeout) return { kind: 'timeout' };
    return { kind: 'none' };
  }
}
