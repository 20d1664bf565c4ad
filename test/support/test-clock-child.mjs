// Preload (`node --import`) for processes the tests spawn, e.g. the `ballast` command: they run on
// the spawning test's clock (testClockChildEnv in test-clock.ts), so a signed push they make is
// not refused as stale by the app under test.
import { shiftDate } from './shift-date.mjs';

const offsetMs = Number(process.env.BALLAST_TEST_CLOCK_OFFSET_MS ?? '0');
if (Number.isFinite(offsetMs) && offsetMs !== 0) shiftDate(offsetMs);
