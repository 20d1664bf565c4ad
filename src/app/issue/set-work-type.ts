import type { IssueView } from '../../contract/issue-panel';
import type { WorkType } from '../../domain/work';
import { BALLAST_PROPERTY_KEY } from './ballast-property';
import { NO_ISSUE_LOCK, type IssueWriteLock } from './issue-write-lock';
import type { NotePerson } from './note-person';
import {
  computeSnapshot,
  derivedProperty,
  loadIssueSnapshot,
  toIssueView,
  type IssueDeps,
} from './issue-snapshot';
import { withPeople } from './issue-view-people';

/**
 * Sets the work type by hand (a manual choice beats every rule), or clears it so the rules decide
 * again. One Jira read, one write of the issue property; the DoD follows the new type's template,
 * keeping ticks on items the templates share.
 */
export async function setWorkType(
  deps: IssueDeps & { readonly lock?: IssueWriteLock; readonly notePerson?: NotePerson },
  input: {
    projectKey: string;
    issueKey: string;
    workType: WorkType | null;
    actor: { accountId: string; at: Date };
  },
): Promise<IssueView> {
  // One read-change-write at a time per issue: a concurrent change is never silently dropped.
  return (deps.lock ?? NO_ISSUE_LOCK).run(input.issueKey, async () => {
    const before = await loadIssueSnapshot(deps, input.projectKey, input.issueKey);
    const property = {
      ...before.property,
      ...(before.checklist ? { dod: before.checklist } : {}),
      workType: input.workType ?? ('unclassified' as const),
      workTypeSource: input.workType
        ? { kind: 'manual' as const, by: input.actor.accountId, at: input.actor.at.toISOString() }
        : { kind: 'none' as const },
    };
    const after = await computeSnapshot(
      deps,
      before.issue,
      property,
      before.config,
      before.problems,
      'fetch',
      before.projectHistory,
    );
    // The personal data report must know this issue names the person before the property does.
    if (input.workType !== null)
      await deps.notePerson?.(input.actor.accountId, input.issueKey, input.actor.at);
    await deps.jira.setIssueProperty(input.issueKey, BALLAST_PROPERTY_KEY, derivedProperty(after));
    return withPeople(deps.jira, toIssueView(after));
  });
}
