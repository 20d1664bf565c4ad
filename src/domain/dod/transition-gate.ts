import type { DodChecklistState } from './checklist-state';
import type { DodIssue } from './dod-issue';
import type { DodTemplate } from './dod-template';
import { evaluateChecklist, type DodItemResult } from './evaluate-checklist';

/** Jira status category keys. */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export type TransitionDecision =
  | {
      readonly allowed: true;
      readonly why: 'not-into-done' | 'no-definition-of-done' | 'definition-of-done-complete';
    }
  | {
      readonly allowed: false;
      readonly openRequired: readonly DodItemResult[];
      /** Plain words for the workflow validator or the reopen comment, shown as is. */
      readonly message: string;
    };

function describe(item: DodItemResult): string {
  return item.reason === undefined ? `"${item.text}"` : `"${item.text}" (${item.reason})`;
}

/**
 * The message that lists what is missing, for the validator's refusal and for the comment left
 * when a team-managed issue is reopened.
 */
export function openRequiredMessage(
  issueKey: string,
  openRequired: readonly DodItemResult[],
): string {
  const count = openRequired.length;
  const noun = count === 1 ? 'required item is' : 'required items are';
  return (
    `${issueKey} cannot be done yet: ${count} ${noun} still open in its Definition of Done: ` +
    `${openRequired.map(describe).join('; ')}. Complete ${count === 1 ? 'it' : 'them'} in the Ballast panel, then try again.`
  );
}

/**
 * The Definition of Done gate (PRODUCT.md §3): a move into a Done-category status is refused while a
 * required item is open; every other move is allowed.
 */
export function transitionGate(input: {
  readonly issue: DodIssue;
  readonly template: DodTemplate | undefined;
  readonly state: DodChecklistState | undefined;
  readonly targetStatusCategory: StatusCategory;
}): TransitionDecision {
  if (input.targetStatusCategory !== 'done') return { allowed: true, why: 'not-into-done' };
  if (input.template === undefined) return { allowed: true, why: 'no-definition-of-done' };
  const evaluation = evaluateChecklist(input.template, input.state, input.issue);
  if (evaluation.complete) return { allowed: true, why: 'definition-of-done-complete' };
  return {
    allowed: false,
    openRequired: evaluation.openRequired,
    message: openRequiredMessage(input.issue.key, evaluation.openRequired),
  };
}
