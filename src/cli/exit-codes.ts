/**
 * Exit codes of the `ballast` command, one per kind of failure so scripts (cron, CI) can react
 * without parsing messages. Documented in src/cli/README.md; never renumber.
 */
export const EXIT = {
  ok: 0,
  /** `slo validate` found problems in the OpenSLO file. */
  invalidSpec: 1,
  /** Bad usage or bad input: arguments, unreadable files, a spec with nothing to sync. */
  usage: 2,
  /** Prometheus could not be reached or kept failing (network, timeouts, 5xx) after retries. */
  prometheusUnavailable: 3,
  /** Prometheus refused a query (bad PromQL) or answered something unusable. */
  prometheusQuery: 4,
  /** Authentication refused: by Prometheus (401/403) or by the app (wrong secret, clock skew). */
  auth: 5,
  /** The app rejected a batch or record (bad data, unknown SLO, too large). */
  rejected: 6,
  /** The app could not be reached or kept failing (network, 429, 5xx) after retries. */
  appUnavailable: 7,
  /** `gate check`: the error-budget gate holds the release (FROZEN, no override, an item not exempt). */
  releaseBlocked: 8,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure that ends the command with `exitCode`; `message` is printed to stderr as is. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
