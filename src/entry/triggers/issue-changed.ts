/**
 * `trigger` on `avi:jira:created:issue` and `avi:jira:updated:issue`. Product triggers run as the app
 * (asApp, the platform's only option); this handler reads and writes only the changed issue's own
 * Ballast property and returns nothing to any user, so no user's permissions are at stake.
 */
import { z } from 'zod';
import { refreshIssue } from '../../app/issue/refresh-issue';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { kvIssueWriteLock } from '../../app/issue/issue-write-lock';
import { steppingAsideWithoutLicence } from '../licence/fail-open';

const eventSchema = z.looseObject({
  issue: z.looseObject({
    key: z.string(),
    fields: z.looseObject({ project: z.looseObject({ key: z.string() }).optional() }).optional(),
  }),
});

export async function onIssueChanged(event: unknown, context?: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('Ballast issue trigger: unexpected event shape', parsed.error.issues[0]);
    return;
  }
  const { key, fields } = parsed.data.issue;
  const projectKey = fields?.project?.key ?? key.slice(0, key.lastIndexOf('-'));
  // Without a licence the values are still derived; only the team-managed re-open stands aside.
  const enforce = !steppingAsideWithoutLicence(
    context,
    'issue trigger',
    `the issue trigger left ${key} where it is (no team-managed re-open)`,
  );
  try {
    await refreshIssue(
      {
        jira: jiraAsApp(),
        store: new ForgeDocumentStore(),
        lock: kvIssueWriteLock(new ForgeKeyValueStore(), { waitMs: 1_000 }),
      },
      { projectKey, issueKey: key, enforce },
    );
  } catch (error: unknown) {
    // A failed refresh loses nothing: the next change or the panel derives the values again.
    console.error(`Ballast could not refresh ${key}`, error);
  }
}
