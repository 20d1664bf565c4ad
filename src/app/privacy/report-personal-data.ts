/**
 * The personal data report (Forge user privacy guidelines,
 * developer.atlassian.com/platform/forge/user-privacy-guidelines/): every account id Ballast stores
 * (stored-people.ts) is reported with the time Ballast last stored data about it, in requests of
 * at most 90 accounts; an account answered `closed` is erased from every stored record, whose
 * record stays (erase-person.ts); `updated` asks for cached personal data to be refreshed, and
 * Ballast caches none (names are read from Jira when shown), so nothing changes for it.
 *
 * "By default, the cycle period is 7 days" and "You should not send reports more frequently than
 * the cycle period for each accountId" (same page): each account is reported at most once per
 * REPORT_CYCLE_DAYS (`personal-data-reported:<accountId>`). The job runs daily, so a request
 * refused with a 429 or 5xx — which stops the run, keeping what earlier batches did — is sent again
 * the next day; nothing stored is changed by a refusal.
 */
import { FORMER_USER_ID } from '../../contract/people';
import { SearchLimitError } from '../../ports/jira';
import { listAll } from '../../ports/key-value-store';
import {
  REPORT_BATCH_LIMIT,
  ReportRefusedError,
  type ReportedAccount,
} from '../../ports/personal-data-reporting';
import { erasePersonEverywhere } from './erase-person';
import { REPORTED_PREFIX, type PrivacyDeps, type ReportedRecord } from './privacy-deps';
import { knownProjects } from '../metrics/snapshot-store';
import { PROJECT_CONFIG_KIND } from '../project/project-config-repository';
import { backfillIssuePeople, listIssuePeople } from './issue-people-index';
import { isPerson, peopleIn } from './stored-people';

export const REPORT_CYCLE_DAYS = 7;

export interface ReportSummary {
  /** Account ids stored now (before erasure). */
  readonly stored: number;
  readonly reported: number;
  readonly closed: readonly string[];
  readonly updated: readonly string[];
  /** Due but not reported this run (a refusal stopped it): sent again next run. */
  readonly deferred: number;
  readonly refusal: string | null;
}

/**
 * What an Atlassian account id looks like: "1-128 characters long, and may contain alphanumeric
 * characters, as well as - and :" (developer.atlassian.com/cloud/jira/platform/user-privacy-developer-guide/).
 * Anything else is not an account (a test's or an old writer's marker) and would make Atlassian
 * refuse the whole request, so it is not reported.
 */
const ACCOUNT_ID = /^[A-Za-z0-9:-]{1,128}$/;

const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);

/** Every person Ballast stores, with the last time it wrote a record naming them. */
export async function storedAccounts(
  deps: Pick<PrivacyDeps, 'store' | 'kv'>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const add = (accountId: string, at: string) => {
    if (!isPerson(accountId) || !ACCOUNT_ID.test(accountId) || !Number.isFinite(Date.parse(at)))
      return;
    const seen = found.get(accountId);
    found.set(accountId, seen === undefined ? at : later(seen, at));
  };
  let cursor: string | undefined;
  do {
    const page = await deps.store.list(cursor);
    for (const doc of page.documents) {
      add(doc.updatedBy, doc.updatedAt);
      // The time beside each mention (an audit entry's `at`), else when the document was saved.
      for (const { accountId, at } of peopleIn('document', doc.kind, doc.value))
        add(accountId, at ?? doc.updatedAt);
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  for (const note of await listIssuePeople(deps.kv)) add(note.accountId, note.updatedAt);
  return found;
}

function due(record: ReportedRecord | undefined, now: Date): boolean {
  if (record === undefined) return true;
  return now.getTime() - Date.parse(record.reportedAt) >= REPORT_CYCLE_DAYS * 86_400_000;
}

/** The projects Ballast has data for: those with a stored configuration, and those whose page was opened. */
async function projectsWithData(deps: Pick<PrivacyDeps, 'store' | 'kv'>): Promise<string[]> {
  const keys = new Set(await knownProjects(deps.kv));
  let cursor: string | undefined;
  do {
    const page = await deps.store.list(cursor);
    for (const doc of page.documents) if (doc.kind === PROJECT_CONFIG_KIND) keys.add(doc.id);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return [...keys].sort();
}

export async function reportPersonalData(deps: PrivacyDeps, now: Date): Promise<ReportSummary> {
  try {
    await backfillIssuePeople(deps, 'site', now);
  } catch (error: unknown) {
    // More than one search may read: project by project instead.
    if (!(error instanceof SearchLimitError)) throw error;
    for (const projectKey of await projectsWithData(deps))
      await backfillIssuePeople(deps, projectKey, now);
  }
  const stored = await storedAccounts(deps);
  // The job's own record of an id no record names any more (its last entry was pruned) goes too.
  for (const { key } of await listAll(deps.kv, REPORTED_PREFIX))
    if (!stored.has(key.slice(REPORTED_PREFIX.length))) await deps.kv.delete(key);
  const pending: ReportedAccount[] = [];
  for (const [accountId, updatedAt] of stored) {
    if (due(await deps.kv.get<ReportedRecord>(`${REPORTED_PREFIX}${accountId}`), now))
      pending.push({ accountId, updatedAt });
  }
  const closed: string[] = [];
  const updated: string[] = [];
  let reported = 0;
  for (let i = 0; i < pending.length; i += REPORT_BATCH_LIMIT) {
    const batch = pending.slice(i, i + REPORT_BATCH_LIMIT);
    let answer;
    try {
      answer = await deps.reporting.report(batch);
    } catch (error: unknown) {
      if (!(error instanceof ReportRefusedError)) throw error;
      return {
        stored: stored.size,
        reported,
        closed,
        updated,
        deferred: pending.length - i,
        refusal: error.message,
      };
    }
    const asked = new Set(batch.map((a) => a.accountId));
    const closedNow = new Set(
      answer.filter((u) => u.status === 'closed' && asked.has(u.accountId)).map((u) => u.accountId),
    );
    for (const accountId of closedNow) {
      await erasePersonEverywhere(deps, accountId, now);
      closed.push(accountId);
    }
    updated.push(
      ...answer
        .filter((u) => u.status === 'updated' && asked.has(u.accountId))
        .map((u) => u.accountId),
    );
    // A closed account is gone from every record now, so it is never reported again.
    for (const { accountId } of batch) {
      if (closedNow.has(accountId) || accountId === FORMER_USER_ID) continue;
      const record: ReportedRecord = { schemaVersion: 1, reportedAt: now.toISOString() };
      await deps.kv.set(`${REPORTED_PREFIX}${accountId}`, record);
    }
    reported += batch.length;
  }
  return { stored: stored.size, reported, closed, updated, deferred: 0, refusal: null };
}
