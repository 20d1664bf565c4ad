import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { PostmortemActionRecord } from './records';
import { median, round } from './statistics';
import { DAY_MS, toMs } from './time';

const DUE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant a due date has passed: the end of that day in UTC. Jira's `duedate` is a calendar day
 * without a time (the issue field, "2026-03-10"); the site's time zone is not in the data, so UTC is
 * the one reading that does not depend on where Ballast runs.
 */
export function dueDatePassesAt(dueDate: string | null | undefined): number | undefined {
  if (dueDate === null || dueDate === undefined || !DUE_DATE.test(dueDate)) return undefined;
  const start = Date.parse(`${dueDate}T00:00:00Z`);
  return Number.isNaN(start) ? undefined : start + DAY_MS;
}

/** An open action as the Incidents page lists it. */
export interface OpenActionAge {
  readonly key: string;
  readonly postmortemKey: string | null;
  readonly ageDays: number;
  readonly dueDate: string | null;
  readonly overdue: boolean;
  /** Why it is overdue: past its due date, or older than the SLA without one; null when not. */
  readonly overdueBy: 'due-date' | 'sla' | null;
}

/**
 * Postmortem action items tracked to closure (PRODUCT.md §4–5): closure rate = actions closed ÷
 * actions created, over the actions given. With it, in days: the median age of the open ones at
 * `now` and the oldest, and the median time the closed ones took; and which open ones are overdue
 * — past their due date, or without one older than `slaDays` (the project's postmortem convention,
 * src/domain/postmortem/convention.ts). Actions with an unreadable creation time are counted as
 * `invalid` and left out. Ages are rounded to 2 decimals; `openActions` lists the open ones oldest
 * first.
 */
export function postmortemActions(
  actions: readonly PostmortemActionRecord[],
  { now, slaDays }: { readonly now: string; readonly slaDays: number },
): MetricResult<
  number,
  {
    readonly created: number;
    readonly closed: number;
    readonly open: number;
    readonly overdue: number;
    readonly medianOpenAgeDays: number | null;
    readonly oldestOpenAgeDays: number | null;
    readonly medianDaysToClose: number | null;
    readonly openActions: readonly OpenActionAge[];
    readonly invalid: number;
  }
> {
  const nowMs = toMs(now);
  if (nowMs === undefined) {
    return notEnoughData('ratio', 0, 1, 'the current time is not a valid timestamp');
  }
  const openActions: OpenActionAge[] = [];
  const closeTimes: number[] = [];
  let invalid = 0;
  for (const action of actions) {
    const created = toMs(action.createdAt);
    const resolved = toMs(action.resolvedAt);
    if (created === undefined) invalid += 1;
    else if (resolved === undefined) {
      const ageDays = Math.max(0, nowMs - created) / DAY_MS;
      const due = dueDatePassesAt(action.dueDate);
      const overdueBy =
        due !== undefined ? (nowMs >= due ? 'due-date' : null) : ageDays > slaDays ? 'sla' : null;
      openActions.push({
        key: action.key,
        postmortemKey: action.postmortemKey ?? null,
        ageDays,
        dueDate: due === undefined ? null : (action.dueDate ?? null),
        overdue: overdueBy !== null,
        overdueBy,
      });
    } else closeTimes.push(Math.max(0, resolved - created) / DAY_MS);
  }
  const created = openActions.length + closeTimes.length;
  if (created === 0) return notEnoughData('ratio', 0, 1, needs(1, 0, 'postmortem action'));
  const days = (value: number | undefined): number | null =>
    value === undefined ? null : round(value, 2);
  const openAges = openActions.map((a) => a.ageDays);
  return {
    status: 'ok',
    value: round(closeTimes.length / created),
    unit: 'ratio',
    sampleSize: created,
    created,
    closed: closeTimes.length,
    open: openActions.length,
    overdue: openActions.filter((a) => a.overdue).length,
    medianOpenAgeDays: days(median(openAges)),
    oldestOpenAgeDays: days(openAges.length === 0 ? undefined : Math.max(...openAges)),
    medianDaysToClose: days(median(closeTimes)),
    openActions: openActions
      .map((a) => ({ ...a, ageDays: round(a.ageDays, 2) }))
      .sort((a, b) => b.ageDays - a.ageDays || a.key.localeCompare(b.key)),
    invalid,
  };
}
