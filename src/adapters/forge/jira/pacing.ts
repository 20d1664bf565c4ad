/**
 * The time Ballast's Jira calls run on: the clock that measures an invocation's budget and the
 * sleep that waits out a Retry-After. Real time on Forge; the sandbox's tests and benchmarks put a
 * virtual clock here (the same one the Jira emulator's rate limits read), so a wait of minutes for
 * Jira's hourly quota passes at once and no test depends on the wall clock.
 */
export interface Pacing {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacing: Pacing = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

let current: Pacing = realPacing;

export function pacing(): Pacing {
  return current;
}

/** For the sandbox only: run the app's Jira waits on another clock; returns the undo. */
export function usePacing(replacement: Pacing): () => void {
  const previous = current;
  current = replacement;
  return () => {
    current = previous;
  };
}

/**
 * What is left of one invocation's time for Jira calls and their waits. Forge ends a resolver at
 * 25 s and a consumer or scheduled function at its `timeoutSeconds` (55 s by default); the margin
 * keeps time to answer, save progress or re-queue
 * (https://developer.atlassian.com/platform/forge/limits-invocation/).
 */
export class InvocationBudget {
  private readonly deadline: number;

  constructor(
    limitMs: number,
    marginMs: number,
    private readonly clock: Pacing = pacing(),
  ) {
    this.deadline = clock.nowMs() + limitMs - marginMs;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.clock.nowMs());
  }
}

/** A Clock (src/ports/clock.ts) on the same time, for use cases whose budgets Jira's waits spend. */
export const pacingClock = { now: (): Date => new Date(pacing().nowMs()) };
