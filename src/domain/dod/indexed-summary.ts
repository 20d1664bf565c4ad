import type { WorkTypeOrUnclassified } from '../work/work-type';
import type { DodHistory } from './closed-before-ballast';
import type { DodEvaluation } from './evaluate-checklist';

/**
 * The values indexed for JQL through the `jira:entityProperty` module
 * (`ballastCategory = toil`, `dodComplete = 0`, `dodOpenRequired > 0`,
 * `dodClosedBeforeBallast = 1`). Numbers, not booleans, because Jira indexes property numbers and
 * compares them in JQL. An item closed before Ballast has no `dodComplete` / `dodOpenRequired` at
 * all, so neither `dodComplete = 0` nor `dodComplete = 1` counts it (there is no value for the
 * clause to match); `dodClosedBeforeBallast = 1` finds the items left out.
 */
export type DodIndexedSummary =
  | {
      readonly workType: WorkTypeOrUnclassified;
      readonly dodComplete: 0 | 1;
      readonly dodOpenRequired: number;
    }
  | {
      readonly workType: WorkTypeOrUnclassified;
      readonly dodClosedBeforeBallast: 1;
    };

/** An issue without a Definition of Done counts as complete with nothing open. */
export function indexedSummary(
  workType: WorkTypeOrUnclassified,
  evaluation: DodEvaluation,
  history: DodHistory = { kind: 'tracked' },
): DodIndexedSummary {
  if (history.kind === 'closedBeforeBallast') return { workType, dodClosedBeforeBallast: 1 };
  return {
    workType,
    dodComplete: evaluation.complete ? 1 : 0,
    dodOpenRequired: evaluation.openRequired.length,
  };
}
