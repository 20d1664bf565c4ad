/**
 * What happened in one closed sprint beyond its sprint figures (issue #23): which incidents,
 * postmortems and postmortem actions fall inside it, how its completed items stand against the
 * Definition of Done, and where each retrospective action stood when it ended. The sprint figures
 * themselves (committed, completed, predictability, scope change, interrupts, balance, carry-over)
 * are the project page's rows (sprint-figures.ts and friends), never recomputed here.
 *
 * "In the sprint" is the half-open interval [start, complete): Jira's sprint report counts work by
 * the sprint's start and complete dates (support.atlassian.com/jira-software-cloud/docs/
 * view-and-understand-the-sprint-report/); an instant exactly at the close belongs to the next
 * sprint, so no event is counted in two adjacent sprints.
 */
import type { IncidentRecord, PostmortemActionRecord, SprintItemRecord } from './records';
import { toMs } from './time';

export interface SprintSpan {
  readonly startedAt: string;
  readonly completedAt: string;
}

/** True when `at` is inside [start, complete) of the sprint; false when either is unreadable. */
export function inSprint(at: string | null | undefined, sprint: SprintSpan): boolean {
  const t = toMs(at);
  const from = toMs(sprint.startedAt);
  const to = toMs(sprint.completedAt);
  return t !== undefined && from !== undefined && to !== undefined && t >= from && t < to;
}

/** The incidents whose impact started in the sprint, oldest first. */
export function incidentsStartedIn<T extends Pick<IncidentRecord, 'startedAt'>>(
  incidents: readonly T[],
  sprint: SprintSpan,
): T[] {
  return incidents
    .filter((incident) => inSprint(incident.startedAt, sprint))
    .sort((a, b) => (toMs(a.startedAt) ?? 0) - (toMs(b.startedAt) ?? 0));
}

export interface ActionsInSprint {
  /** Actions created in the sprint. */
  readonly opened: number;
  /** Actions resolved in the sprint (whenever they were created). */
  readonly closed: number;
  /** Actions created before the sprint's close and not resolved by then. */
  readonly openAtClose: number;
}

/** Postmortem actions opened and closed during the sprint, and those still open when it closed. */
export function actionsInSprint(
  actions: readonly Pick<PostmortemActionRecord, 'createdAt' | 'resolvedAt'>[],
  sprint: SprintSpan,
): ActionsInSprint {
  const close = toMs(sprint.completedAt);
  let opened = 0;
  let closed = 0;
  let openAtClose = 0;
  for (const action of actions) {
    if (inSprint(action.createdAt, sprint)) opened += 1;
    if (inSprint(action.resolvedAt, sprint)) closed += 1;
    if (stateAt(action, close) === 'open') openAtClose += 1;
  }
  return { opened, closed, openAtClose };
}

/** An item's Definition of Done as its derived, JQL-indexed values say (domain/dod/indexed-summary.ts). */
export type DodStanding = 'complete' | 'open' | 'closed-before-ballast' | 'not-evaluated';

export interface DodCompliance {
  /** Completed items of the sprint (added work included), each counted once. */
  readonly completedItems: number;
  readonly complete: number;
  /** Completed with required DoD items still open. */
  readonly open: number;
  /** Closed before Ballast first saw the project: no checklist applies (closed-before-ballast.ts). */
  readonly closedBeforeBallast: number;
  /** No DoD values stored on the item yet (the refresh has not reached it). */
  readonly notEvaluated: number;
  /** complete ÷ (complete + open); null when no completed item has a checklist. */
  readonly share: number | null;
  /** Keys of the completed items with required DoD items open, in key order (at most 50). */
  readonly openKeys: readonly string[];
}

export const DOD_OPEN_KEYS_SHOWN = 50;

/**
 * DoD compliance of a sprint's completed items: complete ÷ those with a checklist. Items closed
 * before Ballast and items not evaluated yet are counted apart, never as failures or successes.
 */
export function dodCompliance(
  items: readonly Pick<SprintItemRecord, 'issueKey' | 'completed'>[],
  standingOf: (issueKey: string) => DodStanding,
): DodCompliance {
  const keys = [...new Set(items.filter((item) => item.completed).map((item) => item.issueKey))];
  const counts: Record<DodStanding, number> = {
    complete: 0,
    open: 0,
    'closed-before-ballast': 0,
    'not-evaluated': 0,
  };
  const openKeys: string[] = [];
  for (const key of keys) {
    const standing = standingOf(key);
    counts[standing] += 1;
    if (standing === 'open') openKeys.push(key);
  }
  const judged = counts.complete + counts.open;
  return {
    completedItems: keys.length,
    complete: counts.complete,
    open: counts.open,
    closedBeforeBallast: counts['closed-before-ballast'],
    notEvaluated: counts['not-evaluated'],
    share: judged === 0 ? null : counts.complete / judged,
    openKeys: openKeys.sort(byIssueKey).slice(0, DOD_OPEN_KEYS_SHOWN),
  };
}

/** Issue keys in Jira's order: project, then number (SHOP-9 before SHOP-10). */
export function byIssueKey(a: string, b: string): number {
  const [pa, na] = splitKey(a);
  const [pb, nb] = splitKey(b);
  return pa === pb ? na - nb : pa < pb ? -1 : 1;
}

function splitKey(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  const n = Number(key.slice(dash + 1));
  return [key.slice(0, dash), Number.isFinite(n) ? n : 0];
}

/** Where a tracked item (retro action, postmortem action) stood at an instant. */
export type TrackedState = 'not-created' | 'open' | 'done';

/** Created after `at` → not created; resolved at or before `at` → done; otherwise open. */
export function stateAt(
  item: { readonly createdAt: string; readonly resolvedAt: string | null },
  at: number | undefined,
): TrackedState {
  const created = toMs(item.createdAt);
  if (at === undefined || created === undefined || created > at) return 'not-created';
  const resolved = toMs(item.resolvedAt);
  return resolved !== undefined && resolved <= at ? 'done' : 'open';
}

/** Each item's state at the close of each sprint (in the sprints' order), sprint over sprint. */
export function statesSprintOverSprint(
  item: { readonly createdAt: string; readonly resolvedAt: string | null },
  sprints: readonly SprintSpan[],
): TrackedState[] {
  return sprints.map((sprint) => stateAt(item, toMs(sprint.completedAt)));
}
