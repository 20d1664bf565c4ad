import type { WorkTypeOrUnclassified } from '../work/work-type';
import type { DodEvaluation } from './evaluate-checklist';

/**
 * The values indexed for JQL through the `jira:entityProperty` module
 * (`ballastCategory = toil`, `dodComplete = 0`, `dodOpenRequired > 0`). Numbers, not booleans, because
 * Jira indexes property numbers and compares them in JQL.
 */
export interface DodIndexedSummary {
  readonly workType: WorkTypeOrUnclassified;
  readonly dodComplete: 0 | 1;
  readonly dodOpenRequired: number;
}

/** An issue without a Definition of Done counts as complete with nothing open. */
export function indexedSummary(
  workType: WorkTypeOrUnclassified,
  evaluation: DodEvaluation,
): DodIndexedSummary {
  return {
    workType,
    dodComplete: evaluation.complete ? 1 : 0,
    dodOpenRequired: evaluation.openRequired.length,
  };
}
