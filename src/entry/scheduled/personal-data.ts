/**
 * `scheduledTrigger` (day): the personal data report of the Forge user privacy guidelines
 * (src/app/privacy/report-personal-data.ts) — each stored account id reported at most once per 7-day
 * cycle, closed accounts erased from every record. Runs as the app: it rewrites only Ballast's own
 * documents, keys and issue property. A refused request (429, 5xx) is logged and sent again on the
 * next daily run; nothing stored changes because of it.
 */
import { kvIssueWriteLock } from '../../app/issue/issue-write-lock';
import { reportPersonalData } from '../../app/privacy/report-personal-data';
import { inBackground, jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { forgePersonalDataReporting } from '../../adapters/forge/privacy/report-accounts';
import { systemClock } from '../../ports/clock';
import { SCHEDULED_DONE, type ScheduledTriggerResponse } from './scheduled-response';

/** manifest.yml `timeoutSeconds: 300` of the personal-data function. */
const FUNCTION_LIMIT_MS = 300_000;

export async function onPersonalDataReport(): Promise<ScheduledTriggerResponse> {
  const kv = new ForgeKeyValueStore();
  const summary = await reportPersonalData(
    {
      kv,
      store: new ForgeDocumentStore(),
      jira: jiraAsApp(inBackground(FUNCTION_LIMIT_MS)),
      reporting: forgePersonalDataReporting,
      // The job may wait longer than a person for an issue someone is changing.
      lock: kvIssueWriteLock(kv, { waitMs: 30_000 }),
    },
    systemClock.now(),
  );
  const line = `Ballast personal data report: ${summary.reported} of ${summary.stored} stored account(s) reported, ${summary.closed.length} closed and erased, ${summary.updated.length} updated (nothing cached to refresh)`;
  if (summary.refusal === null) console.info(line);
  else console.warn(`${line}; ${summary.deferred} wait for the next run: ${summary.refusal}`);
  return SCHEDULED_DONE;
}
