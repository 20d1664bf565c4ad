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

/** `personal-data-backfill:<scope>`: the properties of that scope were read for people once. */
export const BACKFILL_PREFIX = 'personal-data-backfill:';

/**
 * Every issue Ballast has written its property on: each has the indexed `workType`
 * (`ballastCategory`, manifest.yml jira:entityProperty; "unclassified" included), and a checklist
 * sets `dodComplete` or `dodClosedBeforeBallast`.
 */
export const ISSUES_WITH_PROPERTY_JQL =
  'ballastCategory IS NOT EMPTY OR dodComplete IS NOT EMPTY OR dodClosedBeforeBallast IS NOT EMPTY ORDER BY key ASC';

/**
 * Properties written before Ballast noted people (a site that ran an earlier Ballast) name people
 * no note points to. Once, the report reads the issues with a `ballast` property and notes the
 * people it finds, with the property's own times; from then on every change notes its person
 * before it writes. `scope` is `site` (one search over the whole site) or a project key (one
 * project's issues, where the site holds more issues than one search may read).
 */
export async function backfillIssuePeople(
  deps: { kv: KeyValueStore; jira: JiraPort },
  scope: string,
  now: Date,
): Promise<number> {
  const marker = `${BACKFILL_PREFIX}${scope}`;
  if ((await deps.kv.get(marker)) !== undefined) return 0;
  const jql =
    scope === 'site'
      ? ISSUES_WITH_PROPERTY_JQL
      : `project = ${scope} AND (${ISSUES_WITH_PROPERTY_JQL.replace(' ORDER BY key ASC', '')}) ORDER BY key ASC`;
  const issues = await deps.jira.searchAll(jql, {
    fields: ['summary'],
    properties: [BALLAST_PROPERTY_KEY],
    limit: 50_000, // as the issue refresh reads a whole project (refresh-project.ts)
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
