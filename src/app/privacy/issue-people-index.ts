/**
 * Which issues' `ballast` property name a person (they chose the category or ticked a DoD item).
 * Jira's entity properties cannot be searched by a field that is not indexed, and the property's
 * people are not, so Ballast notes each (person, issue) pair in its own storage before it writes
 * the property: one key per pair (`personal-data-issue:<accountId>:<issueKey>`, so two writers
 * never overwrite each other), read by the weekly report and by the erasure of a closed account.
 * A note written before a property write that then failed only makes the erasure read that issue.
 */
import type { JiraPort } from '../../ports/jira';
import { listAll, type KeyValueStore } from '../../ports/key-value-store';
import { BALLAST_PROPERTY_KEY } from '../issue/ballast-property';
import { peopleIn } from './stored-people';

export const ISSUE_PEOPLE_PREFIX = 'personal-data-issue:';

export interface IssuePersonNote {
  readonly schemaVersion: 1;
  /** When Ballast last wrote this person into the issue's property. */
  readonly updatedAt: string;
}

const noteKey = (accountId: string, issueKey: string): string =>
  `${ISSUE_PEOPLE_PREFIX}${accountId}:${issueKey}`;

export async function noteIssuePerson(
  kv: KeyValueStore,
  accountId: string,
  issueKey: string,
  at: Date,
): Promise<void> {
  const note: IssuePersonNote = { schemaVersion: 1, updatedAt: at.toISOString() };
  await kv.set(noteKey(accountId, issueKey), note);
}

/** Every note: the person, the issue and when. Issue keys have no `:`; account ids may. */
export async function listIssuePeople(
  kv: KeyValueStore,
  accountId?: string,
): Promise<{ accountId: string; issueKey: string; updatedAt: string; key: string }[]> {
  const prefix =
    accountId === undefined ? ISSUE_PEOPLE_PREFIX : `${ISSUE_PEOPLE_PREFIX}${accountId}:`;
  const entries = await listAll<IssuePersonNote>(kv, prefix);
  return entries.flatMap(({ key, value }) => {
    const rest = key.slice(ISSUE_PEOPLE_PREFIX.length);
    const at = rest.lastIndexOf(':');
    if (at <= 0) return [];
    return [
      {
        accountId: rest.slice(0, at),
        issueKey: rest.slice(at + 1),
        updatedAt: value.updatedAt,
        key,
      },
    ];
  });
}

/** `personal-data-backfill:<projectKey>`: the project's properties were read for people once. */
export const BACKFILL_PREFIX = 'personal-data-backfill:';

/**
 * Properties written before Ballast noted people (a site that ran an earlier Ballast) name people
 * no note points to. Once per project, the report reads the project's issues with their `ballast`
 * property (one search, as the daily issue refresh does) and notes the people it finds, with the
 * property's own times; from then on every change notes its person before it writes.
 */
export async function backfillIssuePeople(
  deps: { kv: KeyValueStore; jira: JiraPort },
  projectKey: string,
  now: Date,
): Promise<number> {
  const marker = `${BACKFILL_PREFIX}${projectKey}`;
  if ((await deps.kv.get(marker)) !== undefined) return 0;
  const issues = await deps.jira.searchAll(`project = ${projectKey} ORDER BY created ASC`, {
    fields: ['summary'],
    properties: [BALLAST_PROPERTY_KEY],
    limit: 50_000, // a whole project, as the issue refresh reads it (refresh-project.ts)
  });
  let noted = 0;
  for (const issue of issues) {
    const property = issue.properties?.[BALLAST_PROPERTY_KEY];
    const latest = new Map<string, string>();
    for (const { accountId, at } of peopleIn('issue property', BALLAST_PROPERTY_KEY, property)) {
      const seen = latest.get(accountId);
      const when = at !== undefined && Number.isFinite(Date.parse(at)) ? at : now.toISOString();
      if (seen === undefined || Date.parse(when) > Date.parse(seen)) latest.set(accountId, when);
    }
    for (const [accountId, at] of latest) {
      await noteIssuePerson(deps.kv, accountId, issue.key, new Date(at));
      noted += 1;
    }
  }
  await deps.kv.set(marker, { schemaVersion: 1, at: now.toISOString() });
  return noted;
}
