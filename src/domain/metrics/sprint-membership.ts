/**
 * One item's part in one sprint, replayed from its Jira history: the single definition of
 * "committed", "added after start", "removed after start" and "completed" that the sprint planner,
 * the project page and the sprint triggers all use.
 *
 * Definitions (Jira's own reports, support.atlassian.com/jira-software-cloud/docs/view-and-understand-the-velocity-chart/
 * and …/view-and-understand-the-sprint-report/):
 * - committed: in the sprint when it started ("the total estimate of all issues in the sprint when it
 *   begins"; items added later are not part of the commitment);
 * - added after start: not in the sprint at its start, in it at its end (the sprint report's
 *   "issue added after sprint start"); it uses the buffer (PRODUCT.md §2);
 * - removed after start: in the sprint after its start, out of it at its end (the sprint report's
 *   "issues removed from sprint");
 * - completed: in the sprint at its end and in a Done-category status then ("the total completed
 *   estimates when the sprint ends"; scope added after the start and completed is included).
 * The end is the close for a closed sprint and "now" for the active one.
 */

/** One change of a field, as Jira's changelog records it: ids before and after. */
export interface FieldChange {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly from: string | null;
  readonly to: string | null;
}

export interface ItemHistory {
  /** Epoch ms the item was created; NaN when unknown. Before it, the item was in no sprint. */
  readonly createdAt: number;
  /** Sprint-field changes, oldest first; values are comma-separated sprint ids. */
  readonly sprintChanges: readonly FieldChange[];
  /** Status changes, oldest first; values are status ids. */
  readonly statusChanges: readonly FieldChange[];
  /** The sprints the item's Sprint field holds now. */
  readonly sprintsNow: ReadonlySet<string>;
  readonly doneNow: boolean;
  /** Whether a status id is in the Done category. */
  readonly isDoneStatus: (statusId: string) => boolean;
}

export interface SprintWindow {
  readonly id: string;
  /** Epoch ms the sprint started. */
  readonly startedAt: number;
  /** Epoch ms it closed, or now for the active sprint. */
  readonly endsAt: number;
}

export interface SprintPart {
  readonly committed: boolean;
  readonly addedAfterStart: boolean;
  readonly removedAfterStart: boolean;
  readonly completed: boolean;
  /** When an item added after the start entered the sprint (its latest entry), epoch ms. */
  readonly addedAt: number | null;
}

/** Sprint ids in a Sprint change value ("1, 2" or "1,2"). */
export const sprintIdsIn = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

/** The value of a field at `at`, from its changes (oldest first) and its current value. */
function valueAt<T>(
  changes: readonly FieldChange[],
  at: number,
  current: T,
  read: (raw: string | null) => T,
): T {
  let last: FieldChange | undefined;
  for (const change of changes) {
    if (change.at <= at) last = change;
    else return last ? read(last.to) : read(change.from);
  }
  return last ? read(last.to) : current;
}

function sprintsAt(history: ItemHistory, at: number): ReadonlySet<string> {
  if (!Number.isNaN(history.createdAt) && at < history.createdAt) return new Set();
  return valueAt(history.sprintChanges, at, history.sprintsNow, (raw) => new Set(sprintIdsIn(raw)));
}

function doneAt(history: ItemHistory, at: number): boolean {
  return valueAt(history.statusChanges, at, history.doneNow, (raw) =>
    raw === null ? false : history.isDoneStatus(raw),
  );
}

/** The latest Sprint change after the start that put the item into the sprint, if any. */
function joinedAt(history: ItemHistory, sprint: SprintWindow): number | null {
  let entered: number | null = null;
  for (const change of history.sprintChanges) {
    const joins =
      sprintIdsIn(change.to).includes(sprint.id) && !sprintIdsIn(change.from).includes(sprint.id);
    if (joins && change.at > sprint.startedAt && change.at <= sprint.endsAt) {
      if (entered === null || change.at > entered) entered = change.at;
    }
  }
  return entered;
}

/** The item's part in the sprint, or null when it was never in it between start and end. */
export function sprintPart(history: ItemHistory, sprint: SprintWindow): SprintPart | null {
  const committed = sprintsAt(history, sprint.startedAt).has(sprint.id);
  const inAtEnd = sprintsAt(history, sprint.endsAt).has(sprint.id);
  const joined = committed ? null : joinedAt(history, sprint);
  if (!committed && !inAtEnd && joined === null) return null;
  const added = !committed && inAtEnd;
  // An item created in the sprint after its start entered it when it was created.
  const created = Number.isNaN(history.createdAt) ? sprint.startedAt : history.createdAt;
  return {
    committed,
    addedAfterStart: added,
    removedAfterStart: !inAtEnd,
    completed: inAtEnd && doneAt(history, sprint.endsAt),
    addedAt: added ? (joined ?? Math.max(created, sprint.startedAt)) : null,
  };
}
