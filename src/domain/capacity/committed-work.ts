import type { SprintItem } from './sprint-item';

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
  const status = item.status;
  if (status === undefined)
    return `Jira did not say ${item.key}'s status, so it stays as if it had started`;
  switch (status.category) {
    case STATUS_CATEGORY.toDo:
      return null;
    case STATUS_CATEGORY.inProgress:
      return `${item.key} is ${named(status.name, 'In Progress')}: work that has started stays in the running sprint`;
    case STATUS_CATEGORY.done:
      return `${item.key} is ${named(status.name, 'Done')}: finished work stays in the running sprint`;
    default:
      return `${item.key}'s status ${status.name} has a category Ballast does not know ("${status.category}"), so it stays as if it had started`;
  }
}

/** "In Review (In Progress)", or just "Done" when the status is named as its category. */
const named = (status: string, category: string): string =>
  status.trim().toLowerCase() === category.toLowerCase() ? status : `${status} (${category})`;
