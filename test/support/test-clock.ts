/**
 * The test suite's clock. Every test file starts at TEST_NOW and time then runs at its real pace,
 * so no test passes or fails by the date it happens to run on: the demo seed is anchored at the
 * same instant (SEED_ANCHOR, E2E_ANCHOR), and the app's handlers, the emulator, the storage's TTLs
 * and the signed pushes all read this one clock because they all read `Date`. Browser pages
 * (test/e2e/browser.ts) and the Node processes a test spawns (testClockChildEnv) get the same one.
 *
 * It shifts `Date` (test/support/shift-date.mjs) rather than freezing it: timers, timeouts and
 * `performance.now()` keep working, and a test may still install fake timers on top.
 */
import { shiftDate } from './shift-date.mjs';

/** "Now" when a test file starts: the demo seed's anchor day, at noon UTC. */
export const TEST_NOW = new Date('2026-11-20T12:00:00Z');

// Kept on the global object: a test process may run several files, each installing the clock.
const REAL_DATE = Symbol.for('ballast.test-clock.real-date');
const OFFSET = Symbol.for('ballast.test-clock.offset');
const registry = globalThis as { [REAL_DATE]?: DateConstructor; [OFFSET]?: number };

/** Starts the clock at `start` (again, if it runs already); time then flows from there. */
export function installTestClock(start: Date = TEST_NOW): void {
  const real = (registry[REAL_DATE] ??= globalThis.Date);
  globalThis.Date = real;
  registry[OFFSET] = start.getTime() - real.now();
  shiftDate(registry[OFFSET]);
}

/** How far the test clock runs ahead of the machine's (0 while it is not installed). */
export function testClockOffsetMs(): number {
  return registry[OFFSET] ?? 0;
}

/**
 * The environment for a Node process a test spawns, so that it runs on this clock: a preload
 * (test-clock-child.mjs) shifts its `Date` by the same offset.
 */
export function testClockChildEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const preload = `--import=${new URL('./test-clock-child.mjs', import.meta.url).href}`;
  return {
    ...env,
    NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(' '),
    BALLAST_TEST_CLOCK_OFFSET_MS: String(testClockOffsetMs()),
  };
}
