import type { IssueView } from '../../contract/issue-panel';
import { newChecklist, setManualItem } from '../../domain/dod';
import { AppError } from '../errors';
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

/** Ticks or unticks a manual Definition of Done item, recording who and when. One read, one write. */
export async function tickDodItem(
  deps: IssueDeps & { readonly lock?: IssueWriteLock; readonly notePerson?: NotePerson },
  input: {
    projectKey: string;
    issueKey: string;
    itemId: string;
    done: boolean;
    actor: { accountId: string; at: Date };
  },
): Promise<IssueView> {
  // One read-change-write at a time per issue: a concurrent change is never silently dropped.
  return (deps.lock ?? NO_ISSUE_LOCK).run(input.issueKey, async () => {
    const before = await loadIssueSnapshot(deps, input.projectKey, input.issueKey);
    if (before.history.kind === 'closedBeforeBallast') {
      throw new AppError(
        'BAD_REQUEST',
        `${input.issueKey} was closed before Ballast first saw this project, so no Definition of Done applies to it; re-open it to work its checklist.`,
        { field: 'itemId' },
      );
    }
    const template = before.template;
    if (!template) {
      throw new AppError(
        'BAD_REQUEST',
        `${input.issueKey} has no Definition of Done for its category, so there is nothing to tick.`,
        { field: 'itemId' },
      );
    }
    const change = setManualItem(
      before.checklist ?? newChecklist(template),
      template,
      input.itemId,
      {
        done: input.done,
        by: input.actor.accountId,
        at: input.actor.at.toISOString(),
      },
    );
    if (!change.ok)
      throw new AppError('BAD_REQUEST', `Not changed: ${change.error}.`, { field: 'itemId' });
    const after = await computeSnapshot(
      deps,
      before.issue,
      { ...before.property, dod: change.state },
      before.config,
      before.problems,
      'fetch',
      before.projectHistory,
    );
    // The personal data report must know this issue names the person before the property does.
    await deps.notePerson?.(input.actor.accountId, input.issueKey, input.actor.at);
    await deps.jira.setIssueProperty(input.issueKey, BALLAST_PROPERTY_KEY, derivedProperty(after));
    return withPeople(deps.jira, toIssueView(after));
  });
}
