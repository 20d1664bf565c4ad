import type { ItemStatus, SprintItem } from './sprint-item';

/** Jira's status category keys (sprint-item.ts `status`). */
export const STATUS_CATEGORY = { toDo: 'new', inProgress: 'indeterminate', done: 'done' } as const;

/**
 * Why an item of a running sprint must stay in it, or null when a rebalance may move it out
 * (issue #18): work that has started (status category In Progress) or is Done is committed — moving
 * it to the backlog would hide finished work from the sprint and drop what someone is doing. Only an
 * item known to be in a To Do status may go; one whose category Ballast cannot read stays, as if
 * started, because the safe mistake is to keep it.
 */
export function heldInRunningSprint(item: SprintItem): string | null {
  const own = stateOf(item.status);
  if (own !== 'toDo') return `${item.key} ${phrase(item.status, own)}: ${WHY[own]}`;
  // Jira moves sub-tasks with their parent: a To Do parent whose sub-task has started has started.
  for (const subtask of item.subtasks ?? []) {
    const state = stateOf(subtask.status);
    if (state !== 'toDo')
      return `${item.key} is ${item.status?.name ?? 'To Do'}, but its sub-task ${subtask.key} ${phrase(subtask.status, state)}: sub-tasks move with their parent, and ${WHY[state]}`;
  }
  return null;
}

type State = 'toDo' | 'started' | 'done' | 'unknown' | 'missing';

function stateOf(status: ItemStatus | undefined): State {
  if (status === undefined) return 'missing';
  switch (status.category) {
    case STATUS_CATEGORY.toDo:
      return 'toDo';
    case STATUS_CATEGORY.inProgress:
      return 'started';
    case STATUS_CATEGORY.done:
      return 'done';
    default:
      return 'unknown';
  }
}

const WHY: Readonly<Record<Exclude<State, 'toDo'>, string>> = {
  started: 'work that has started stays in the running sprint',
  done: 'finished work stays in the running sprint',
  unknown: 'it stays as if it had started',
  missing: 'it stays as if it had started',
};

/** "is In Review (In Progress)", "is Done", "has a status … Ballast does not know", … */
function phrase(status: ItemStatus | undefined, state: State): string {
  if (status === undefined) return 'has no status Jira sent';
  if (state === 'started') return `is ${named(status.name, 'In Progress')}`;
  if (state === 'done') return `is ${named(status.name, 'Done')}`;
  return `is ${status.name}, a status whose category Ballast does not know ("${status.category}")`;
}

/** "In Review (In Progress)", or just "Done" when the status is named as its category. */
const named = (status: string, category: string): string =>
  status.trim().toLowerCase() === category.toLowerCase() ? status : `${status} (${category})`;
