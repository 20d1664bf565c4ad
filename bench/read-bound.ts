/**
 * The fewest Jira calls a read could make for the data it uses, computed from the emulator's state
 * (never from the app's calls), with the page sizes Jira documents (platform.v3.json,
 * software.v3.json; sandbox/jira/README.md "Page caps"): issues with fields 100 a call (a search
 * page or a bulk fetch), ids 5,000 a search page, changelogs 1,000 issues and 10,000 histories a
 * call, board sprints 50 a page. Each datum is counted once, read in the fullest pages possible.
 *
 * A sprint history (src/app/metrics/sprint-history.ts) needs:
 *   ceil(sprints / 50)                 the board's closed and active sprints
 * + 1                                  the site's fields (which one is the Sprint field)
 * + ceil((U + P) / 100)                the fields of the U issues in the chosen sprints now and of
 *                                      the P updated issues whose Sprint history names one of them
 * + 1                                  the ids of the project's issues updated since the day before
 *                                      the earliest start, the newest 5,000 (C of them; with a
 *                                      project and a started sprint)
 * + max(ceil(N / 1000), ceil(H / 10,000))
 *                                      the changelogs of the N issues of U ∪ C, H of their
 *                                      histories changing a replayed field
 * The app makes ceil(U / 5,000) calls more (the ids of the sprints' issues before their fields):
 * the price of a wait of a few rounds instead of ceil(U / 100) calls in a row.
 */
import type { JiraEmulator } from '../sandbox/jira';
import { compileJql } from '../sandbox/jira/jql/compile';
import type { IssueRecord } from '../sandbox/jira/state/types';

export const ISSUES_PER_CALL = 100;
export const IDS_PER_PAGE = 5000;
const SPRINT_PAGE = 50;
const CHANGELOG_ISSUES = 1000;
const CHANGELOG_PAGE = 10_000;
/** src/app/metrics/sprint-history.ts REMOVED_CANDIDATES. */
const UPDATED_CANDIDATES = 5_000;
const DAY_MS = 86_400_000;

export const pages = (items: number, perPage: number): number => Math.ceil(items / perPage);

/** The issues a JQL query matches in the emulator, in its order (every project visible). */
export function matching(jira: JiraEmulator, jql: string): IssueRecord[] {
  const { store } = jira;
  const compiled = compileJql(jql, {
    store,
    now: new Date(),
    callerAccountId: undefined,
    aliases: [],
    visibleProjectIds: new Set(store.state.projects.map((p) => p.id)),
  });
  return store.state.issues.filter((i) => compiled.matches(i)).sort(compiled.compare);
}

export interface HistoryBound {
  readonly calls: number;
  /** U: issues in the chosen sprints now. */
  readonly sprintIssues: number;
  /** C: the project's issues updated since the day before the earliest start (at most 5,000). */
  readonly updated: number;
  /** P: updated issues outside the sprints now whose Sprint history names one of them. */
  readonly movedOut: number;
  /** H: histories of U ∪ C that change a replayed field. */
  readonly histories: number;
}

export function sprintHistoryBound(
  jira: JiraEmulator,
  input: {
    readonly boardId: number;
    readonly closedSprints: number;
    readonly withActive: boolean;
    readonly projectKey: string;
    /** The changelog fields replayed: status, the Sprint field, the estimate's. */
    readonly logFieldIds: readonly string[];
  },
): HistoryBound {
  const sprints = jira.state.sprints.filter((s) => s.boardId === input.boardId);
  const listed = sprints.filter((s) => s.state === 'closed' || s.state === 'active');
  const closed = listed
    .filter((s) => s.state === 'closed' && s.completeDate)
    .sort((a, b) => (a.completeDate ?? '').localeCompare(b.completeDate ?? '') || a.id - b.id)
    .slice(-input.closedSprints);
  const chosen = [
    ...closed,
    ...(input.withActive ? listed.filter((s) => s.state === 'active') : []),
  ];
  const chosenIds = new Set(chosen.map((s) => String(s.id)));
  const inSprints =
    chosen.length === 0 ? [] : matching(jira, `sprint in (${[...chosenIds].join(', ')})`);
  const starts = chosen.map((s) => Date.parse(s.startDate ?? '')).filter((t) => !Number.isNaN(t));
  const since = new Date(Math.min(...starts) - DAY_MS).toISOString().slice(0, 10);
  const updated =
    starts.length === 0
      ? []
      : matching(
          jira,
          `project = "${input.projectKey}" AND updated >= "${since}" ORDER BY updated DESC`,
        ).slice(0, UPDATED_CANDIDATES);
  const inSprint = new Set(inSprints.map((i) => i.id));
  const others = updated.filter((i) => !inSprint.has(i.id));
  const namesASprint = (issue: IssueRecord) =>
    issue.changelog.some((entry) =>
      entry.items.some(
        (item) =>
          item.field.toLowerCase() === 'sprint' &&
          [item.from, item.to]
            .flatMap((v) => (v ?? '').split(','))
            .some((id) => chosenIds.has(id.trim())),
      ),
    );
  const movedOut = others.filter(namesASprint);
  const replayed = new Set(input.logFieldIds);
  const read = [...inSprints, ...others];
  const histories = read.reduce(
    (n, issue) =>
      n + issue.changelog.filter((c) => c.items.some((item) => replayed.has(item.fieldId))).length,
    0,
  );
  const calls =
    Math.max(1, pages(listed.length, SPRINT_PAGE)) +
    1 +
    pages(inSprints.length + movedOut.length, ISSUES_PER_CALL) +
    (starts.length === 0 ? 0 : 1) +
    Math.max(pages(read.length, CHANGELOG_ISSUES), pages(histories, CHANGELOG_PAGE));
  return {
    calls,
    sprintIssues: inSprints.length,
    updated: updated.length,
    movedOut: movedOut.length,
    histories,
  };
}
