/** Time as a port: use cases ask it, tests and the sandbox set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
