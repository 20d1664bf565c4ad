/**
 * Runs before every test file (vitest.config.ts `setupFiles`): the file's clock starts at TEST_NOW,
 * whatever the machine's date, so the suite passes on any day.
 */
import { installTestClock } from './test-clock';

installTestClock();
