/**
 * The Definition of Done workflow validator's decision (PRODUCT.md §3): a move into a Done-category
 * status is refused while a required item is open, with a message that lists them. Two Jira calls:
 * the issue (with its Ballast property) and its transitions, which name the target status's category
 * — three when the template checks "postmortem action linked" and the issue links a candidate
 * postmortem whose label must be read (src/app/issue/postmortem-links.ts).
 */
import { transitionGate, type StatusCategory } from '../../domain/dod';
import { loadIssueSnapshot, type IssueDeps } from './issue-snapshot';

export interface DoneTransitionCheck {
  readonly allowed: boolean;
  /** Shown by Jira to the person whose transition was refused. */
  readonly message?: string;
}

const CATEGORIES: readonly string[] = ['new', 'indeterminate', 'done'];

export async function checkDoneTransition(
  deps: IssueDeps,
  input: { projectKey: string; issueKey: string; toStatusId: string },
): Promise<DoneTransitionCheck> {
  const [snapshot, transitions] = await Promise.all([
    loadIssueSnapshot(deps, input.projectKey, input.issueKey, 'stored'),
    deps.jira.getTransitions(input.issueKey),
  ]);
  const category = transitions.find((t) => t.to?.id === input.toStatusId)?.to?.statusCategory?.key;
  // A target Jira does not offer from here cannot be a Done move we can judge; Jira itself refuses
  // transitions that do not exist, so letting it through blocks nobody wrongly.
  if (category === undefined || !CATEGORIES.includes(category)) return { allowed: true };
  // Closed before Ballast and still Done (e.g. Done → Closed): no Definition of Done applies.
  // Re-opened, it is no longer Done, so this does not hold and its next close is checked.
  if (snapshot.history.kind === 'closedBeforeBallast') return { allowed: true };
  const decision = transitionGate({
    issue: snapshot.dodIssue,
    template: snapshot.template,
    state: snapshot.checklist,
    targetStatusCategory: category as StatusCategory,
  });
  return decision.allowed ? { allowed: true } : { allowed: false, message: decision.message };
}
