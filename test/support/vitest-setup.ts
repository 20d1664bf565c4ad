/**
 * Runs before every test file (vitest.config.ts `setupFiles`): the file's clock starts at TEST_NOW,
 * whatever the machine's date, so the suite passes on any day.
 */
import { setViewerLocale } from '../../static/shared/viewer-locale';
import { installTestClock } from './test-clock';

installTestClock();
// The UI's unit tests read dates as a viewer in en-GB on UTC would (static/shared/viewer-locale.ts);
// in Jira the module's context gives the viewer's own.
setViewerLocale({ locale: 'en-GB', timezone: 'UTC' });
