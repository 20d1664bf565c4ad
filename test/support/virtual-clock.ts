/**
 * A clock tests move by hand, shared by the Jira emulator's rate limits, the app's Jira waits
 * (src/adapters/forge/jira/pacing.ts) and the Forge host's queue delays: a Retry-After of twenty
 * minutes is slept in no time, and nothing depends on the wall clock.
 */
import { usePacing, type Pacing } from '../../src/adapters/forge/jira/pacing';

export class VirtualClock implements Pacing {
  /** Every wait slept, in ms, in order. */
  readonly slept: number[] = [];

  constructor(private ms: number) {}

  readonly nowMs = (): number => this.ms;

  readonly sleep = async (ms: number): Promise<void> => {
    this.slept.push(ms);
    this.ms += ms;
    await Promise.resolve();
  };

  set(iso: string): void {
    this.ms = Date.parse(iso);
  }

  /** Runs the app's Jira waits on this clock until the returned undo is called. */
  install(): () => void {
    return usePacing(this);
  }
}
