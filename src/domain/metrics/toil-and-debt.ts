import { notEnoughData, type MetricResult } from './metric-result';
import type { SprintItemRecord } from './records';
import { isCompleted, pointTotal } from './sprint-items';
import { round } from './statistics';

/**
 * Google's SRE book, ch. 5 "Eliminating Toil": SRE teams keep toil below 50% of their time.
 */
export const TOIL_CAP = 0.5;

/**
 * The share of capacity teams commonly keep for paying down technical debt: 10–20% (the
 * capacity-allocation guideline behind PRODUCT.md's default split, debt 10%; 20% is the widely
 * quoted upper end). Below the range debt accumulates, above it feature work starves.
 */
export const DEBT_GUIDELINE = { min: 0.1, max: 0.2 } as const;

/** The share of completed points of one work type among all completed points of `items`. */
function completedShare(items: readonly SprintItemRecord[], type: 'toil' | 'debt') {
  const completed = items.filter(isCompleted);
  const all = pointTotal(completed);
  const ofType = pointTotal(completed.filter((item) => item.workType === type));
  return { all, ofType };
}

/**
 * Toil share = toil points completed ÷ all points completed, over the items given (one sprint or
 * several: the caller chooses the window). Unclassified work stays in the denominator.
 */
export function toilShare(
  items: readonly SprintItemRecord[],
): MetricResult<
  number,
  { readonly toilPoints: number; readonly cap: number; readonly overCap: boolean }
> {
  const { all, ofType } = completedShare(items, 'toil');
  if (all.points <= 0)
    return notEnoughData('ratio', all.count, 1, 'no completed points to share out');
  const value = round(ofType.points / all.points);
  return {
    status: 'ok',
    value,
    unit: 'ratio',
    sampleSize: all.count,
    toilPoints: ofType.points,
    cap: TOIL_CAP,
    overCap: value > TOIL_CAP,
  };
}

/** Debt ratio = debt points completed ÷ all points completed, read against the 10–20% guideline. */
export function debtRatio(items: readonly SprintItemRecord[]): MetricResult<
  number,
  {
    readonly debtPoints: number;
    readonly guideline: typeof DEBT_GUIDELINE;
    readonly position: 'below' | 'within' | 'above';
  }
> {
  const { all, ofType } = completedShare(items, 'debt');
  if (all.points <= 0)
    return notEnoughData('ratio', all.count, 1, 'no completed points to share out');
  const value = round(ofType.points / all.points);
  const position =
    value < DEBT_GUIDELINE.min ? 'below' : value > DEBT_GUIDELINE.max ? 'above' : 'within';
  return {
    status: 'ok',
    value,
    unit: 'ratio',
    sampleSize: all.count,
    debtPoints: ofType.points,
    guideline: DEBT_GUIDELINE,
    position,
  };
}
