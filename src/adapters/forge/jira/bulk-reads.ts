/**
 * Reads whose critical path is short: ids in Jira's largest pages, then the fields and the
 * changelogs in batches sent at the same time (JiraHttp bounds how many are in flight:
 * in-flight.ts). Only the cursor pages of one search or one changelog batch stay in a row — Jira's
 * `nextPageToken` makes each page wait for the one before.
 *
 * Caps, from platform.v3.json:
 * - /search/jql answers at most 5,000 issues a page when only ids are asked
 *   (SearchAndReconcileRequestBean.maxResults: "The greatest number of items returned per page is
 *   achieved when requesting `id` or `key` only. It returns max 5000 issues");
 * - POST /rest/api/3/issue/bulkfetch (bulkFetchIssues) takes "up to 100 issues" and answers in
 *   ascending id order, leaving out issues that do not exist or that the caller may not see;
 * - POST /rest/api/3/changelog/bulkfetch (getBulkChangelogs) takes up to 1,000 issues, pages of at
 *   most 10,000 histories, sorted by date — so one issue's histories may span pages.
 */
import { route } from '@forge/api';
import type { IssueFieldsRequest, JiraIssue } from '../../../ports/jira';
import {
  bulkIssuesSchema,
  changelogPageSchema,
  idPageSchema,
  type ChangelogPage,
} from '../../../ports/jira-schemas';
import { JiraRequestError, messageFor } from './errors';
import type { JiraHttp } from './http';

export const SEARCH_IDS_PAGE_SIZE = 5000;
export const MAX_BULK_FETCH_ISSUES = 100;
/** Changelog bulk fetch: at most 1,000 issues and 10 field ids per request (BulkChangelogRequestBean). */
export const MAX_CHANGELOG_ISSUES = 1000;
const CHANGELOG_PAGE_SIZE = 10_000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The ids of one search's pages, at most `wanted` of them, every page naming the same `reconcile`. */
export async function searchIdPages(
  http: JiraHttp,
  jql: string,
  wanted: number,
  reconcile: readonly string[],
): Promise<{ id: string }[]> {
  const ids: { id: string }[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await http.json('POST', route`/rest/api/3/search/jql`, idPageSchema, {
      jql,
      fields: ['id'],
      maxResults: Math.min(SEARCH_IDS_PAGE_SIZE, wanted - ids.length),
      ...(nextPageToken ? { nextPageToken } : {}),
      ...(reconcile.length > 0 ? { reconcileIssues: reconcile.map(Number) } : {}),
    });
    ids.push(...page.issues.map((issue) => ({ id: issue.id })));
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken && ids.length < wanted);
  return ids;
}

/** One bulk fetch; ids Jira could not return for a retriable reason are asked once more. */
async function fetchBatch(
  http: JiraHttp,
  ids: readonly string[],
  request: IssueFieldsRequest,
  retried = false,
): Promise<JiraIssue[]> {
  const answer = await http.json('POST', route`/rest/api/3/issue/bulkfetch`, bulkIssuesSchema, {
    issueIdsOrKeys: ids,
    fields: request.fields,
    ...(request.properties?.length ? { properties: request.properties } : {}),
  });
  const failed = answer.issueErrors.map((e) => e.id).filter((id): id is string => id !== undefined);
  if (failed.length === 0) return answer.issues;
  if (retried) {
    const first = answer.issueErrors[0]?.errorMessage ?? 'no message';
    throw new JiraRequestError(
      'unavailable',
      'POST /rest/api/3/issue/bulkfetch',
      messageFor(
        'unavailable',
        `Jira could not return ${failed.length} of the issues asked for (${failed.slice(0, 5).join(', ')}${failed.length > 5 ? ', …' : ''}) twice in a row: ${first}`,
      ),
    );
  }
  return [...answer.issues, ...(await fetchBatch(http, failed, request, true))];
}

/** Issues by id in the order of `ids` (Jira answers by ascending id), missing ones left out. */
export async function bulkFetchIssues(
  http: JiraHttp,
  ids: readonly string[],
  request: IssueFieldsRequest,
): Promise<JiraIssue[]> {
  const unique = [...new Set(ids)];
  const batches = await Promise.all(
    chunks(unique, MAX_BULK_FETCH_ISSUES).map((batch) => fetchBatch(http, batch, request)),
  );
  const byId = new Map<string, JiraIssue>();
  for (const issue of batches.flat()) byId.set(issue.id, issue);
  return unique.flatMap((id) => {
    const issue = byId.get(id);
    return issue === undefined ? [] : [issue];
  });
}

type IssueChangeLog = ChangelogPage['issueChangeLogs'][number];

/** Every page of one changelog batch (≤ 1,000 issues), in Jira's order. */
async function changelogPages(
  http: JiraHttp,
  batch: readonly string[],
  fieldIds: readonly string[],
): Promise<IssueChangeLog[]> {
  const all: IssueChangeLog[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await http.json(
      'POST',
      route`/rest/api/3/changelog/bulkfetch`,
      changelogPageSchema,
      {
        issueIdsOrKeys: batch,
        fieldIds,
        maxResults: CHANGELOG_PAGE_SIZE,
        ...(nextPageToken ? { nextPageToken } : {}),
      },
    );
    all.push(...page.issueChangeLogs);
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
  return all;
}

/**
 * The changelogs of many issues: the batches of 1,000 at the same time, each batch's pages in a
 * row; an issue whose histories span pages comes back as one entry, its histories in page order.
 */
export async function bulkChangelogs(
  http: JiraHttp,
  ids: readonly string[],
  fieldIds: readonly string[],
): Promise<IssueChangeLog[]> {
  const batches = await Promise.all(
    chunks(ids, MAX_CHANGELOG_ISSUES).map((batch) => changelogPages(http, batch, fieldIds)),
  );
  const merged = new Map<string, IssueChangeLog>();
  for (const log of batches.flat()) {
    const seen = merged.get(log.issueId);
    merged.set(
      log.issueId,
      seen === undefined
        ? log
        : { ...seen, changeHistories: [...seen.changeHistories, ...log.changeHistories] },
    );
  }
  return [...merged.values()];
}
