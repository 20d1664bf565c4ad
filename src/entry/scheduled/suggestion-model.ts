/**
 * `scheduledTrigger` (hour): trains the work-type suggestion model again for every project that has
 * one, as the app, so suggestions follow the project's tagging. A project gets its first model when
 * someone opens an issue panel there (src/app/issue/panel-extras.ts).
 */
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { refreshSuggestionModels } from '../../app/issue/refresh-suggestion-models';
import { systemClock } from '../../ports/clock';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

export async function refreshSuggestionModelsHourly(): Promise<ScheduledTriggerResponse> {
  const report = await refreshSuggestionModels({
    jira: jiraAsApp(),
    kv: new ForgeKeyValueStore(),
    clock: systemClock,
  });
  for (const failure of report.failed) {
    console.error(
      `Ballast could not train the suggestion model of ${failure.projectKey}: ${failure.error}`,
    );
  }
  return SCHEDULED_DONE;
}
