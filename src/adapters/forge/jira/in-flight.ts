/**
 * How many Jira calls one client keeps in flight at once. Reads that do not depend on each other
 * (bulk fetches of 100 issues, changelog batches of 1,000) go out in parallel, so an invocation
 * waits for a few rounds instead of a long chain of calls — but never more than this many at a
 * time: Jira's burst limit is a bucket per tenant, endpoint and method refilled at 100 requests a
 * second for GET and POST (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/,
 * "Burst API rate limit"; the bucket size is not published). At Jira's usual 100 ms or more a call,
 * 10 in flight send at most 100 a second: the steady-state rate, so a burst never drains the bucket
 * by itself; when the tenant's other traffic does, the 429's Retry-After is honoured (http.ts).
 */
export const MAX_IN_FLIGHT = 10;

/** A counting semaphore: `run` waits for a free slot, first come first served. */
export class InFlightSlots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number = MAX_IN_FLIGHT) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`In-flight slots must be a whole number of at least 1, not ${size}.`);
  }

  /** Calls now holding a slot. */
  get inFlight(): number {
    return this.busy;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy += 1;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next === undefined) this.busy -= 1;
      else next();
    }
  }
}
