import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { PostmortemActionRecord } from './records';
import { median, round } from './statistics';
import { DAY_MS, toMs } from './time';

/**
 * Postmortem action items tracked to closure (PRODUCT.md §4–5): closure rate = actions closed ÷
 * actions created, over the actions given. With it, in days: the median age of the open ones at
 * `now` and the oldest, and the median time the closed ones took. Actions with an unreadable
 * creation time are counted as `invalid` and left out.
 */
export function postmortemActions(
  actions: readonly PostmortemActionRecord[],
  { now }: { readonly now: string },
): MetricResult<
  number,
  {
    readonly created: number;
    readonly closed: number;
    readonly open: number;
    readonly medianOpenAgeDays: number | null;
    readonly oldestOpenAgeDays: number | null;
    readonly medianDaysToClose: number | null;
    readonly invalid: number;
  }
> {
  const nowMs = toMs(now);
  if (nowMs === undefined) {
    return notEnoughData('ratio', 0, 1, 'the current time is not a valid timestamp');
  }
  const openAges: number[] = [];
  const closeTimes: number[] = [];
  let invalid = 0;
  for (const action of actions) {
    const created = toMs(action.createdAt);
    const resolved = toMs(action.resolvedAt);
    if (created === undefined) invalid += 1;
    else if (resolved === undefined) openAges.push(Math.max(0, nowMs - created) / DAY_MS);
    else closeTimes.push(Math.max(0, resolved - created) / DAY_MS);
  }
  const created = openAges.length + closeTimes.length;
  if (created === 0) return notEnoughData('ratio', 0, 1, needs(1, 0, 'postmortem action'));
  const days = (value: number | undefined): number | null =>
    value === undefined ? null : round(value, 2);
  return {
    status: 'ok',
    value: round(closeTimes.length / created),
    unit: 'ratio',
    sampleSize: created,
    created,
    closed: closeTimes.length,
    open: openAges.length,
    medianOpenAgeDays: days(median(openAges)),
    oldestOpenAgeDays: days(openAges.length === 0 ? undefined : Math.max(...openAges)),
    medianDaysToClose: days(median(closeTimes)),
    invalid,
  };
}
