/**
 * `scheduledTrigger` (hour): trains the work-type suggestion model again for every project that has
 * one, as the app, so suggestions follow the project's tagging. A project gets its first model when
 * someone opens an issue panel there (src/app/issue/panel-extras.ts).
 */
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import {
  DEFAULT_FUNCTION_LIMIT_MS,
  inBackground,
  jiraAsApp,
} from '../../adapters/forge/jira/forge-transport';
import { pacingClock } from '../../adapters/forge/jira/pacing';
import { refreshSuggestionModels } from '../../app/issue/refresh-suggestion-models';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function refreshSuggestionModelsHourly(): Promise<ScheduledTriggerResponse> {
  const report = await refreshSuggestionModels({
    // After a quota 429 the client sends nothing more until the reset, so the projects left fail
    // at once and keep their model; the next hourly run trains them.
    jira: jiraAsApp(inBackground(DEFAULT_FUNCTION_LIMIT_MS)),
    kv: new ForgeKeyValueStore(),
    clock: pacingClock,
  });
  for (const failure of report.failed) {
    console.error(
      `Ballast could not train the suggestion model of ${failure.projectKey}: ${failure.error}`,
    );
  }
  return SCHEDULED_DONE;
}
