/**
 * Keeps an issue's Ballast property true after Jira changes it (issue created or updated): the rules
 * decide the type of untagged work, the derived JQL values follow the Definition of Done, and in a
 * team-managed project — where Jira has no workflow validators — an item moved to Done with required
 * items open is moved back and told why (PRODUCT.md §3).
 */
import { openRequiredMessage } from '../../domain/dod';
import { BALLAST_PROPERTY_KEY } from './ballast-property';
import { derivedProperty, loadIssueSnapshot, type IssueDeps } from './issue-snapshot';
import type { IssueWriteLock } from './issue-write-lock';
import { sameJson, writeDerivedFresh } from './write-derived';
import { setWorkTypeFieldValue } from './work-type-field';

export interface RefreshOutcome {
  readonly propertyWritten: boolean;
  readonly reopened: boolean;
}

export async function refreshIssue(
  deps: IssueDeps & { lock: IssueWriteLock },
  input: {
    projectKey: string;
    issueKey: string;
    /**
     * False when Ballast's licence is inactive: the derived values are still kept true, but an item
     * is never re-opened (src/entry/licence/fail-open.ts). Default true.
     */
    enforce?: boolean;
  },
): Promise<RefreshOutcome> {
  let snapshot = await loadIssueSnapshot(deps, input.projectKey, input.issueKey);
  let next = derivedProperty(snapshot);
  const stored = snapshot.issue.properties?.[BALLAST_PROPERTY_KEY];
  let propertyWritten = false;
  if (!sameJson(stored, next)) {
    // From a fresh read under the per-issue lock: a tick made since the read above is kept.
    const written = await writeDerivedFresh(
      deps,
      snapshot.issue,
      snapshot.config,
      snapshot.projectHistory,
    );
    // A person is changing the issue right now: their change writes the derived values.
    if (written === null) return { propertyWritten: false, reopened: false };
    ({ snapshot, property: next, wrote: propertyWritten } = written);
  }
  const previousType = (stored as { workType?: unknown } | undefined)?.workType;
  if (previousType !== next.workType) {
    try {
      await setWorkTypeFieldValue(deps.jira, Number(snapshot.issue.id), next.workType);
    } catch (error: unknown) {
      // The field is a convenience copy: the property (written above) is the record, and the
      // field's value function refreshes it the next time someone opens the issue.
      console.error(`Ballast could not set the Ballast category field of ${input.issueKey}`, error);
    }
  }

  const { fields } = snapshot.issue;
  const isDone = fields.status?.statusCategory?.key === 'done';
  const teamManaged = fields.project?.simplified === true;
  if (
    input.enforce === false ||
    !isDone ||
    !teamManaged ||
    snapshot.config.teamManagedDod !== 'reopen' ||
    snapshot.evaluation.complete ||
    // Closed before Ballast: no Definition of Done applies, so an edit of old work never re-opens it.
    snapshot.history.kind === 'closedBeforeBallast'
  ) {
    return { propertyWritten, reopened: false };
  }
  const transitions = await deps.jira.getTransitions(input.issueKey);
  const back =
    transitions.find((t) => t.to?.statusCategory?.key === 'indeterminate') ??
    transitions.find((t) => t.to?.statusCategory?.key === 'new');
  if (!back) return { propertyWritten, reopened: false };
  await deps.jira.transition(input.issueKey, back.id);
  await deps.jira.addComment(
    input.issueKey,
    `Ballast moved this item back to "${back.to?.name ?? back.name}". ${openRequiredMessage(input.issueKey, snapshot.evaluation.openRequired)}`,
  );
  return { propertyWritten, reopened: true };
}
